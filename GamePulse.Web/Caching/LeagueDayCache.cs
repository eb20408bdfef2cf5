using System.Collections.Concurrent;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Pages.Shared;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Caching;

/// <summary>
/// The games of one league and date (with the nearest dates that have games), read once and shared by every request
/// that renders them: anonymous pages the output cache missed, signed-in visitors' personal pages and their 15-second
/// polls, which the output cache never keeps. A NOTIFY naming a league drops all of that league's days (a new date
/// with games changes its neighbours' previous/next links too); nothing outlives <see cref="PageCacheOptions.ServerSafetySeconds"/>.
/// </summary>
public sealed class GameDayCache(GameRepository games, IOptions<PageCacheOptions> options, TimeProvider clock)
{
    // More days than visitors browse within a minute; bounds memory (with the cards rendered from them, about
    // 1 MB per 150-game day) when a crawler walks the whole season.
    private const int MaxDays = 64;

    private readonly ConcurrentDictionary<(string League, DateOnly Date), Entry> days = new();
    private readonly ConcurrentDictionary<string, long> generations = new();
    private long siteGeneration;

    public async Task<GameDay> GetAsync(League league, DateOnly date, CancellationToken cancellationToken)
    {
        if (!options.Value.DataEnabled)
        {
            return await LoadAsync(league, date, cancellationToken);
        }

        var key = (league.Slug, date);
        var generation = (Interlocked.Read(ref siteGeneration), generations.GetValueOrDefault(league.Slug));
        var now = clock.GetUtcNow();
        if (days.TryGetValue(key, out var cached) && cached.Generation == generation && cached.Expires > now)
        {
            try
            {
                return await cached.Load.WaitAsync(cancellationToken);
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
                if (stale.Expires <= now || stale.Generation != generation && staleKey.League == league.Slug)
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
        var entry = new Entry(generation, now.AddSeconds(options.Value.ServerSafetySeconds), LoadAsync(league, date, CancellationToken.None));
        days[key] = entry;
        return await entry.Load.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the league named by a NOTIFY tag ("{league}:{date}"), or every league for the site tag.</summary>
    public void Evict(string tag)
    {
        if (tag == PageCaching.SiteTag)
        {
            Interlocked.Increment(ref siteGeneration);
            days.Clear();
            return;
        }

        var leagueSlug = tag.Split(':')[0];
        generations.AddOrUpdate(leagueSlug, 1, (_, g) => g + 1);
        foreach (var key in days.Keys.Where(k => k.League == leagueSlug))
        {
            days.TryRemove(key, out _);
        }
    }

    private async Task<GameDay> LoadAsync(League league, DateOnly date, CancellationToken cancellationToken)
    {
        var list = await games.GetScoreboardAsync(league.Id, date, cancellationToken);
        var adjacent = await games.GetAdjacentDatesAsync(league.Id, date, cancellationToken);
        if (options.Value.DataEnabled)
        {
            SharedGameText.Share(list); // many renders will write these games: make their text once
        }

        return new GameDay(list, adjacent);
    }

    private sealed record Entry((long Site, long League) Generation, DateTimeOffset Expires, Task<GameDay> Load);
}

/// <summary>What a scoreboard reads for one league and date.</summary>
public sealed record GameDay(IReadOnlyList<GameSummary> Games, AdjacentDates Adjacent);
