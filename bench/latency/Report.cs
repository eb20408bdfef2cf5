using System.Globalization;

namespace GamePulse.Bench.Latency;

public sealed record SimChange(string EventId, string League, int Sequence, int Home, int Away, DateTimeOffset VisibleAt);

public sealed record SimEvents(DateTimeOffset Now, List<SimChange> Changes);

public sealed record Report(string Label, DateTimeOffset Started, int Seconds, int Changes, int Measured, int Unseen, Summary EndToEnd, Summary SourceToCommit, Summary CommitToScreen);

/// <summary>Percentiles by nearest rank, in seconds.</summary>
public sealed record Summary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Summary Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToList();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Summary(sorted.Count, Round(Rank(0.50)), Round(Rank(0.95)), Round(Rank(0.99)), Round(sorted[^1]), Round(sorted.Average()));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.00} s, p95 {P95:0.00} s, p99 {P99:0.00} s, max {Max:0.00} s, mean {Mean:0.00} s (n {Count})");

    private static double Round(double value) => Math.Round(value, 3);
}

/// <summary>"--name value" pairs.</summary>
public static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            parsed[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }
}
