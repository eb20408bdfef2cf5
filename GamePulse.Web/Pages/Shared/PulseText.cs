using GamePulse.Data.Games;
using GamePulse.Data.Viewing;
using GamePulse.Web.Viewing;

namespace GamePulse.Web.Pages.Shared;

/// <summary>How the site words and shades a game's Pulse (the score itself is computed by the Worker).</summary>
public static class PulseText
{
    /// <summary>Postponed and canceled games have nothing to watch; every other game with a score shows it.</summary>
    public static bool Shows(GameSummary game) =>
        game.PulseScore is not null && game.State is not (GameState.Postponed or GameState.Canceled);

    /// <summary>Three shades, so the number is never the only cue and a glance finds the hot games.</summary>
    public static string Level(int score) => score switch
    {
        >= 70 => "pulse-hot",
        >= 40 => "pulse-warm",
        _ => "pulse-calm",
    };

    /// <summary>What the number measures depends on the state, as the formula does.</summary>
    public static string Measures(GameSummary game) => game.State switch
    {
        GameState.Final => "how good the game was to watch",
        GameState.Scheduled => "how much the game is worth looking forward to",
        _ => "how exciting the game is right now",
    };

    /// <summary>The badge's tooltip: the factors in words, biggest first.</summary>
    public static string Tooltip(GameSummary game) => Tooltip(game, ViewVariant.Default);

    /// <summary>The tooltip as a viewer's variant reads it (spoiler-free factors when scores are hidden).</summary>
    public static string Tooltip(GameSummary game, ViewVariant view) =>
        view.Factors(game) is { Count: > 0 } factors ? $"Pulse {game.PulseScore}: {string.Join(" · ", factors)}" : $"Pulse {game.PulseScore}";
}
