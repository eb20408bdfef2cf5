using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Live;
using GamePulse.Web.Pages.Scores;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Brackets;

/// <summary>
/// /{league}/tournament/{season}: the NCAA Tournament bracket, complete HTML; with HX-Request only the bracket, for
/// live polling, exactly as the scoreboard polls. Cached under the tags of every date it shows, so the Worker's NOTIFY
/// for any of them evicts it.
/// </summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class BracketModel(LeagueRepository leagues, GameRepository games, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public BracketView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string league, int season, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || season is < SiteUrls.FirstYear or > SiteUrls.LastYear
            || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var list = await games.GetTournamentAsync(found.Id, season, [Tournaments.Ncaa], cancellationToken);
        if (list.Count == 0)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        View = new BracketView(found, season, list, LiveUpdates.ShouldPoll(list, now));
        var tags = list.Select(g => g.GameDate).Distinct().Select(d => GameChanges.Tag(found.Slug, d)).ToList();
        if (Request.IsHtmx())
        {
            return new LiveFragment("_Bracket", View, $"bracket:{found.Slug}:{season}", list, View.Polling).Respond(this, caching, tags, now);
        }

        caching.ForGames(HttpContext, tags, list, now, fragment: false);
        var year = season.ToString(CultureInfo.InvariantCulture);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"{year} {found.ShortName} NCAA Tournament bracket | {site.Value.Name}",
            $"The {year} {found.Name} tournament bracket: First Four, every region round by round, the Final Four and the national championship, with seeds and live scores.",
            SiteUrls.Tournament(found.Slug, season));
        return Page();
    }
}
