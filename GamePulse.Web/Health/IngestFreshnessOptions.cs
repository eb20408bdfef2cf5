using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.Health;

/// <summary>
/// Section "IngestFreshness" (IngestFreshness__LiveMaxAgeMinutes, ...): how old a league's last successful ingest run
/// may be before /readyz and /admin call it stale. The Worker polls every 20 s while a game is being played and every
/// 15 min otherwise (Ingestion__LiveIntervalSeconds, Ingestion__IdleIntervalSeconds); the defaults allow several
/// missed polls plus retries on top of that, so one slow feed response is not an alert.
/// </summary>
public sealed class IngestFreshnessOptions
{
    public const string Section = "IngestFreshness";

    /// <summary>Allowed age while one of the league's games (today's or last night's) is in progress.</summary>
    [Range(1, 1440)]
    public int LiveMaxAgeMinutes { get; set; } = 5;

    /// <summary>Allowed age otherwise: twice the idle poll interval.</summary>
    [Range(1, 10_080)]
    public int IdleMaxAgeMinutes { get; set; } = 30;
}
