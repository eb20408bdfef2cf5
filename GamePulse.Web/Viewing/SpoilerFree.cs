using GamePulse.Data.Games;
using GamePulse.Data.Pulse;
using GamePulse.Data.Viewing;

namespace GamePulse.Web.Viewing;

/// <summary>What a spoiler-free view hides of a game, and the Pulse factors it shows instead (decision 0451).</summary>
public static class SpoilerFree
{
    /// <summary>A game with a result to hide: being played or final. A scheduled or called-off game has nothing to give away.</summary>
    public static bool Hides(this ViewVariant view, GameSummary game) =>
        view.HideSpoilers && (game.State == GameState.Final || game.IsInProgress);

    /// <summary>The factors this view shows: as stored, or reworded so they do not give the result away.</summary>
    public static IReadOnlyList<string> Factors(this ViewVariant view, GameSummary game) =>
        view.Hides(game) ? SpoilerFreeFactors.Phrase(game.PulseFactors, game.Notes) : game.PulseFactors ?? [];

    /// <summary>The line a spoiler-free page shows where a score would be.</summary>
    public const string Note = "Spoiler-free: scores are hidden.";
}
