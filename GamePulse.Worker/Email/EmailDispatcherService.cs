using GamePulse.Data.Accounts;
using GamePulse.Worker.Ingestion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Email;

/// <summary>
/// Runs the dispatcher when the Web announces a message (LISTEN gamepulse_email) and on a periodic sweep, which
/// also catches notifications sent while this Worker was down or reconnecting, and retries that have come due.
/// A database outage is one error when it starts and one line when it ends, as the ingest logging does, not an
/// error every reconnect attempt (the *-worker-errors alarm fires at five in five minutes).
/// </summary>
public sealed class EmailDispatcherService(
    NpgsqlDataSource dataSource,
    EmailDispatcher dispatcher,
    IOptions<EmailDispatchOptions> options,
    ILogger<EmailDispatcherService> logger) : BackgroundService
{
    private const string Streak = "email-dispatcher";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly FailureStreaks streaks = new();

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
                if (streaks.Fail(Streak))
                {
                    logger.LogError(exception, "Email dispatcher lost its database connection; it reconnects every {DelaySeconds} s and logs again when it is back", ReconnectDelay.TotalSeconds);
                }

                await Task.Delay(ReconnectDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

        if (streaks.Recover(Streak) is > 0 and var failures)
        {
            logger.LogInformation("Email dispatcher reaches the database again after {Failures} failed attempt(s)", failures);
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
