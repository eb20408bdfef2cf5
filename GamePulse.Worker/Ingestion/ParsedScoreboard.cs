using GamePulse.Data.Games;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// A game read from a payload before its teams are resolved: <see cref="Game"/> carries no team ids until
/// <see cref="WithTeams"/> fills in ours. A side whose external id is null is a placeholder (a bracket slot not decided
/// yet): it never becomes a team, and the game is stored with that side unknown.
/// </summary>
public sealed record FeedGame(GameUpsert Game, string? HomeTeamExternalId, string? AwayTeamExternalId)
{
    public GameUpsert WithTeams(IReadOnlyDictionary<string, int> teamIds) => Game with
    {
        HomeTeamId = HomeTeamExternalId is { } home ? teamIds[home] : null,
        AwayTeamId = AwayTeamExternalId is { } away ? teamIds[away] : null,
    };

    /// <summary>False for a game that names the same team on both sides (a feed error); two unknown sides are fine.</summary>
    public static bool HasDistinctSides(GameUpsert game) => game.HomeTeamId is null || game.HomeTeamId != game.AwayTeamId;
}

/// <summary>
/// How both parsers tell a placeholder competitor from a team: ESPN's bracket slots carry ids that are not team ids
/// ("-2", "0") and the name "TBD"; NCAA.com's an empty or "tbd" seo name. The placeholder's own name is kept as the
/// slot's label only when it says more than TBD ("Winner of Texas/Xavier").
/// </summary>
public static class Placeholders
{
    public static bool IsPlaceholderId(string? id) => id is "0" or "tbd" or "tba" || id?.StartsWith('-') == true;

    public static bool IsPlaceholderName(string? name) =>
        name?.Trim() is { } text && (text.Equals("TBD", StringComparison.OrdinalIgnoreCase) || text.Equals("TBA", StringComparison.OrdinalIgnoreCase));

    public static string? Label(string? name) => IsPlaceholderName(name) ? null : name!.Trim();
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
