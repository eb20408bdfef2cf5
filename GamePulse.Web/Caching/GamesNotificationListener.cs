using GamePulse.Data.Games;
using GamePulse.Web.Outage;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace GamePulse.Web.Caching;

/// <summary>
/// Keeps output-cached pages honest: LISTENs on PostgreSQL channel <see cref="GameChanges.Channel"/>, whose payload the
/// Worker sets to <see cref="GameChanges.Tag"/> after it changes games of that league and date, and evicts the pages
/// tagged with it. The shared day data of <see cref="LeagueDayCache"/> is evicted the same way.
/// A dropped connection is re-opened with backoff. Notifications sent meanwhile are lost, so on reconnect the dates
/// whose games changed since the connection was last known alive are evicted, and only those: a reconnect does not
/// throw away pages that are still right (decision 0206). The connection doubles as this instance's view of whether
/// PostgreSQL is there (<see cref="DatabaseAvailability"/>): a heartbeat every 15 s while no notification arrives.
/// </summary>
public sealed class GamesNotificationListener(
    NpgsqlDataSource dataSource,
    IOutputCacheStore cache,
    LeagueDayCache days,
    DatabaseAvailability database,
    ILogger<GamesNotificationListener> logger) : BackgroundService
{
    private const string Channel = GameChanges.Channel;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    // A game's updated_at is its transaction's start, which may be a little before the last heartbeat even though the
    // change committed (and NOTIFYed) after the connection dropped: look back this much further.
    private static readonly TimeSpan ChangeMargin = TimeSpan.FromMinutes(2);

    // More changed dates than this (a long outage during a backfill) and everything is evicted instead.
    private const int MaxTagsPerReconnect = 500;

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (health checks and tests wait on it).</summary>
    public Task Listening => listening.Task;

    /// <summary>Raised after a notification's pages were evicted (lets tests wait for it instead of sleeping).</summary>
    public event Action<string>? Evicted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        DateTimeOffset? lastAlive = null; // the database's clock, the last time this listener was known to hear everything
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

                var listeningSince = await DatabaseNowAsync(connection, stoppingToken);
                if (lastAlive is { } since)
                {
                    await EvictChangedSinceAsync(connection, since - ChangeMargin, stoppingToken); // missed while away
                }

                lastAlive = listeningSince;
                database.MarkUp();
                listening.TrySetResult();
                backoff = TimeSpan.FromSeconds(1);
                logger.LogInformation("Listening for game changes on {Channel}", Channel);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Heartbeat, stoppingToken))
                    {
                        lastAlive = await DatabaseNowAsync(connection, stoppingToken);
                        database.MarkUp();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                database.MarkDown($"the {Channel} listener lost its connection");
                // The pool's idle connections went with it (a restart, a failover): requests open fresh ones instead of
                // each failing once on a dead socket when the database is back.
                dataSource.Clear();
                logger.LogWarning("Lost the {Channel} listener ({Error}); reconnecting in {Delay}", Channel, ex.GetBaseException().Message, backoff);
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

    // The channel's name is in the statement so the listener's connection can be told apart in pg_stat_activity.
    private static async Task<DateTimeOffset> DatabaseNowAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT now() /* {Channel} listener */", connection);
        return (await command.ExecuteScalarAsync(cancellationToken)) is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : throw new InvalidOperationException("now() returned no timestamp");
    }

    private async Task EvictChangedSinceAsync(NpgsqlConnection connection, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        // Plain Npgsql on the listener's own connection (it holds the LISTEN); the tags are written by the contract.
        await using (var command = new NpgsqlCommand("""
            SELECT DISTINCT l.slug, g.game_date
            FROM games g JOIN leagues l ON l.id = g.league_id
            WHERE g.updated_at >= $1
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tags.Add(GameChanges.Tag(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
            }
        }

        logger.LogInformation("Reconnected to {Channel}: evicting {Count} league-day(s) changed while away", Channel, tags.Count);
        foreach (var tag in tags.Count > MaxTagsPerReconnect ? [PageCaching.SiteTag] : tags)
        {
            await EvictAsync(tag, cancellationToken);
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
