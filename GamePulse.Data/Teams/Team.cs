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

/// <summary>A team as an upstream payload describes it; used to resolve it, or to create it when it is unknown.</summary>
public sealed record FeedTeam(
    string ExternalId,
    string DisplayName,
    string ShortName,
    string? Location,
    string? Nickname,
    string? Abbreviation,
    string? PrimaryColor,
    string? SecondaryColor,
    string? LogoUrl);

/// <summary>
/// Our ids for a payload's teams, the teams created for it, and every resolved team's stored short name (what Pulse's
/// factor texts use, so a new game can be scored before it is written).
/// </summary>
public sealed record ResolvedTeams(IReadOnlyDictionary<string, int> TeamIdsByExternalId, IReadOnlyList<FeedTeam> Created, IReadOnlyDictionary<int, string> ShortNamesById)
{
    /// <summary>A side's short name: the team's, or for an unknown side its placeholder label, else "TBD".</summary>
    public string ShortNameOf(int? teamId, string? placeholder) =>
        teamId is { } id ? ShortNamesById[id] : placeholder ?? Games.GameTeam.Unknown;
}
