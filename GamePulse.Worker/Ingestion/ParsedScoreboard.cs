using GamePulse.Data.Games;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// A game read from a payload before its teams are resolved: <see cref="Game"/> carries 0 as team ids until
/// <see cref="WithTeams"/> fills in ours.
/// </summary>
public sealed record FeedGame(GameUpsert Game, string HomeTeamExternalId, string AwayTeamExternalId)
{
    public GameUpsert WithTeams(IReadOnlyDictionary<string, int> teamIds) =>
        Game with { HomeTeamId = teamIds[HomeTeamExternalId], AwayTeamId = teamIds[AwayTeamExternalId] };
}

/// <summary>A game the parser could not read; the others of the payload are still written.</summary>
public sealed record SkippedGame(string? ExternalId, string Reason);

/// <summary>Everything one scoreboard payload says, in our terms.</summary>
public sealed record ParsedScoreboard(
    ScoreSource Source,
    DateOnly? Date,
    IReadOnlyList<FeedGame> Games,
    IReadOnlyList<FeedTeam> Teams,
    IReadOnlyList<SkippedGame> Skipped)
{
    /// <summary>
    /// The payload is one game's ESPN summary: its header is a thinner view than a scoreboard's, so its game is written
    /// with <see cref="GameWriteMode.Summary"/> (fill gaps and move forward, never blank or rewrite).
    /// </summary>
    public bool IsSummary { get; init; }

    public GameWriteMode WriteMode => IsSummary ? GameWriteMode.Summary : GameWriteMode.Scoreboard;
}

/// <summary>The payload as a whole cannot be used (not JSON, truncated, not a basketball scoreboard, no games).</summary>
public sealed class PayloadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A game inside a payload cannot be used; the parser skips it and counts it.</summary>
public sealed class BadGameException(string message) : Exception(message);
