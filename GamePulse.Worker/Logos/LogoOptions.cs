using System.ComponentModel.DataAnnotations;

namespace GamePulse.Worker.Logos;

/// <summary>Settings of section "Logos" (environment: Logos__Name), validated at start-up (docs/ingestion.md, "Logos").</summary>
public sealed class LogoOptions
{
    public const string Section = "Logos";

    /// <summary>Fetch and refresh team logos in <c>run</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the Worker looks for logos that are due (none stored, a new source URL, or older than <see cref="RefreshDays"/>).</summary>
    [Range(1, 10080)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>A stored logo is asked for again (a conditional GET) after this many days.</summary>
    [Range(1, 365)]
    public int RefreshDays { get; set; } = 30;

    /// <summary>Most logos one pass fetches; the rest wait for the next pass.</summary>
    [Range(1, 2000)]
    public int MaxPerPass { get; set; } = 200;

    /// <summary>Logos fetched at the same time.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 4;

    [Range(0.1, 50.0)]
    public double RequestsPerSecond { get; set; } = 5;

    [Range(1, 120)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries on network errors, timeouts, 408, 429 and 5xx (never on other answers).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    [Range(1, 60000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;
}
