namespace GamePulse.Data.Teams;

public sealed record Team
{
    public int Id { get; init; }
    public short LeagueId { get; init; }
    public required string Slug { get; init; }
    public required string DisplayName { get; init; }
    public required string ShortName { get; init; }
    public string? Location { get; init; }
    public string? Nickname { get; init; }
    public string? Abbreviation { get; init; }
    public int? ConferenceId { get; init; }
    public string? ConferenceSlug { get; init; }
    public string? ConferenceName { get; init; }
    public string? PrimaryColor { get; init; }
    public string? SecondaryColor { get; init; }
    public string? LogoUrl { get; init; }
    public string? EspnId { get; init; }
    public string? NcaaSeo { get; init; }
    public bool Active { get; init; }
}
