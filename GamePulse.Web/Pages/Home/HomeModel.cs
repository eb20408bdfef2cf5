using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Home;

/// <summary>The home page: today's games of every league, live games first, with links to each full scoreboard.</summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class HomeModel(LeagueRepository leagues, GameRepository games, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<League> Leagues { get; private set; } = [];

    public IReadOnlyDictionary<short, List<GameSummary>> GamesByLeague { get; private set; } = new Dictionary<short, List<GameSummary>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Today = EasternCalendar.DateOf(now);
        Leagues = await leagues.GetAllAsync(cancellationToken);
        var today = await games.GetAllLeaguesOnDateAsync(Today, cancellationToken);
        GamesByLeague = today
            .OrderBy(g => g.IsInProgress ? 0 : g.State == GameState.Scheduled ? 1 : g.State == GameState.Final ? 2 : 3)
            .ThenBy(g => g.StartTime ?? DateTime.MaxValue)
            .GroupBy(g => g.LeagueId)
            .ToDictionary(g => g.Key, g => g.ToList());
        caching.ForGames(HttpContext, Leagues.Select(l => PageCaching.Tag(l.Slug, Today)), today, now, fragment: false);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"College basketball scores today, {GameText.ShortDate(Today)} | {site.Value.Name}",
            $"Live NCAA Division I men's and women's college basketball scores for {GameText.Date(Today)}: {today.Count} games.",
            "/");
        return Page();
    }
}
