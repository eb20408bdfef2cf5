namespace GamePulse.Data.Pulse;

/// <summary>What a score measures: excitement now (live), how good the game was (final), or anticipation (scheduled).</summary>
public static class PulseKind
{
    public const string Live = "live";
    public const string Final = "final";
    public const string Scheduled = "scheduled";

    /// <summary>Postponed or canceled: there is nothing to watch, so the score is 0 with no factors.</summary>
    public const string Off = "off";
}

/// <summary>One reason behind a score, in words a visitor reads next to the number, and the points it added.</summary>
public sealed record PulseFactor(string Text, int Points);

/// <summary>A game's Pulse: 0–100 and the top factors that explain it, biggest first.</summary>
public sealed record PulseScore(int Score, IReadOnlyList<PulseFactor> Factors, string Kind)
{
    public IReadOnlyList<string> FactorTexts => [.. Factors.Select(f => f.Text)];
}
