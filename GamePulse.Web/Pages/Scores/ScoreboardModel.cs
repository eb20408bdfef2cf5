using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Live;
using GamePulse.Web.Pages.Account;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using GamePulse.Web.Viewing;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// /{league}/scores[/{yyyy-MM-dd}]: the full page, or (with HX-Request) only the game list for live polling.
/// ?date= from the no-JavaScript date picker redirects to the canonical path.
/// </summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class ScoreboardModel(LeagueRepository leagues, ScoreboardQuery query, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock, VisitorFollows visitor) : PageModel
{
    public ScoreboardView View { get; private set; } = null!;

    public bool IsToday { get; private set; }

    public async Task<IActionResult> OnGetAsync(string league, string? date, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!ScoreboardOrder.TryParse(Request.Query[ScoreboardOrder.QueryKey], out var order) || !ScoreboardFilters.TryRead(Request.Query, out var filter))
        {
            return BadRequest();
        }

        if (Request.Query.TryGetValue("date", out var picked))
        {
            // The date picker is a GET form; its answer becomes a clean, cacheable URL (keeping the chosen order).
            return SiteUrls.TryParseDate(picked.ToString(), out var pickedDate)
                ? Redirect(HttpContext.KeepSpoilers(SiteUrls.Scoreboard(found.Slug, pickedDate) + ScoreboardView.QueryOf(order, filter)))
                : BadRequest();
        }

        var now = clock.GetUtcNow();
        var today = EasternCalendar.DateOf(now);
        DateOnly day;
        if (date is null)
        {
            day = today;
        }
        else if (!SiteUrls.TryParseDate(date, out day))
        {
            return NotFound();
        }

        if (filter.HasFlag(ScoreboardFilter.Mine) && !visitor.IsSignedIn)
        {
            // "My teams" needs to know who is asking; the link survives sign-in through returnUrl.
            return SignInRedirect.To(HttpContext, visitor.CurrentUrl);
        }

        IsToday = day == today;
        var followed = visitor.IsSignedIn ? await visitor.GetTeamIdsAsync(cancellationToken) : null;
        View = await query.LoadAsync(found, day, order, now, cancellationToken, followed, filter);
        var tags = new[] { GameChanges.Tag(found.Slug, day) };

        if (Request.IsHtmx())
        {
            // A personal fragment's validator covers the filter and the followed teams too, so following a team
            // elsewhere changes the next poll's answer; the order is part of it as well.
            var personal = followed is null ? "" : $":{filter}:{string.Join(',', followed.Order())}";
            var scope = $"scores:{GameChanges.Tag(found.Slug, day)}:{order}:{filter}{personal}";
            return new LiveFragment("_ScoreboardGames", View, scope, View.Games, View.Polling).Respond(this, caching, tags, now);
        }

        caching.ForGames(HttpContext, tags, View.Games, now, fragment: false);
        ViewData[PageSeo.ViewDataKey] = Seo(found, day) with
        {
            // A filtered view is one visitor's; its preview stays the whole day's (the default image when none).
            Image = filter == ScoreboardFilter.All ? ShareCards.ShareImage.ForDay(found, day, View.Games, site.Value.Name, hideScore: HttpContext.ViewVariant().HideSpoilers) : null,
        };
        return Page();
    }

    /// <summary>The path of this page without an order: the canonical URL and the "By time" link.</summary>
    public string UnorderedPath => IsToday && RouteData.Values["date"] is null ? SiteUrls.Scoreboard(View.League.Slug) : SiteUrls.Scoreboard(View.League.Slug, View.Date);

    private PageSeo Seo(League league, DateOnly day)
    {
        // Ordering changes nothing a search engine should index twice, so ?order=pulse names the unordered page.
        var canonical = UnorderedPath;
        var count = View.Games.Count;
        var description = count == 0
            ? $"No {league.Name} games on {GameText.Date(day)}."
            : $"Scores and schedule of all {count} {league.Name} games on {GameText.Date(day)}: live scores, final results and tip-off times.";
        return new PageSeo($"{league.Name} scores — {GameText.Date(day)} | {site.Value.Name}", description, canonical)
        {
            JsonLd = ScoreboardItemList.Json($"{league.Name} scores, {GameText.Date(day)}", [.. View.Sections.SelectMany(s => s.Games)], site.Value, View.Cards, HttpContext.ViewVariant()),
            NoIndex = count == 0 || View.MineOnly,
        };
    }
}
