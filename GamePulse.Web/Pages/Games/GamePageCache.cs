using System.Collections.Concurrent;
using GamePulse.Web.Caching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// Shares one game's <see cref="GamePageData"/> between the requests that render its page, as <see cref="LeagueDayCache"/>
/// does for a scoreboard day: the page of a game with its box score and 600 plays was five queries and ~650 rows per
/// request (docs/decisions/0111). A value is kept until a NOTIFY names the game's league (the Worker sends one whenever
/// a scoreboard or a summary changed a game of it: its row, its Pulse or its detail) and never longer than
/// <see cref="PageCacheOptions.ServerSafetySeconds"/>; <see cref="PageCacheOptions.DataEnabled"/> false turns it off.
/// </summary>
public sealed class GamePageCache(LeagueDayCache days, IOptions<PageCacheOptions> options, TimeProvider clock)
{
    // A busy night's live and recent games, each up to ~1 MB with its rendered views; bounds memory when a crawler walks
    // every game of a season.
    private const int MaxGames = 256;

    private readonly ConcurrentDictionary<long, Entry> games = new();

    /// <summary>
    /// The shared data of a game, read by <paramref name="read"/> when there is none or it is stale. <paramref name="leagueSlug"/>
    /// is the league of the URL: a value whose game is of another league (the page redirects) is returned but not kept.
    /// </summary>
    public async Task<GamePageData?> GetAsync(long id, string leagueSlug, Func<CancellationToken, Task<GamePageData?>> read, CancellationToken cancellationToken)
    {
        if (!options.Value.DataEnabled)
        {
            return await read(cancellationToken);
        }

        var generation = days.GenerationOf(leagueSlug);
        var now = clock.GetUtcNow();
        if (games.TryGetValue(id, out var cached) && cached.League == leagueSlug && cached.Generation == generation && cached.Expires > now)
        {
            try
            {
                return await cached.Load.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A shared read that failed is not kept: this request and the next ones read again.
                games.TryRemove(KeyValuePair.Create(id, cached));
            }
        }

        if (games.Count >= MaxGames)
        {
            foreach (var (staleId, stale) in games)
            {
                if (stale.Expires <= now || stale.Generation != days.GenerationOf(stale.League))
                {
                    games.TryRemove(KeyValuePair.Create(staleId, stale));
                }
            }

            if (games.Count >= MaxGames)
            {
                games.Clear(); // all fresh: start over rather than track recency
            }
        }

        // One read per game however many requests miss at once, not cancelled by the request that started it. The
        // generation is taken before reading, so a NOTIFY arriving meanwhile makes the result stale at once.
        var entry = new Entry(leagueSlug, generation, now.AddSeconds(options.Value.ServerSafetySeconds), read(CancellationToken.None));
        games[id] = entry;
        var data = await entry.Load.WaitAsync(cancellationToken);
        if (data is null || data.Game.LeagueSlug != leagueSlug)
        {
            games.TryRemove(KeyValuePair.Create(id, entry));
        }

        return data;
    }

    private sealed record Entry(string League, (long Site, long League) Generation, DateTimeOffset Expires, Task<GamePageData?> Load);
}
