using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;

namespace GamePulse.Data.Accounts;

/// <summary>
/// Session ids whose cookie was signed out (table revoked_sessions, decision 0207). A row lives until the cookie it
/// names would have expired anyway, then the Worker's cleanup removes it.
/// </summary>
public sealed class SessionRevocationRepository(GamePulseDbFactory databases)
{
    public async Task RevokeAsync(string sessionId, long userId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: a revocation that is already recorded stays as it is (ON CONFLICT DO NOTHING).
        await db.ExecuteAsync("""
            INSERT INTO revoked_sessions (session_id, user_id, expires_at) VALUES (@sessionId, @userId, @expiresAt)
            ON CONFLICT (session_id) DO NOTHING
            """, new { sessionId, userId, expiresAt = expiresAt.ToUniversalTime() }, cancellationToken);
    }

    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.RevokedSessions.AnyAsync(r => r.SessionId == sessionId, cancellationToken);
    }

    /// <summary>Forgets revocations whose cookies have expired, in the cleanup's unit of work; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(GamePulseDb db, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM revoked_sessions WHERE expires_at < now()", cancellationToken);
}
