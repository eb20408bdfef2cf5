using GamePulse.Worker.Ingestion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Logos;

/// <summary>
/// Runs <see cref="LogoRefresher"/> shortly after start and then every Logos__IntervalMinutes, when Logos__Enabled and
/// Ingestion__ScheduleEnabled are both on (a Worker that runs no schedules does no outbound I/O of its own either).
/// Two Workers may both fetch a logo that is due at the same moment: the upsert makes that harmless, and it is rare.
/// </summary>
public sealed class LogoRefreshService(LogoRefresher refresher, IOptions<LogoOptions> options, IOptions<IngestionOptions> ingestion, ILogger<LogoRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !ingestion.Value.ScheduleEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes));
        do
        {
            try
            {
                await refresher.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Logo pass cannot reach the database: {Error}", ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
