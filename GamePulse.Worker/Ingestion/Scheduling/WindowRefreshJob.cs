using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>Daily at 06:00 US-Eastern: refetches today −7 … +7 for every league (schedule changes, postponements).</summary>
[DisallowConcurrentExecution]
public sealed class WindowRefreshJob(
    LeagueRepository leagues,
    IScoreSource source,
    ScoreboardIngester ingester,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<WindowRefreshJob> logger) : IJob
{
    public const string Name = "window";
    public static readonly JobKey Key = new(Name, "ingestion");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = EasternCalendar.Today(clock);
        var days = options.Value.WindowDays;
        try
        {
            foreach (var league in await leagues.GetAllAsync(cancellationToken))
            {
                for (var offset = -days; offset <= days; offset++)
                {
                    await ingester.FetchAndIngestAsync(source, new IngestTarget(Name, league, today.AddDays(offset), source.Kind, ScoreboardJob.FireId(context)), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Window refresh cannot reach the database: {Error}", ex.Message);
        }
    }
}
