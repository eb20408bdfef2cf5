using System.Globalization;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Pulse;

namespace GamePulse.Web.Pages.Games;

/// <summary>A point of the chart: the home team's win probability after a play, at its elapsed game time.</summary>
public sealed record WinProbabilityPoint(int ElapsedSeconds, decimal Home, short Period, string? Clock);

/// <summary>
/// ESPN's home win probability after each play, laid out like <see cref="PulseChart"/> (same size, gridlines at 0, 50
/// and 100, a step line: the probability holds until the next play): x by elapsed game time so overtime takes its
/// five minutes, y from the away team certain (bottom) to the home team certain (top).
/// </summary>
public sealed record WinProbabilityChart(IReadOnlyList<WinProbabilityPoint> Points, string Polyline, IReadOnlyList<int> PeriodEnds, int TotalSeconds)
{
    public const int Width = PulseChart.Width;
    public const int Height = PulseChart.Height;

    public WinProbabilityPoint First => Points[0];

    public WinProbabilityPoint Last => Points[^1];

    /// <summary>The largest change in one play, in percentage points, and after which point it happened.</summary>
    public (int Points, WinProbabilityPoint At) BiggestSwing
    {
        get
        {
            var best = (Points: 0, At: Points[0]);
            for (var i = 1; i < Points.Count; i++)
            {
                var swing = (int)Math.Round(Math.Abs(Points[i].Home - Points[i - 1].Home) * 100);
                if (swing > best.Points)
                {
                    best = (swing, Points[i]);
                }
            }

            return best;
        }
    }

    public static double Y(decimal home) => Height - PulseChart.Pad - ((double)home * (Height - (2.0 * PulseChart.Pad)));

    public static double X(int elapsed, int total) => elapsed * (double)Width / Math.Max(1, total);

    public static WinProbabilityChart? From(IReadOnlyList<PlayLine> plays, GameFormat format)
    {
        var points = plays.Where(p => p.HomeWinPct is not null)
            .Select(p => new WinProbabilityPoint(Elapsed(format, p.Period, p.Clock), p.HomeWinPct!.Value, p.Period, p.Clock))
            .ToList();
        if (points.Count < 2)
        {
            return null;
        }

        var lastPeriod = Math.Max(format.RegulationPeriods, points.Max(p => p.Period));
        var total = Elapsed(format, lastPeriod + 1, null);
        var coordinates = new List<string>(points.Count * 2);
        for (var i = 0; i < points.Count; i++)
        {
            var x = X(points[i].ElapsedSeconds, total);
            if (i > 0)
            {
                coordinates.Add(Point(x, Y(points[i - 1].Home)));
            }

            coordinates.Add(Point(x, Y(points[i].Home)));
        }

        var periodEnds = Enumerable.Range(2, lastPeriod - 1).Select(p => Elapsed(format, p, null)).ToList();
        return new WinProbabilityChart(points, string.Join(' ', coordinates), periodEnds, total);

        static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
    }

    /// <summary>Seconds played before this clock of this period (a period start when the clock is unreadable).</summary>
    public static int Elapsed(GameFormat format, int period, string? clock)
    {
        var before = Enumerable.Range(1, Math.Max(0, period - 1)).Sum(p => Length(format, p));
        var length = Length(format, period);
        var left = Math.Clamp(GameFormat.ParseClock(clock) ?? length, 0, length);
        return before + (int)Math.Round(length - left);
    }

    private static int Length(GameFormat format, int period) => period > format.RegulationPeriods ? GameFormat.OvertimeMinutes * 60 : format.PeriodMinutes * 60;
}
