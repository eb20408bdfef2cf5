using GamePulse.Data.Games;
using GamePulse.Web.Caching;
using GamePulse.Web.Viewing;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Live;

/// <summary>
/// The answer to a live poll (a request htmx sent, <c>Request.IsHtmx()</c>), the same for every polled page: only the
/// polled partial, with a strong ETag over what it shows and <c>Cache-Control: no-cache</c>, so an unchanged poll is a
/// 304 without a body; status 286 once nothing is live or about to start, so htmx swaps this last copy and stops.
/// </summary>
/// <param name="Partial">The partial that renders the polled element (the same one the full page renders).</param>
/// <param name="Model">The partial's model.</param>
/// <param name="Scope">Everything besides the games that the fragment depends on (page, order, filter, followed teams); part of the ETag.</param>
/// <param name="Games">The games the fragment shows.</param>
/// <param name="Polling">Whether polling goes on after this answer.</param>
public sealed record LiveFragment(string Partial, object Model, string Scope, IReadOnlyCollection<GameSummary> Games, bool Polling)
{
    /// <param name="page">The polled page.</param>
    /// <param name="caching">Tags the fragment for the output cache and sets its Cache-Control and Vary.</param>
    /// <param name="tags">The fragment's cache tags (<see cref="GameChanges.Tag"/> of every date it shows).</param>
    /// <param name="now">The moment the page's data was read for.</param>
    public IActionResult Respond(PageModel page, PageCaching caching, IEnumerable<string> tags, DateTimeOffset now)
    {
        // The viewer's variant (zone, spoiler-free) is part of what the fragment shows, so part of its validator.
        var etag = LiveUpdates.ETag(string.Concat(Scope, "|", page.HttpContext.ViewVariant().Key), Games, Polling);
        caching.ForGames(page.HttpContext, tags, Games, now, fragment: true);
        PageCaching.SetETag(page.Response, etag);
        if (PageCaching.IsNotModified(page.Request, etag))
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        if (!Polling)
        {
            page.Response.StopPolling();
        }

        return page.Partial(Partial, Model);
    }
}
