using System.ComponentModel.DataAnnotations;
using GamePulse.Data.Games.Detail;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>Settings of section "Summaries" (environment: Summaries__Name). Validated at start-up.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>Run the summary batch in <c>run</c> (with Ingestion__ScheduleEnabled).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the batch wakes up.</summary>
    [Range(5, 3600)]
    public int TickSeconds { get; set; } = 15;

    /// <summary>A live game's summary is refetched at least this often.</summary>
    [Range(10, 3600)]
    public int LiveMaxAgeSeconds { get; set; } = 60;

    /// <summary>A live game whose scoreboard row changed is refetched, but not more often than this.</summary>
    [Range(5, 3600)]
    public int LiveMinIntervalSeconds { get; set; } = 15;

    /// <summary>A final's second fetch (stat corrections) comes this long after its first.</summary>
    [Range(1, 1440)]
    public int FinalRecheckMinutes { get; set; } = 60;

    /// <summary>Fetch a pre-game summary (season leaders) of each of today's scheduled games once a day.</summary>
    public bool PreGame { get; set; }

    /// <summary>Most summaries one batch fetches; the rest wait for the next batch, in priority order.</summary>
    [Range(1, 1000)]
    public int MaxPerBatch { get; set; } = 40;

    /// <summary>Client-side cap of summary requests, on top of the scoreboard's own Ingestion__EspnRequestsPerSecond.</summary>
    [Range(0.1, 50.0)]
    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>Which due summaries go first when a batch cannot fetch them all: live, final and pregame, comma-separated.</summary>
    [Required]
    [RegularExpression("^(live|final|pregame)(,(live|final|pregame)){0,2}$", ErrorMessage = "Summaries__Priority lists live, final and pregame, comma-separated.")]
    public string Priority { get; set; } = "live,final,pregame";

    public SummaryCadence Cadence => new(TimeSpan.FromSeconds(LiveMaxAgeSeconds), TimeSpan.FromSeconds(LiveMinIntervalSeconds), TimeSpan.FromMinutes(FinalRecheckMinutes), PreGame);

    /// <summary>The rank of a kind of summary in <see cref="Priority"/> (kinds not listed go last).</summary>
    public int RankOf(string kind)
    {
        var index = Array.IndexOf(Priority.Split(','), kind);
        return index < 0 ? int.MaxValue : index;
    }
}
