using Quartz;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Starts the clustered Quartz scheduler, and keeps trying while the database is unreachable instead of failing the
/// process at start-up (Quartz's own hosted service would throw): one warning when the wait starts, one line when the
/// scheduler runs. Shuts the scheduler down, letting a running job finish, when the host stops.
/// </summary>
public sealed class SchedulerHost(ISchedulerFactory factory, Npgsql.NpgsqlDataSource dataSource, ILogger<SchedulerHost> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(15);
    private IScheduler? scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Quartz's factory remembers a failed creation, so it is asked only once the database answers.
                await using (var connection = await dataSource.OpenConnectionAsync(stoppingToken))
                await using (var ping = new Npgsql.NpgsqlCommand("SELECT 1", connection))
                {
                    await ping.ExecuteScalarAsync(stoppingToken);
                }

                scheduler = await factory.GetScheduler(stoppingToken);
                await scheduler.Start(stoppingToken);
                logger.LogInformation("Scheduler started after {Failures} failed attempt(s)", failures);
                return;
            }
            catch (Exception ex) when (ex is SchedulerException or Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException && !stoppingToken.IsCancellationRequested)
            {
                if (failures++ == 0)
                {
                    logger.LogWarning("Scheduler cannot start, the database is unreachable: {Error}. Retrying every {RetrySeconds} s", Innermost(ex).Message, RetryDelay.TotalSeconds);
                }
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (scheduler is not null)
        {
            await scheduler.Shutdown(true, cancellationToken);
        }
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
