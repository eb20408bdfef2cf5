using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Home;

/// <summary>The home page: today's games of every league, live games first.</summary>
public sealed class HomeModel(LeagueRepository leagues, GameRepository games, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<League> Leagues { get; private set; } = [];

    public IReadOnlyDictionary<short, List<GameSummary>> GamesByLeague { get; private set; } = new Dictionary<short, List<GameSummary>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = EasternCalendar.Today(clock);
        Leagues = await leagues.GetAllAsync(cancellationToken);
        var today = await games.GetAllLeaguesOnDateAsync(Today, cancellationToken);
        GamesByLeague = today
            .OrderByDescending(g => g.IsInProgress)
            .GroupBy(g => g.LeagueId)
            .ToDictionary(g => g.Key, g => g.ToList());
    }
}
