using LinqToDB;
using LinqToDB.Async;

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
        await using var db = databases.Open();
        var counts = await db.EmailOutbox
            .Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending || o.Status == OutboxStatus.Failed)
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        var failed = await db.EmailOutbox
            .Where(o => o.Status == OutboxStatus.Failed)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(latestFailed)
            .Select(o => new FailedEmail
            {
                Id = o.Id,
                ToAddress = o.ToAddress,
                Subject = o.Subject,
                Attempts = o.Attempts,
                LastError = o.LastError,
                CreatedAt = o.CreatedAt,
                TraceId = o.TraceId,
            })
            .ToListAsync(cancellationToken);
        return new OutboxOverview(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sending),
            counts.GetValueOrDefault(OutboxStatus.Failed), failed);
    }
}
