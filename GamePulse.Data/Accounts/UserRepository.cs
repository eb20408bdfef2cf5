using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;

namespace GamePulse.Data.Accounts;

public sealed class UserRepository(GamePulseDbFactory databases)
{
    /// <summary>The first successful sign-in creates the user; later ones record the time.</summary>
    public async Task<User> SignInAsync(GamePulseDb db, string email, CancellationToken cancellationToken = default)
    {
        // Raw SQL: an upsert that returns the row it wrote (ON CONFLICT … RETURNING); InsertOrUpdate returns a count only.
        var rows = await db.QueryToListAsync<User>("""
            INSERT INTO users (email, security_stamp, last_sign_in_at) VALUES (@email, gen_random_uuid(), now())
            ON CONFLICT (email) DO UPDATE SET last_sign_in_at = now()
            RETURNING id, email, security_stamp, created_at, last_sign_in_at
            """, new { email }, cancellationToken);
        return rows.Single();
    }

    /// <summary>The user's current security stamp, or null when the user no longer exists.</summary>
    public async Task<Guid?> GetSecurityStampAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Users.Where(u => u.Id == id).Select(u => (Guid?)u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A new stamp (gen_random_uuid()) invalidates every session cookie issued before ("sign out everywhere").</summary>
    public Task RotateSecurityStampAsync(GamePulseDb db, long id, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == id).Set(u => u.SecurityStamp, () => Sql.NewGuid()).UpdateAsync(cancellationToken);

    /// <summary>
    /// Deletes the user, and with them their follows (ON DELETE CASCADE); returns their address for the deletion of
    /// the rows kept by address (sign-in requests, emails) in the same unit of work, or null when there was no such user.
    /// </summary>
    public async Task<string?> DeleteAsync(GamePulseDb db, long id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Users.Where(u => u.Id == id).DeleteWithOutputAsync(u => u.Email).ToListAsync(cancellationToken);
        return deleted.SingleOrDefault();
    }
}
