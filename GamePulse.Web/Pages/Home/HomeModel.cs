using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Home;

/// <summary>
/// The home page: "Best right now" (live games by Pulse) or, when nothing is live, "Best of yesterday"; then today's
/// games of every league, live games first, with links to each full scoreboard.
/// </summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class HomeModel(LeagueRepository leagues, GameRepository games, PulseRepository pulse, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<League> Leagues { get; private set; } = [];

    /// <summary>How many games each "best" list shows: enough to choose from, few enough to stay above the fold.</summary>
    public const int BestCount = 5;

    public IReadOnlyList<GameSummary> BestLive { get; private set; } = [];

    public IReadOnlyList<GameSummary> BestFinals { get; private set; } = [];

    /// <summary>The leagues whose NCAA Tournament is on today, with its season: their sections link the bracket.</summary>
    public Dictionary<short, int> TournamentSeasons { get; } = [];

    public IReadOnlyDictionary<short, List<GameSummary>> GamesByLeague { get; private set; } = new Dictionary<short, List<GameSummary>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Today = EasternCalendar.DateOf(now);
        Leagues = await leagues.GetAllAsync(cancellationToken);
        var today = await games.GetAllLeaguesOnDateAsync(Today, cancellationToken);
        GamesByLeague = today
            .OrderBy(g => g.IsInProgress ? 0 : g.State == GameState.Scheduled ? 1 : g.State == GameState.Final ? 2 : 3)
            .ThenBy(g => g.StartTime ?? DateTimeOffset.MaxValue)
            .GroupBy(g => g.LeagueId)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var league in Leagues)
        {
            if (await games.FindTournamentOnAsync(league.Id, Today, cancellationToken) is { } season)
            {
                TournamentSeasons[league.Id] = season;
            }
        }

        BestLive = await pulse.GetBestLiveAsync(Today, BestCount, cancellationToken);
        BestFinals = BestLive.Count == 0 ? await pulse.GetBestFinalsAsync(Today.AddDays(-1), BestCount, cancellationToken) : [];

        // Both best lists can show yesterday's games (a late tip-off still live, yesterday's finals), so a NOTIFY
        // for either date evicts the page.
        var tags = Leagues.SelectMany(l => new[] { GameChanges.Tag(l.Slug, Today), GameChanges.Tag(l.Slug, Today.AddDays(-1)) });
        caching.ForGames(HttpContext, tags, [.. today, .. BestLive.Where(g => g.GameDate != Today)], now, fragment: false);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"College basketball scores today, {GameText.ShortDate(Today)} | {site.Value.Name}",
            $"Live NCAA Division I men's and women's college basketball scores for {GameText.Date(Today)}: {today.Count} games.",
            SiteUrls.Home);
        return Page();
    }
}
