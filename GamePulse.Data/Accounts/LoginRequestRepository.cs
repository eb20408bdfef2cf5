using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>A sign-in request to record; every secret arrives already hashed.</summary>
public sealed record NewLoginRequest(byte[] TokenHash, byte[] CodeHash, byte[] BrowserIdHash, string Email, string? ClientIp, string? UserAgent, DateTimeOffset ExpiresAt);

/// <summary>An email for the Worker to send; TraceId is the queuing request's, so the Worker's events can name it.</summary>
public sealed record OutgoingEmail(string ToAddress, string Subject, string TextBody, string HtmlBody, string? TraceId = null);

/// <summary>The outcome of typing a code: signed in as Email, or wrong with AttemptsLeft, or no usable request at all.</summary>
public sealed record CodeAttempt(bool Matched, string? Email, int AttemptsLeft);

public sealed class LoginRequestRepository(NpgsqlDataSource dataSource)
{
    public const string EmailChannel = "gamepulse_email";
    public const int MaxCodeAttempts = 5;

    /// <summary>
    /// Records the request and its email in one transaction, so a link is never stored without its message (nor the
    /// reverse), and wakes the Worker's dispatcher: PostgreSQL delivers the notification when the transaction commits.
    /// </summary>
    public async Task<long> CreateAsync(NewLoginRequest request, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO login_requests (token_hash, code_hash, browser_id, email, client_ip, user_agent, expires_at)
            VALUES (@TokenHash, @CodeHash, @BrowserIdHash, @Email, @ClientIp, @UserAgent, @ExpiresAt)
            """, request, transaction, cancellationToken: cancellationToken));
        var outboxId = await connection.QuerySingleAsync<long>(new CommandDefinition("""
            INSERT INTO email_outbox (to_address, subject, text_body, html_body, trace_id) VALUES (@ToAddress, @Subject, @TextBody, @HtmlBody, @TraceId)
            RETURNING id
            """, email, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_notify(@channel, @payload)", new { channel = EmailChannel, payload = outboxId.ToString() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return outboxId;
    }

    /// <summary>The address a still-usable link signs in as (for the confirmation page), without using it up.</summary>
    public async Task<string?> FindUsableEmailAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT email FROM login_requests WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > now()",
            new { tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>Uses the link up and returns its address; one statement, so of two concurrent calls only one wins.</summary>
    public async Task<string?> ConsumeTokenAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
            UPDATE login_requests SET used_at = now()
            WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > now()
            RETURNING email
            """, new { tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Checks a typed code against the newest usable request of this browser. Every attempt counts, a match uses the
    /// request up, and after <see cref="MaxCodeAttempts"/> wrong codes the request accepts no code at all (the link
    /// still works). The row lock makes concurrent attempts count one by one.
    /// </summary>
    public async Task<CodeAttempt> TryCodeAsync(byte[] browserIdHash, byte[] codeHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Email, bool Matched, short Attempts)?>(new CommandDefinition("""
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
            """, new { browserIdHash, codeHash, max = MaxCodeAttempts }, cancellationToken: cancellationToken));
        return row switch
        {
            null => new CodeAttempt(false, null, 0),
            { Matched: true } r => new CodeAttempt(true, r.Email, MaxCodeAttempts - r.Attempts),
            var r => new CodeAttempt(false, null, MaxCodeAttempts - r.Value.Attempts),
        };
    }
}
