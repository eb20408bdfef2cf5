using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Data.Teams;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Pages.Teams;
using GamePulse.Web.Site;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// The share images (decision 0440): /{league}/games/{id}/card.png, /{league}/scores/{date}/card.png and
/// /{league}/teams/{slug}/card.png, each with ?v={version}[&amp;spoilers=hide]. A versioned URL's picture never changes:
/// it is served immutable for a year with an ETag, from memory when it was rendered before. A missing or outdated
/// version is a 302 to the current card (cacheable for a minute), so a cache never keeps an old picture under a new
/// URL or a new one under an old URL; unknown leagues, games, teams and days without games are 404, a malformed query 400.
/// </summary>
public static class ShareCardEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapShareCards(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{league}/games/{id:long}/card.png", GetAndHead, async (string league, long id, HttpContext context, ShareCardCache cache, GameRepository games, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            if (!ShareCardRequest.TryRead(context.Request.Query, out var request))
            {
                return Results.BadRequest();
            }

            var key = $"game:{league}:{id}:{request.Version}:{request.HideScore}";
            if (FromMemory(context, cache, key, request) is { } cached)
            {
                return cached;
            }

            if (!UrlSlug.IsPlausible(league) || id <= 0 || await games.FindByIdAsync(id, cancellationToken) is not { } game)
            {
                return Results.NotFound();
            }

            var scene = CardScenes.Game(game, site.Value.Name, request.HideScore);
            var current = SiteUrls.GameCard(game.LeagueSlug, game.Id, scene.Version, request.HideScore);
            return await ServeAsync(context, cache, league == game.LeagueSlug ? key : "", scene, request, current, cancellationToken);
        });

        app.MapMethods("/{league}/scores/{date}/card.png", GetAndHead, async (string league, string date, HttpContext context, ShareCardCache cache, LeagueRepository leagues, GameRepository games, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            if (!ShareCardRequest.TryRead(context.Request.Query, out var request))
            {
                return Results.BadRequest();
            }

            var key = $"day:{league}:{date}:{request.Version}:{request.HideScore}";
            if (FromMemory(context, cache, key, request) is { } cached)
            {
                return cached;
            }

            if (!UrlSlug.IsPlausible(league) || !SiteUrls.TryParseDate(date, out var day)
                || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found
                || await games.GetScoreboardAsync(found.Id, day, cancellationToken) is not { Count: > 0 } list)
            {
                return Results.NotFound();
            }

            var scene = CardScenes.Day(found, day, list, site.Value.Name, request.HideScore);
            return await ServeAsync(context, cache, key, scene, request, SiteUrls.DayCard(found.Slug, day, scene.Version, request.HideScore), cancellationToken);
        });

        app.MapMethods("/{league}/teams/{slug}/card.png", GetAndHead, async (string league, string slug, HttpContext context, ShareCardCache cache, LeagueRepository leagues, TeamRepository teams, TeamQuery query, TimeProvider clock, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            if (!ShareCardRequest.TryRead(context.Request.Query, out var request))
            {
                return Results.BadRequest();
            }

            var key = $"team:{league}:{slug}:{request.Version}:{request.HideScore}";
            if (FromMemory(context, cache, key, request) is { } cached)
            {
                return cached;
            }

            if (!UrlSlug.IsPlausible(league) || !UrlSlug.IsPlausible(slug)
                || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found
                || await teams.FindBySlugAsync(found.Id, slug, cancellationToken) is not { } team)
            {
                return Results.NotFound();
            }

            var view = await query.LoadAsync(team, Season.Of(EasternCalendar.Today(clock)), cancellationToken);
            var scene = CardScenes.Team(view, found, site.Value.Name, request.HideScore);
            return await ServeAsync(context, cache, key, scene, request, SiteUrls.TeamCard(found.Slug, team.Slug, scene.Version, request.HideScore), cancellationToken);
        });

        return app;
    }

    /// <summary>
    /// A versioned URL rendered before answers from memory without reading the database: its picture is that version's
    /// for good (an outdated one stays correct for its URL). The same holds for a revalidation naming that version.
    /// </summary>
    private static IResult? FromMemory(HttpContext context, ShareCardCache cache, string key, ShareCardRequest request)
    {
        if (request.Version is null || cache.Find(key) is not { } png)
        {
            return null;
        }

        return Respond(context, png, request);
    }

    private static async Task<IResult> ServeAsync(HttpContext context, ShareCardCache cache, string key, CardScene scene, ShareCardRequest request, string current, CancellationToken cancellationToken)
    {
        if (request.Version != scene.Version || key.Length == 0)
        {
            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Redirect(current);
        }

        var etag = ETag(request);
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal))
        {
            Immutable(context, request);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Respond(context, await cache.GetAsync(key, scene, cancellationToken), request);
    }

    private static IResult Respond(HttpContext context, byte[] png, ShareCardRequest request)
    {
        Immutable(context, request);
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(ETag(request), StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(png, "image/png");
    }

    private static void Immutable(HttpContext context, ShareCardRequest request)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ETag = ETag(request);
    }

    private static string ETag(ShareCardRequest request) => $"\"{request.Version}{(request.HideScore ? "-s" : "")}\"";
}
