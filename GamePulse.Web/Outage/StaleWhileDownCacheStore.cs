using System.Collections.Concurrent;
using GamePulse.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Outage;

/// <summary>
/// The output cache's store, kept a little longer: each page is stored for its own lifetime plus
/// <see cref="PageCacheOptions.OutageGraceSeconds"/>, but served past its lifetime only while the database is away
/// (<see cref="DatabaseAvailability"/>). A scoreboard a few minutes old beats a 503; once the database answers, an
/// expired page is a miss again and is rendered afresh. NOTIFY evictions reach the pages as before.
/// </summary>
public sealed class StaleWhileDownCacheStore(IOutputCacheStore inner, DatabaseAvailability database, IOptions<PageCacheOptions> options, TimeProvider clock) : IOutputCacheStore
{
    // How often a store of many keys looks for lifetimes of pages the inner store has already dropped.
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> freshUntil = new(StringComparer.Ordinal);
    private int stores;

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await inner.GetAsync(key, cancellationToken);
        if (entry is null)
        {
            freshUntil.TryRemove(key, out _);
            return null;
        }

        // A page whose lifetime is unknown (stored before this instance tracked it) counts as expired.
        return freshUntil.TryGetValue(key, out var until) && until > clock.GetUtcNow() || database.IsDown ? entry : null;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        freshUntil[key] = now + validFor;
        if (Interlocked.Increment(ref stores) % PruneEvery == 0)
        {
            Prune(now);
        }

        return inner.SetAsync(key, value, tags, validFor + TimeSpan.FromSeconds(options.Value.OutageGraceSeconds), cancellationToken);
    }

    private void Prune(DateTimeOffset now)
    {
        var grace = TimeSpan.FromSeconds(options.Value.OutageGraceSeconds);
        foreach (var (key, until) in freshUntil)
        {
            if (until + grace < now)
            {
                freshUntil.TryRemove(KeyValuePair.Create(key, until));
            }
        }
    }
}
