using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Data.Teams;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using GamePulse.Web.Viewing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Teams;

/// <summary>/{league}/teams/{slug}: the team's season, results and upcoming games, overall and conference record.</summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class TeamModel(LeagueRepository leagues, TeamRepository teams, TeamQuery query, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public TeamView View { get; private set; } = null!;

    public League League { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string league, string slug, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || !UrlSlug.IsPlausible(slug)
            || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found
            || await teams.FindBySlugAsync(found.Id, slug, cancellationToken) is not { } team)
        {
            return NotFound();
        }

        League = found;
        View = await query.LoadAsync(team, Season.Of(EasternCalendar.Today(clock)), cancellationToken);
        // Tagged with the league-day of every game the page shows, so the Worker's NOTIFY for any of those dates (a
        // score, a final, a moved tip-off) evicts it with the scoreboard; a game added on a new date waits for expiry.
        caching.Slow(HttpContext, View.Games.Select(g => GameChanges.Tag(found.Slug, g.GameDate)).Distinct());
        var seasonLabel = $"{View.Season - 1}–{View.Season % 100:00}";
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"{team.DisplayName} {seasonLabel} {found.ShortName} basketball schedule and results | {site.Value.Name}",
            HttpContext.ViewVariant().HideSpoilers // a record counts the latest result
                ? $"{team.DisplayName} {seasonLabel} season: schedule and games, spoiler-free."
                : $"{team.DisplayName} {seasonLabel} season: {View.Overall} overall, {View.Conference} in conference. Results, upcoming games and live scores.",
            SiteUrls.Team(found.Slug, team.Slug))
        {
            Image = ShareCards.ShareImage.ForTeam(View, found, site.Value.Name, hideScore: HttpContext.ViewVariant().HideSpoilers),
        };
        return Page();
    }
}
