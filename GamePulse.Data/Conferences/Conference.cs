namespace GamePulse.Data.Conferences;

public sealed record Conference
{
    public int Id { get; init; }
    public short LeagueId { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public bool Active { get; init; }
}
