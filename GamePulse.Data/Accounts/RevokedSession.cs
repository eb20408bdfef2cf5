using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>A signed-out session cookie's id, kept until the cookie would have expired (decision 0207).</summary>
[Table("revoked_sessions")]
public sealed record RevokedSession
{
    [Column("session_id"), PrimaryKey]
    public required string SessionId { get; init; }

    [Column("user_id")]
    public long UserId { get; init; }

    [Column("revoked_at", SkipOnInsert = true)]
    public DateTimeOffset RevokedAt { get; init; }

    [Column("expires_at")]
    public DateTimeOffset ExpiresAt { get; init; }
}
