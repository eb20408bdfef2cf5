using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Fires every tick (20 s) on the clustered scheduler; for each league polls today's scoreboard and yesterday's
/// when <see cref="ScoreboardCadence"/> says they are due, otherwise does nothing. The last run of each date is read
/// from ingest_runs, so the cadence holds across restarts and across the Worker instances of a cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScoreboardJob(
    LeagueRepository leagues,
    GameRepository games,
    IngestRunRepository runs,
    IScoreSource source,
    ScoreboardIngester ingester,
    FailureStreaks streaks,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<ScoreboardJob> logger) : IJob
{
    public const string Name = "scoreboard";
    public static readonly JobKey Key = new(Name, "ingestion");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = CadenceSettings.From(options.Value);
        try
        {
            var now = clock.GetUtcNow();
            var today = EasternCalendar.DateOf(now);
            foreach (var league in await leagues.GetAllAsync(cancellationToken))
            {
                foreach (var (date, isToday) in new[] { (today, true), (today.AddDays(-1), false) })
                {
                    var stored = (await games.GetScoreboardAsync(league.Id, date, cancellationToken))
                        .Select(g => new GameTiming(g.State, g.StartTime))
                        .ToList();
                    var lastRun = (await runs.FindLatestAsync(Name, league.Id, date, cancellationToken: cancellationToken))?.StartedAt;
                    var due = isToday
                        ? ScoreboardCadence.TodayIsDue(stored, lastRun, now, settings)
                        : ScoreboardCadence.YesterdayIsDue(stored, lastRun, await runs.FindLatestAsync(Name, league.Id, date, excludeFailed: true, cancellationToken) is not null, now, settings);
                    if (due)
                    {
                        await ingester.FetchAndIngestAsync(source, new IngestTarget(Name, league, date, source.Kind, FireId(context)), cancellationToken);
                    }
                }
            }

            if (streaks.Recover("scheduler") > 0)
            {
                logger.LogInformation("Scoreboard job reaches the database again");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            if (streaks.Fail("scheduler"))
            {
                logger.LogWarning("Scoreboard job cannot reach the database: {Error}. It retries every tick and logs again when it recovers", ex.Message);
            }
        }
    }

    /// <summary>
    /// The trigger and its scheduled time name one firing; two Worker instances executing the same firing would write
    /// the same fire id twice, which is how the clustering test proves that never happens.
    /// </summary>
    public static string FireId(IJobExecutionContext context) =>
        $"{context.Trigger.Key}@{(context.ScheduledFireTimeUtc ?? context.FireTimeUtc):yyyy-MM-ddTHH:mm:ss.fffZ}";
}
