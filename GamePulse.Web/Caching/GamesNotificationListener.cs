using GamePulse.Data.Games;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace GamePulse.Web.Caching;

/// <summary>
/// Keeps output-cached pages honest: LISTENs on PostgreSQL channel <see cref="GameChanges.Channel"/>, whose payload the
/// Worker sets to <see cref="GameChanges.Tag"/> after it changes games of that league and date, and evicts the pages
/// tagged with it.
/// A dropped connection is re-opened with backoff; because notifications sent meanwhile are lost, every cached page
/// is evicted on reconnect. The shared day data of <see cref="LeagueDayCache"/> is evicted the same way.
/// </summary>
public sealed class GamesNotificationListener(NpgsqlDataSource dataSource, IOutputCacheStore cache, LeagueDayCache days, ILogger<GamesNotificationListener> logger) : BackgroundService
{
    private const string Channel = GameChanges.Channel;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (health checks and tests wait on it).</summary>
    public Task Listening => listening.Task;

    /// <summary>Raised after a notification's pages were evicted (lets tests wait for it instead of sleeping).</summary>
    public event Action<string>? Evicted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var firstConnection = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _ = EvictAsync(e.Payload, stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (!firstConnection)
                {
                    await EvictAsync(PageCaching.SiteTag, stoppingToken); // we may have missed notifications while away
                }

                firstConnection = false;
                listening.TrySetResult();
                backoff = TimeSpan.FromSeconds(1);
                logger.LogInformation("Listening for game changes on {Channel}", Channel);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
            {
                logger.LogWarning(ex, "Lost the {Channel} listener; reconnecting in {Delay}", Channel, backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
    }

    private async Task EvictAsync(string payload, CancellationToken cancellationToken)
    {
        // Payloads are tags; anything else (too long, odd characters) is ignored rather than trusted.
        if (payload.Length is 0 or > 120 || !payload.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':'))
        {
            logger.LogWarning("Ignored malformed {Channel} payload", Channel);
            return;
        }

        try
        {
            // The data first: a page re-rendered after its eviction must not read the day's old games.
            days.Evict(payload);
            await cache.EvictByTagAsync(payload, cancellationToken);
            logger.LogDebug("Evicted pages tagged {Tag}", payload);
            Evicted?.Invoke(payload);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
