using System.ComponentModel.DataAnnotations;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion;

/// <summary>Settings of section "Ingestion" (environment: Ingestion__Name). Validated at start-up.</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string Section = "Ingestion";

    /// <summary>Which feed the scheduler and the <c>ingest --date</c> command read: espn (default) or ncaa.</summary>
    [Required]
    [RegularExpression("^(" + ScoreSources.Espn + "|" + ScoreSources.Ncaa + ")$", ErrorMessage = "Ingestion__Source must be espn or ncaa.")]
    public string Source { get; set; } = ScoreSources.Espn;

    [Required]
    [Url]
    public string EspnBaseUrl { get; set; } = "https://site.api.espn.com";

    [Required]
    [Url]
    public string NcaaBaseUrl { get; set; } = "https://ncaa-api.henrygd.me";

    /// <summary>Sent as x-ncaa-key to a self-hosted ncaa-api that requires it. A secret: set it only in the environment.</summary>
    public string? NcaaApiKey { get; set; }

    /// <summary>Time allowed for one HTTP attempt (the retries each get their own).</summary>
    [Range(1, 120)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones double, with jitter.</summary>
    [Range(1, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>A longer Retry-After is cut to this, so one run never sleeps for minutes.</summary>
    [Range(1, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>How long a source's circuit stays open after it failed repeatedly.</summary>
    [Range(1, 3600)]
    public int CircuitBreakSeconds { get; set; } = 30;

    /// <summary>Client-side cap per source. The public ncaa-api allows 5 per second per IP.</summary>
    [Range(0.1, 5.0)]
    public double NcaaRequestsPerSecond { get; set; } = 4;

    [Range(0.1, 50.0)]
    public double EspnRequestsPerSecond { get; set; } = 5;

    /// <summary>Run the Coravel schedules in <c>run</c> (off only for hosts that should not poll).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>
    /// How often the scoreboard job wakes up; it polls only when the cadence says so. A divisor of 60: Coravel fires
    /// <c>EverySeconds(n)</c> when the second of the minute divides by n, so only those make an even tick.
    /// </summary>
    [AllowedValues(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, ErrorMessage = "Ingestion__TickSeconds must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30).")]
    public int TickSeconds { get; set; } = 10;

    /// <summary>
    /// Poll at least this often while a game is live or starting soon (<see cref="Data.Games.LiveWindow"/>); 10 s since
    /// the site pushes changes (docs/decisions/0420). A live tick asks ESPN for at most 2 leagues × 2 dates × 2 groups
    /// = 8 scoreboards, 0.8 requests/s at 10 s, well inside <see cref="EspnRequestsPerSecond"/>. The job wakes every
    /// <see cref="TickSeconds"/>, so the cadence is never faster than the tick.
    /// </summary>
    [Range(1, 3600)]
    public int LiveIntervalSeconds { get; set; } = 10;

    /// <summary>Poll this often when nothing is live or about to start (default 15 minutes).</summary>
    [Range(1, 86_400)]
    public int IdleIntervalSeconds { get; set; } = 900;

    /// <summary>Five-field cron (minute hour day-of-month month day-of-week) of the window refresh, in America/New_York.</summary>
    [Required]
    [Scheduling.CoravelCron]
    public string WindowRefreshCron { get; set; } = "0 6 * * *";

    [Range(0, 60)]
    public int WindowDays { get; set; } = 7;

    /// <summary>
    /// Also ask ESPN for groups=100 (the NCAA Tournament, which groups=50 leaves out) on dates of the postseason window
    /// below, and on any other date whose groups=50 answer says it is postseason (docs/decisions/0108).
    /// </summary>
    public bool TournamentGroupsEnabled { get; set; } = true;

    /// <summary>First day (MM-dd, every year) of the tournament window: the week of Selection Sunday, which is March 11–17.</summary>
    [Required]
    [RegularExpression(TournamentWindow.MonthDayPattern, ErrorMessage = "Ingestion__TournamentWindowStart must be MM-dd, e.g. 03-10.")]
    public string TournamentWindowStart { get; set; } = "03-10";

    /// <summary>Last day (MM-dd) of the tournament window: the final is played by April 8.</summary>
    [Required]
    [RegularExpression(TournamentWindow.MonthDayPattern, ErrorMessage = "Ingestion__TournamentWindowEnd must be MM-dd, e.g. 04-10.")]
    public string TournamentWindowEnd { get; set; } = "04-10";

    /// <summary>Pause between dates of a backfill, on top of the rate limit.</summary>
    [Range(0, 60_000)]
    public int BackfillDelayMilliseconds { get; set; } = 250;

    public TournamentWindow ReadTournamentWindow() => TournamentWindow.Parse(TournamentWindowStart, TournamentWindowEnd);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TournamentWindow.TryParse(TournamentWindowStart, TournamentWindowEnd, out _))
        {
            yield return new ValidationResult(
                $"Settings Ingestion__TournamentWindowStart and Ingestion__TournamentWindowEnd must be real days with the start not after the end, not '{TournamentWindowStart}' to '{TournamentWindowEnd}'.",
                [nameof(TournamentWindowStart), nameof(TournamentWindowEnd)]);
        }
    }
}
