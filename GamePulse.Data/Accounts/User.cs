using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>A signed-up user: created by the first successful sign-in, identified by a lower-cased email address.</summary>
[Table("users")]
public sealed record User
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("email")]
    public required string Email { get; init; }

    /// <summary>Copied into the session cookie; a new stamp revokes every cookie issued before.</summary>
    [Column("security_stamp")]
    public Guid SecurityStamp { get; init; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [Column("last_sign_in_at")]
    public DateTimeOffset? LastSignInAt { get; init; }
}
