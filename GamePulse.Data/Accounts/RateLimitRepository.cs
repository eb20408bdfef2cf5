using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>At most Limit events per Window in one bucket (e.g. "login-ip:203.0.113.9").</summary>
public sealed record RateLimit(string Bucket, int Limit, TimeSpan Window);

/// <summary>Sliding-window rate limits kept in PostgreSQL so they hold across every Web instance.</summary>
public sealed class RateLimitRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records one event in every bucket when all of them are under their limit, and returns true; otherwise records
    /// nothing and returns false. Transaction-level advisory locks on the buckets serialise concurrent requests, so
    /// two instances cannot both take the last slot.
    /// </summary>
    public async Task<bool> TryAcquireAsync(IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var limit in limits.OrderBy(l => l.Bucket, StringComparer.Ordinal))
        {
            // The count is a separate statement so that its snapshot, taken after the lock, sees every committed event.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended(@Bucket, 200))", new { limit.Bucket }, transaction, cancellationToken: cancellationToken));
            var count = await connection.QuerySingleAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM rate_limit_events WHERE bucket = @Bucket AND occurred_at > now() - @Window",
                new { limit.Bucket, limit.Window }, transaction, cancellationToken: cancellationToken));
            if (count >= limit.Limit)
            {
                return false;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO rate_limit_events (bucket) SELECT unnest(@buckets)", new { buckets = limits.Select(l => l.Bucket).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
