using System.Globalization;
using GamePulse.Data.Pulse;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// A game's Pulse over time (one point per change, from pulse_history) for a small server-rendered SVG laid out like
/// <see cref="MarginChart"/>: x by observation time, y from 0 at the bottom to 100 at the top. The score holds
/// between changes, so the line is drawn as steps, not as slopes that would suggest values never observed.
/// </summary>
public sealed record PulseChart(IReadOnlyList<PulseHistoryPoint> Points, string Polyline)
{
    public const int Width = 600;
    public const int Height = 120;

    /// <summary>Space kept above 100 and below 0 so the line's stroke is not clipped.</summary>
    public const int Pad = 4;

    public int Peak => Points.Max(p => p.Score);

    /// <summary>The y of a score, for the gridlines at 0, 50 and 100.</summary>
    public static double Y(int score) => Height - Pad - (score * (Height - (2.0 * Pad)) / 100.0);

    public static PulseChart? From(IReadOnlyList<PulseHistoryPoint> history)
    {
        if (history.Count < 2)
        {
            return null;
        }

        var first = history[0].ObservedAt;
        var span = Math.Max(1, (history[^1].ObservedAt - first).TotalSeconds);
        var coordinates = new List<string>(history.Count * 2);
        for (var i = 0; i < history.Count; i++)
        {
            var x = (history[i].ObservedAt - first).TotalSeconds / span * Width;
            if (i > 0)
            {
                coordinates.Add(Point(x, Y(history[i - 1].Score)));
            }

            coordinates.Add(Point(x, Y(history[i].Score)));
        }

        return new PulseChart(history, string.Join(' ', coordinates));

        static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
    }
}
