using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>
/// Session ids whose cookie was signed out (table revoked_sessions, decision 0207). A row lives until the cookie it
/// names would have expired anyway, then the Worker's cleanup removes it. Plain Npgsql: three one-line statements.
/// </summary>
public sealed class SessionRevocationRepository(NpgsqlDataSource dataSource)
{
    public async Task RevokeAsync(string sessionId, long userId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO revoked_sessions (session_id, user_id, expires_at) VALUES ($1, $2, $3)
            ON CONFLICT (session_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sessionId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = expiresAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sessionId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Forgets revocations whose cookies have expired; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM revoked_sessions WHERE expires_at < now()");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
