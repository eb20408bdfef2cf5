using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>One "send me a link" request as stored: only SHA-256 hashes of the link token, the code and the browser id.</summary>
[Table("login_requests")]
public sealed record LoginRequest
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("token_hash")]
    public required byte[] TokenHash { get; init; }

    [Column("code_hash")]
    public required byte[] CodeHash { get; init; }

    [Column("browser_id")]
    public required byte[] BrowserIdHash { get; init; }

    [Column("email")]
    public required string Email { get; init; }

    [Column("client_ip")]
    public string? ClientIp { get; init; }

    [Column("user_agent")]
    public string? UserAgent { get; init; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [Column("expires_at")]
    public DateTimeOffset ExpiresAt { get; init; }

    [Column("used_at")]
    public DateTimeOffset? UsedAt { get; init; }

    [Column("code_attempts")]
    public short CodeAttempts { get; init; }
}
