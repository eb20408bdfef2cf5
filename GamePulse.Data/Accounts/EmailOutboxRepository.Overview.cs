using Dapper;

namespace GamePulse.Data.Accounts;

/// <summary>A message that will not be sent again, as the admin page lists it (the body is left out: it holds sign-in secrets).</summary>
public sealed record FailedEmail
{
    public long Id { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? TraceId { get; init; }
}

/// <summary>The outbox at a glance: messages waiting (pending or being sent), failed ones, and the latest failures.</summary>
public sealed record OutboxOverview(int Pending, int Sending, int Failed, IReadOnlyList<FailedEmail> LatestFailed);

public sealed partial class EmailOutboxRepository
{
    public async Task<OutboxOverview> GetOverviewAsync(int latestFailed, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(int Pending, int Sending, int Failed)>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE status = 'pending')::int,
                   count(*) FILTER (WHERE status = 'sending')::int,
                   count(*) FILTER (WHERE status = 'failed')::int
            FROM email_outbox
            """, cancellationToken: cancellationToken));
        var failed = await connection.QueryAsync<FailedEmail>(new CommandDefinition("""
            SELECT id, to_address, subject, attempts, last_error, created_at, trace_id
            FROM email_outbox WHERE status = 'failed'
            ORDER BY created_at DESC, id DESC LIMIT @latestFailed
            """, new { latestFailed }, cancellationToken: cancellationToken));
        return new OutboxOverview(counts.Pending, counts.Sending, counts.Failed, [.. failed]);
    }
}
