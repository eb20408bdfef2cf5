namespace GamePulse.Data.Accounts;

public sealed record User
{
    public long Id { get; init; }
    public required string Email { get; init; }
    public Guid SecurityStamp { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
}
