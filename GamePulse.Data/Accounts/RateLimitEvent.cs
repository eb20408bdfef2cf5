using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>At most Limit events per Window in one bucket (e.g. "login-ip:203.0.113.9").</summary>
public sealed record RateLimit(string Bucket, int Limit, TimeSpan Window);

/// <summary>One counted event of a rate-limit bucket, timed by the database clock.</summary>
[Table("rate_limit_events")]
public sealed record RateLimitEvent
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("bucket")]
    public required string Bucket { get; init; }

    [Column("occurred_at")]
    public DateTimeOffset OccurredAt { get; init; }
}
