using Coravel.Invocable;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Daily at 06:00 US-Eastern (<c>Ingestion__WindowRefreshCron</c>): the Worker that claims the firing refetches
/// today −7 … +7 for every league (schedule changes, postponements).
/// </summary>
public sealed class WindowRefreshJob(
    LeagueRepository leagues,
    IScoreSource source,
    ScoreboardIngester ingester,
    ScheduleSlots slots,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<WindowRefreshJob> logger) : IInvocable, ICancellableInvocable
{
    public const string Name = "window";

    // Cron schedules fire on the minute.
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Set by Coravel; cancelled when the Worker stops.</summary>
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var cancellationToken = CancellationToken;
        var days = options.Value.WindowDays;
        try
        {
            if (await slots.TryClaimAsync(Name, Period, cancellationToken) is not { } fireId)
            {
                return;
            }

            var today = EasternCalendar.Today(clock);
            foreach (var league in await leagues.GetAllAsync(cancellationToken))
            {
                for (var offset = -days; offset <= days; offset++)
                {
                    await ingester.FetchAndIngestAsync(source, new IngestTarget(Name, league, today.AddDays(offset), source.Kind, fireId), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The Worker is stopping; the next Worker's or next start's firing picks up from ingest_runs.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Window refresh cannot reach the database: {Error}", ex.Message);
        }
    }
}
