using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Data.Teams;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Scores;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Rankings;

/// <summary>One row of the rankings: the team, its movement, and its games of this week (Monday to Sunday, US-Eastern).</summary>
public sealed record RankingRow(RankedTeam Team, IReadOnlyList<GameSummary> Games);

/// <summary>/{league}/rankings: the AP Top 25 as the feeds report it, with movement since last week.</summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class RankingsModel(LeagueRepository leagues, RankingRepository rankings, GameRepository games, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public League League { get; private set; } = null!;

    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    public DateOnly WeekStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string league, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        League = found;
        var today = EasternCalendar.Today(clock);
        WeekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var top = await rankings.GetTopAsync(found.Id, today, cancellationToken);
        var week = await games.GetTeamsGamesAsync(found.Id, [.. top.Select(t => t.TeamId)], WeekStart, WeekStart.AddDays(6), cancellationToken);
        Rows = [.. top.Select(t => new RankingRow(t, [.. week.Where(g => g.Home.Id == t.TeamId || g.Away.Id == t.TeamId)]))];
        caching.Slow(HttpContext, [$"{found.Slug}:rankings"]);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"{found.ShortName} college basketball Top 25 rankings | {site.Value.Name}",
            $"The AP Top 25 of {found.Name} as the score feeds report it: each team's movement since last week, record, conference and games this week.",
            SiteUrls.Rankings(found.Slug))
        {
            NoIndex = Rows.Count == 0,
        };
        return Page();
    }
}
