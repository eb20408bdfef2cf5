using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>An outbox message claimed for sending; Attempts already counts this attempt.</summary>
public sealed record OutboxMessage
{
    public long Id { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public required string HtmlBody { get; init; }
    public int Attempts { get; init; }
    public string? TraceId { get; init; }
}

/// <summary>What the periodic cleanup removed.</summary>
public sealed record CleanupResult(int LoginRequests, int OutboxRows, int RateLimitEvents);

public sealed partial class EmailOutboxRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims due messages for this dispatcher: pending ones whose time has come, and "sending" ones whose lease ran
    /// out (their dispatcher died). SKIP LOCKED plus the status change mean two dispatchers never claim one message.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition("""
            UPDATE email_outbox o
            SET status = 'sending', attempts = o.attempts + 1, locked_until = now() + @lease
            FROM (
                SELECT id FROM email_outbox
                WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
                ORDER BY next_attempt_at, id
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.to_address, o.subject, o.text_body, o.html_body, o.attempts, o.trace_id
            """, new { batchSize, lease }, cancellationToken: cancellationToken));
        return [.. rows.OrderBy(r => r.Id)];
    }

    public async Task MarkSentAsync(long id, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE email_outbox SET status = 'sent', sent_at = now(), provider_message_id = @providerMessageId, locked_until = NULL, last_error = NULL
            WHERE id = @id
            """, new { id, providerMessageId }, cancellationToken: cancellationToken));
    }

    public async Task MarkRetryAsync(long id, string error, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE email_outbox SET status = 'pending', next_attempt_at = now() + @delay, locked_until = NULL, last_error = @error
            WHERE id = @id
            """, new { id, error, delay }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE email_outbox SET status = 'failed', locked_until = NULL, last_error = @error WHERE id = @id",
            new { id, error }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Removes what is no longer useful: sign-in requests a day past expiry, sent messages after a week (they hold
    /// sign-in codes), failed ones after 30 days (kept longer to investigate), rate-limit events older than a day.
    /// </summary>
    public async Task<CleanupResult> CleanupAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition("""
            WITH requests AS (DELETE FROM login_requests WHERE expires_at < now() - interval '1 day' RETURNING 1),
                 outbox AS (DELETE FROM email_outbox
                            WHERE (status = 'sent' AND sent_at < now() - interval '7 days')
                               OR (status = 'failed' AND created_at < now() - interval '30 days') RETURNING 1),
                 limits AS (DELETE FROM rate_limit_events WHERE occurred_at < now() - interval '1 day' RETURNING 1)
            SELECT (SELECT count(*) FROM requests)::int, (SELECT count(*) FROM outbox)::int, (SELECT count(*) FROM limits)::int
            """, cancellationToken: cancellationToken));
        return new CleanupResult(counts.Item1, counts.Item2, counts.Item3);
    }
}
