using GamePulse.Data.Games;
using Htmx;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GamePulse.Web.Caching;

/// <summary>
/// Tags a response for server-side output caching and sets its browser Cache-Control. Pages are tagged
/// <see cref="GameChanges.Tag"/> ("{league-slug}:{yyyy-MM-dd}") for every date they show, which is exactly what the
/// Worker's NOTIFY names.
/// </summary>
public sealed class PageCaching(IOptions<PageCacheOptions> options)
{
    public const string PolicyName = "pages";
    public const string SiteTag = "site";

    /// <summary>
    /// A page differs by htmx (fragment or page) and by who asks: without Cookie a browser that cached a final
    /// scoreboard anonymously (public for a day) showed that copy after signing in, checked in Chromium.
    /// </summary>
    public const string Vary = $"{Htmx.HtmxRequestHeaders.Keys.Request}, Cookie";

    /// <summary>A page of games: long-lived once all are settled, short with stale-while-revalidate otherwise.</summary>
    public void ForGames(HttpContext context, IEnumerable<string> tags, IReadOnlyCollection<GameSummary> games, DateTimeOffset now, bool fragment)
    {
        var settled = games.Count > 0 && games.All(g => g.State is GameState.Final or GameState.Canceled);
        var value = options.Value;
        var serverLifetime = TimeSpan.FromSeconds(value.ServerSafetySeconds);

        // A cached page must not outlive the moment a scheduled game comes into the polling window.
        var nextStart = games.Where(g => g.State == GameState.Scheduled)
            .Select(g => LiveWindow.OpensAt(g) - now ?? TimeSpan.Zero)
            .Where(until => until > TimeSpan.Zero)
            .DefaultIfEmpty(serverLifetime)
            .Min();
        if (nextStart < serverLifetime)
        {
            serverLifetime = nextStart < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : nextStart;
        }

        Tag(context, tags, serverLifetime);
        var headers = context.Response.Headers;
        headers.Vary = Vary; // the same URL answers a full page or, to htmx, a fragment; and differs by who asks
        if (KeepPersonal(context))
        {
            return;
        }

        headers.CacheControl = fragment
            ? "no-cache" // polls revalidate with If-None-Match every time and get a cheap 304
            : settled
                ? $"public, max-age={value.SettledMaxAgeSeconds}"
                : $"public, max-age={value.LiveMaxAgeSeconds}, stale-while-revalidate={value.LiveStaleWhileRevalidateSeconds}";
    }

    /// <summary>Pages that change slowly: team, conference and sitemap pages.</summary>
    public void Slow(HttpContext context, IEnumerable<string> tags)
    {
        Tag(context, tags, TimeSpan.FromSeconds(options.Value.ServerSafetySeconds));
        context.Response.Headers.Vary = Vary;
        if (!KeepPersonal(context))
        {
            context.Response.Headers.CacheControl = $"public, max-age={options.Value.SlowMaxAgeSeconds}";
        }
    }

    /// <summary>
    /// A signed-in visitor's page carries their follow buttons (with antiforgery tokens) and filter: no shared cache
    /// (CDN, proxy) may keep it, and their own browser does not either, so a follow made elsewhere shows at once.
    /// The output cache already skips authenticated requests (authentication runs before it).
    /// </summary>
    public const string Personal = "private, no-cache, no-store";

    /// <summary>
    /// For a signed-in visitor, sets <see cref="Personal"/> as the response starts: antiforgery rewrites
    /// Cache-Control to "no-cache, no-store" while the page renders its forms, and the final header must say private.
    /// </summary>
    private static bool KeepPersonal(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var response = context.Response;
        response.Headers.CacheControl = Personal;
        response.OnStarting(() =>
        {
            response.Headers.CacheControl = Personal;
            return Task.CompletedTask;
        });
        return true;
    }

    private static void Tag(HttpContext context, IEnumerable<string> tags, TimeSpan lifetime)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.Tags.Add(SiteTag);
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }

            cache.ResponseExpirationTimeSpan = lifetime;
        }
    }

    /// <summary>Answers 304 when the client already has this exact representation.</summary>
    public static bool IsNotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));

    public static void SetETag(HttpResponse response, string etag) => response.Headers[HeaderNames.ETag] = etag;
}
