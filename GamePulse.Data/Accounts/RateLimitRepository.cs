using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;

namespace GamePulse.Data.Accounts;

/// <summary>Sliding-window rate limits kept in PostgreSQL so they hold across every Web instance.</summary>
public sealed class RateLimitRepository
{
    /// <summary>How long the cleanup keeps an event: longer than the longest window.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>
    /// Records one event in every bucket when all of them are under their limit, and returns true; otherwise records
    /// nothing and returns false. Transaction-level advisory locks on the buckets serialise concurrent requests, so
    /// two instances cannot both take the last slot; they are held until the caller's transaction ends, so what the
    /// request writes with its events (the sign-in request) commits before the next request counts.
    /// </summary>
    public async Task<bool> TryAcquireAsync(GamePulseDb db, IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken = default)
    {
        if (db.Transaction is null)
        {
            // Outside a transaction each advisory lock would be released as soon as its statement ended.
            throw new InvalidOperationException("A rate limit is taken inside the caller's transaction, which holds the bucket locks.");
        }

        foreach (var limit in limits.OrderBy(l => l.Bucket, StringComparer.Ordinal))
        {
            // Raw SQL: an advisory lock is a function call, not a query over a table.
            await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@bucket, 200))", new { bucket = limit.Bucket }, cancellationToken);
            // The count is a separate statement so that its snapshot, taken after the lock, sees every committed event.
            var count = await db.RateLimitEvents.CountAsync(
                e => e.Bucket == limit.Bucket && e.OccurredAt > Sql.CurrentTzTimestamp - limit.Window, cancellationToken);
            if (count >= limit.Limit)
            {
                return false;
            }
        }

        // Raw SQL: one insert of every bucket from an array (unnest), each event timed by the database clock.
        await db.ExecuteAsync("INSERT INTO rate_limit_events (bucket) SELECT unnest(@buckets)",
            new { buckets = limits.Select(l => l.Bucket).ToArray() }, cancellationToken);
        return true;
    }

    /// <summary>Cleanup: events older than a day, which no window reaches.</summary>
    public Task<int> DeleteOldAsync(GamePulseDb db, CancellationToken cancellationToken = default) =>
        db.RateLimitEvents.DeleteAsync(e => e.OccurredAt < Sql.CurrentTzTimestamp - KeptFor, cancellationToken);
}
