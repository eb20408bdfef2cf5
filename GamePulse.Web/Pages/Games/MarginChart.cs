using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// The home-minus-away margin over the observed score changes, laid out for a small server-rendered SVG: no chart
/// library and no script. Points are spaced by observation time so runs of scoring show as steep stretches.
/// </summary>
public sealed record MarginChart(IReadOnlyList<MarginPoint> Points, int MaxMargin, string Polyline)
{
    public const int Width = 600;
    public const int Height = 160;

    public static MarginChart? From(IReadOnlyList<GameSnapshot> snapshots)
    {
        var scored = snapshots.Where(s => s.HomeScore is not null && s.AwayScore is not null).ToList();
        if (scored.Count < 2)
        {
            return null;
        }

        var first = scored[0].ObservedAt;
        var span = Math.Max(1, (scored[^1].ObservedAt - first).TotalSeconds);
        var points = scored.Select(s => new MarginPoint(s, s.HomeScore!.Value - s.AwayScore!.Value, (s.ObservedAt - first).TotalSeconds / span)).ToList();
        var maxMargin = Math.Max(5, points.Max(p => Math.Abs(p.Margin)));
        var polyline = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Position * Width:0.#},{(Height / 2.0) - (p.Margin * (Height / 2.0 - 8) / maxMargin):0.#}")));
        return new MarginChart(points, maxMargin, polyline);
    }
}

public sealed record MarginPoint(GameSnapshot Snapshot, int Margin, double Position);
