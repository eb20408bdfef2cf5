using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Email;

/// <summary>
/// Runs the dispatcher when the Web announces a message (LISTEN gamepulse_email) and on a periodic sweep, which
/// also catches notifications sent while this Worker was down or reconnecting, and retries that have come due.
/// </summary>
public sealed class EmailDispatcherService(
    NpgsqlDataSource dataSource,
    EmailDispatcher dispatcher,
    IOptions<EmailDispatchOptions> options,
    ILogger<EmailDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAndDispatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Email dispatcher lost its database connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAndDispatchAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var notified = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref notified, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {EmailOutboxRepository.EmailChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref notified, 0);
            await dispatcher.DispatchDueAsync(stoppingToken);
            if (Volatile.Read(ref notified) == 1)
            {
                continue; // a message arrived while sending: go again without waiting
            }

            // Wakes on a notification or after the sweep interval, whichever comes first.
            await connection.WaitAsync(options.Value.SweepInterval, stoppingToken);
        }
    }
}
