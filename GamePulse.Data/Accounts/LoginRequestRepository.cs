using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>A sign-in request to record; every secret arrives already hashed.</summary>
public sealed record NewLoginRequest(byte[] TokenHash, byte[] CodeHash, byte[] BrowserIdHash, string Email, string? ClientIp, string? UserAgent, DateTimeOffset ExpiresAt);

/// <summary>The outcome of typing a code: signed in as Email, or wrong with AttemptsLeft, or no usable request at all.</summary>
public sealed record CodeAttempt(bool Matched, string? Email, int AttemptsLeft);

public sealed class LoginRequestRepository(GamePulseDbFactory databases)
{
    public const int MaxCodeAttempts = 5;

    /// <summary>How long past its expiry the cleanup keeps a request.</summary>
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    /// <summary>
    /// Records the request in the caller's unit of work: the Web writes it in one transaction with its email
    /// (<see cref="EmailOutboxRepository.EnqueueAsync"/>), so a link is never stored without its message, nor the reverse.
    /// </summary>
    public Task CreateAsync(GamePulseDb db, NewLoginRequest request, CancellationToken cancellationToken = default) =>
        db.LoginRequests.InsertAsync(() => new LoginRequest
        {
            TokenHash = request.TokenHash,
            CodeHash = request.CodeHash,
            BrowserIdHash = request.BrowserIdHash,
            Email = request.Email,
            ClientIp = request.ClientIp,
            UserAgent = request.UserAgent,
            ExpiresAt = request.ExpiresAt.ToUniversalTime(),
        }, cancellationToken);

    /// <summary>The address a still-usable link signs in as (for the confirmation page), without using it up.</summary>
    public async Task<string?> FindUsableEmailAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.LoginRequests
            .Where(r => r.TokenHash == tokenHash && r.UsedAt == null && r.ExpiresAt > Sql.CurrentTzTimestamp)
            .Select(r => r.Email)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Uses the link up and returns its address; one statement, so of two concurrent calls only one wins.</summary>
    public async Task<string?> ConsumeTokenAsync(GamePulseDb db, byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        var emails = await db.LoginRequests
            .Where(r => r.TokenHash == tokenHash && r.UsedAt == null && r.ExpiresAt > Sql.CurrentTzTimestamp)
            .Set(r => r.UsedAt, () => Sql.CurrentTzTimestamp)
            .UpdateWithOutputAsync((_, updated) => updated.Email)
            .ToListAsync(cancellationToken);
        return emails.SingleOrDefault();
    }

    /// <summary>
    /// Checks a typed code against the newest usable request of this browser. Every attempt counts, a match uses the
    /// request up, and after <see cref="MaxCodeAttempts"/> wrong codes the request accepts no code at all (the link
    /// still works). The row lock makes concurrent attempts count one by one.
    /// </summary>
    public async Task<CodeAttempt> TryCodeAsync(GamePulseDb db, byte[] browserIdHash, byte[] codeHash, CancellationToken cancellationToken = default)
    {
        // Raw SQL: the newest usable request is picked under a row lock (FOR UPDATE in a CTE) and its attempt counted
        // in the same statement, which LINQ cannot say.
        var rows = await db.QueryToListAsync<CodeAttemptRow>("""
            WITH target AS (
                SELECT id FROM login_requests
                WHERE browser_id = @browserIdHash AND used_at IS NULL AND expires_at > now() AND code_attempts < @max
                ORDER BY created_at DESC, id DESC LIMIT 1
                FOR UPDATE)
            UPDATE login_requests r
            SET code_attempts = r.code_attempts + 1,
                used_at = CASE WHEN r.code_hash = @codeHash THEN now() END
            FROM target WHERE r.id = target.id AND r.code_attempts < @max
            RETURNING r.email, r.used_at IS NOT NULL AS matched, r.code_attempts
            """, new { browserIdHash, codeHash, max = MaxCodeAttempts }, cancellationToken);
        return rows.SingleOrDefault() switch
        {
            null => new CodeAttempt(false, null, 0),
            { Matched: true } row => new CodeAttempt(true, row.Email, MaxCodeAttempts - row.CodeAttempts),
            var row => new CodeAttempt(false, null, MaxCodeAttempts - row.CodeAttempts),
        };
    }

    /// <summary>Every request for an address (the deletion of its account).</summary>
    public Task<int> DeleteForAddressAsync(GamePulseDb db, string email, CancellationToken cancellationToken = default) =>
        db.LoginRequests.DeleteAsync(r => r.Email == email, cancellationToken);

    /// <summary>Cleanup: requests a day past their expiry.</summary>
    public Task<int> DeleteExpiredAsync(GamePulseDb db, CancellationToken cancellationToken = default) =>
        db.LoginRequests.DeleteAsync(r => r.ExpiresAt < Sql.CurrentTzTimestamp - KeptAfterExpiry, cancellationToken);

    private sealed record CodeAttemptRow
    {
        [Column("email")]
        public required string Email { get; init; }

        [Column("matched")]
        public bool Matched { get; init; }

        [Column("code_attempts")]
        public short CodeAttempts { get; init; }
    }
}
