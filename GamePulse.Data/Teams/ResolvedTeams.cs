namespace GamePulse.Data.Teams;

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
