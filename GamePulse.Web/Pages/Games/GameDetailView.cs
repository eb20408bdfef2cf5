using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Pulse;

namespace GamePulse.Web.Pages.Games;

/// <summary>One team's box score: its players in print order and its totals.</summary>
public sealed record TeamBoxScore(string Side, GameTeam Team, IReadOnlyList<PlayerLine> Players, TeamBoxLine? Totals);

/// <summary>The plays of one period, in the order to print.</summary>
public sealed record PeriodPlays(int Period, string Name, IReadOnlyList<PlayLine> Plays);

/// <summary>
/// What the game page shows from a game's stored detail: leaders, both box scores, the play-by-play grouped by period
/// and the win-probability chart. Built once per view and game version from <see cref="StoredGameDetail"/> and the
/// page's query, and kept with the game's <see cref="GamePageData"/>.
/// </summary>
public sealed record GameDetailView(
    GamePageQuery Query,
    IReadOnlyList<LeaderLine> Leaders,
    IReadOnlyList<TeamBoxScore> BoxScores,
    IReadOnlyList<PeriodPlays> Periods,
    IReadOnlyList<int> AllPeriods,
    int PlayCount,
    bool SplitByPeriod,
    bool LatestFirst,
    WinProbabilityChart? WinProbability,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Above this many plays (after the scoring filter) the log is shown one period at a time.</summary>
    public const int LongLog = 250;

    public bool HasBoxScore => BoxScores.Any(b => b.Players.Count > 0);

    /// <summary>This view's box score markup, rendered once (<see cref="BoxScoreHtml"/>).</summary>
    public RenderedOnce BoxScoreRendered { get; } = new();

    /// <summary>This view's play-by-play markup, rendered once (<see cref="PlayByPlayHtml"/>).</summary>
    public RenderedOnce PlaysRendered { get; } = new();

    public static GameDetailView From(GameSummary game, StoredGameDetail detail, GamePageQuery query)
    {
        var format = GameFormat.ForLeague(game.LeagueId);
        var boxScores = new[] { (GameSide.Away, game.Away), (GameSide.Home, game.Home) }
            .Select(s => new TeamBoxScore(s.Item1, s.Item2, BoxScoreSort.Order(detail.Players.Where(p => p.Side == s.Item1), query.Sort), detail.Teams.FirstOrDefault(t => t.Side == s.Item1)))
            .ToList();
        var plays = query.ScoringOnly ? detail.Plays.Where(p => p.Scoring).ToList() : detail.Plays;
        var allPeriods = plays.Select(p => (int)p.Period).Distinct().Order().ToList();
        var latestFirst = game.IsInProgress;
        var split = query.Period != GamePageQuery.AllPeriods && (query.PeriodNumber is not null || plays.Count > LongLog);
        // A long log shows the period asked for, else the one a reader wants first: the current one while live, the first after.
        var shown = !split || allPeriods.Count == 0 ? allPeriods : [query.PeriodNumber ?? (latestFirst ? allPeriods[^1] : allPeriods[0])];
        var periods = shown
            .Select(n => new PeriodPlays(n, PeriodLabel(format, n), latestFirst ? [.. plays.Where(p => p.Period == n).Reverse()] : [.. plays.Where(p => p.Period == n)]))
            .ToList();
        if (latestFirst)
        {
            periods.Reverse();
        }

        var leaders = detail.Leaders.OrderBy(l => LeaderRank(l.Category)).ThenBy(l => l.Side == GameSide.Away ? 0 : 1).ToList();
        return new GameDetailView(query, leaders, boxScores, periods, allPeriods, plays.Count, split, latestFirst,
            WinProbabilityChart.From(detail.Plays, format), detail.Row.UpdatedAt);
    }

    /// <summary>"1st half", "2nd half", "OT", "2OT" for men; "1st quarter" … "4th quarter", "OT" for women.</summary>
    public static string PeriodLabel(GameFormat format, int period)
    {
        if (period > format.RegulationPeriods)
        {
            var overtime = period - format.RegulationPeriods;
            return overtime == 1 ? "OT" : $"{overtime}OT";
        }

        var ordinal = period switch
        {
            1 => "1st",
            2 => "2nd",
            3 => "3rd",
            _ => $"{period}th",
        };
        return $"{ordinal} {(format.RegulationPeriods == 2 ? "half" : "quarter")}";
    }

    private static int LeaderRank(string category) => category switch
    {
        "points" or "pointsPerGame" => 0,
        "rebounds" or "reboundsPerGame" => 1,
        "assists" or "assistsPerGame" => 2,
        _ => 3,
    };
}
