using System.Collections.Concurrent;
using GamePulse.Data.Teams.Logos;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// Rendered cards by key (kind, id, version, spoiler-free): a card's URL is versioned, so its picture never changes and
/// is kept until memory (ShareCards__MemoryCacheMegabytes) needs the room. Requests for a card being rendered wait for
/// that one render instead of starting their own: a link shared into a busy chat is fetched by many crawlers at once.
/// </summary>
public sealed class ShareCardCache : IDisposable
{
    private readonly CardRenderer renderer;
    private readonly TeamLogoRepository logos;
    private readonly MemoryCache rendered;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> inFlight = new(StringComparer.Ordinal);
    private long renders;

    public ShareCardCache(CardRenderer renderer, TeamLogoRepository logos, IOptions<ShareCardOptions> options)
    {
        this.renderer = renderer;
        this.logos = logos;
        rendered = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MemoryCacheMegabytes * 1024L * 1024L });
    }

    /// <summary>How many cards this process has rendered (the tests and the bench read it).</summary>
    public long Renders => Interlocked.Read(ref renders);

    /// <summary>The PNG of a key rendered before and still in memory, or null.</summary>
    public byte[]? Find(string key) => rendered.TryGetValue(key, out byte[]? png) ? png : null;

    /// <summary>The key's PNG: from memory, from the render under way, or rendered now (once, however many ask).</summary>
    public Task<byte[]> GetAsync(string key, CardScene scene, CancellationToken cancellationToken) =>
        Find(key) is { } png ? Task.FromResult(png) : inFlight.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => RenderAsync(k, scene))).Value.WaitAsync(cancellationToken);

    private async Task<byte[]> RenderAsync(string key, CardScene scene)
    {
        try
        {
            // A render that finished between a caller's miss and its GetOrAdd left its result here.
            if (Find(key) is { } done)
            {
                return done;
            }

            // Not the caller's token: the render is shared by every waiter, and one of them leaving must not cancel it.
            var images = new Dictionary<int, byte[]>();
            foreach (var teamId in scene.LogoTeamIds)
            {
                if (await logos.FindAsync(teamId, CancellationToken.None) is { } logo)
                {
                    images[teamId] = logo.Content;
                }
            }

            var png = await Task.Run(() => renderer.Render(scene, images));
            Interlocked.Increment(ref renders);
            rendered.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length });
            return png;
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    public void Dispose() => rendered.Dispose();
}
