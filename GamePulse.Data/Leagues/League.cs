namespace GamePulse.Data.Leagues;

public sealed record League
{
    public short Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Slug { get; init; }
    public required string EspnPath { get; init; }
    public required string NcaaSport { get; init; }
}
