using System.Collections.Concurrent;
using GamePulse.Data.Games;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Caching;

/// <summary>
/// Shares what a query read for one league and date between every request that renders it: anonymous pages the output
/// cache missed, signed-in visitors' personal pages and their 15-second polls, which the output cache never keeps.
/// The cache knows nothing of what it holds: the query that owns a value passes its read (the scoreboard's is
/// <c>ScoreboardQuery.ReadAsync</c>). A NOTIFY naming a league drops all of that league's days (a new date with games
/// changes its neighbours' previous/next links too); nothing outlives <see cref="PageCacheOptions.ServerSafetySeconds"/>.
/// </summary>
public sealed class LeagueDayCache(IOptions<PageCacheOptions> options, TimeProvider clock)
{
    // More days than visitors browse within a minute; bounds memory (a 150-game scoreboard day with its rendered
    // cards is about 1 MB) when a crawler walks the whole season.
    private const int MaxDays = 64;

    private readonly ConcurrentDictionary<Key, Entry> days = new();
    private readonly ConcurrentDictionary<string, long> generations = new();
    private long siteGeneration;

    /// <summary>The shared value of this league-day, read by <paramref name="read"/> when there is none (or it is stale).</summary>
    public async Task<TDay> GetAsync<TDay>(string leagueSlug, DateOnly date, Func<CancellationToken, Task<TDay>> read, CancellationToken cancellationToken)
        where TDay : class
    {
        if (!options.Value.DataEnabled)
        {
            return await read(cancellationToken);
        }

        var key = new Key(typeof(TDay), leagueSlug, date);
        var generation = (Interlocked.Read(ref siteGeneration), generations.GetValueOrDefault(leagueSlug));
        var now = clock.GetUtcNow();
        if (days.TryGetValue(key, out var cached) && cached.Generation == generation && cached.Expires > now)
        {
            try
            {
                return (TDay)await cached.Load.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A shared read that failed is not kept: this request and the next ones read again.
                days.TryRemove(KeyValuePair.Create(key, cached));
            }
        }

        if (days.Count >= MaxDays)
        {
            foreach (var (staleKey, stale) in days)
            {
                if (stale.Expires <= now || stale.Generation != generation && staleKey.League == leagueSlug)
                {
                    days.TryRemove(KeyValuePair.Create(staleKey, stale));
                }
            }

            if (days.Count >= MaxDays)
            {
                days.Clear(); // all fresh: start over rather than track recency
            }
        }

        // One read per day however many requests miss at once. It is not cancelled by the request that started it,
        // because others may be waiting for it. The generation is taken before reading, so a NOTIFY that arrives
        // while it runs makes its result stale at once instead of keeping pre-change data.
        var entry = new Entry(generation, now.AddSeconds(options.Value.ServerSafetySeconds), ReadShared(read));
        days[key] = entry;
        return (TDay)await entry.Load.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The eviction generation of a league (site-wide and the league's own), for caches of other shapes that follow the
    /// same NOTIFYs (the game page's, <c>GamePageCache</c>): a value read under an older generation is stale.
    /// </summary>
    public (long Site, long League) GenerationOf(string leagueSlug) => (Interlocked.Read(ref siteGeneration), generations.GetValueOrDefault(leagueSlug));

    /// <summary>Forgets the league named by a NOTIFY tag (<see cref="GameChanges.Tag"/>), or every league for the site tag.</summary>
    public void Evict(string tag)
    {
        if (tag == PageCaching.SiteTag)
        {
            Interlocked.Increment(ref siteGeneration);
            days.Clear();
            return;
        }

        if (!GameChanges.TryParse(tag, out var leagueSlug, out _))
        {
            return;
        }

        generations.AddOrUpdate(leagueSlug, 1, (_, g) => g + 1);
        foreach (var key in days.Keys.Where(k => k.League == leagueSlug))
        {
            days.TryRemove(key, out _);
        }
    }

    private static async Task<object> ReadShared<TDay>(Func<CancellationToken, Task<TDay>> read)
        where TDay : class => await read(CancellationToken.None);

    // The value's type is part of the key, so two queries caching by league-day never read each other's values.
    private sealed record Key(Type ValueKind, string League, DateOnly Date);

    private sealed record Entry((long Site, long League) Generation, DateTimeOffset Expires, Task<object> Load);
}
