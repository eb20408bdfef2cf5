using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Games;

/// <summary>The pre-game betting line in the way it is usually written: the favourite and its spread, and the total.</summary>
public static class GameLine
{
    /// <summary>"Duke −3.5 · O/U 152.5", "Pick'em", or null when the source gave no line.</summary>
    public static string? Text(GameSummary game)
    {
        var parts = new List<string>();
        if (game.HomeSpread is { } spread)
        {
            // The stored spread is the home side's; the favourite is home when it is negative.
            parts.Add(spread == 0
                ? "Pick'em"
                : $"{(spread < 0 ? game.Home.ShortName : game.Away.ShortName)} \u2212{Number(Math.Abs(spread))}");
        }

        if (game.OverUnder is { } total)
        {
            parts.Add($"O/U {Number(total)}");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
