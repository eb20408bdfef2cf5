using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

public sealed class UserRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, email, security_stamp, created_at, last_sign_in_at";

    /// <summary>The first successful sign-in creates the user; later ones record the time.</summary>
    public async Task<User> SignInAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<User>(new CommandDefinition($"""
            INSERT INTO users (email, security_stamp, last_sign_in_at) VALUES (@email, gen_random_uuid(), now())
            ON CONFLICT (email) DO UPDATE SET last_sign_in_at = now()
            RETURNING {Columns}
            """, new { email }, cancellationToken: cancellationToken));
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE email = @email", new { email }, cancellationToken: cancellationToken));
    }

    /// <summary>The user's current security stamp, or null when the user no longer exists.</summary>
    public async Task<Guid?> GetSecurityStampAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A new stamp invalidates every session cookie issued before ("sign out everywhere").</summary>
    public async Task RotateSecurityStampAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET security_stamp = gen_random_uuid() WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes the user with every row about them: follows (cascade), sign-in requests and emails to their address.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var email = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "DELETE FROM users WHERE id = @id RETURNING email", new { id }, transaction, cancellationToken: cancellationToken));
        if (email is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM login_requests WHERE email = @email;
                DELETE FROM email_outbox WHERE to_address = @email AND status <> 'sending';
                """, new { email }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
