using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Caching;
using GamePulse.Web.Live;
using GamePulse.Web.Pages.Shared;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// The scoreboard's query: one league's games of one date and the nearest dates before and after that have games.
/// Each league-day is read once and shared by every render (<see cref="LeagueDayCache"/>) until the Worker's NOTIFY
/// names the league; the day carries the memo of its cards, since many requests render the same game objects.
/// </summary>
public sealed class ScoreboardQuery(GameRepository games, LeagueDayCache days)
{
    /// <param name="followed">The signed-in visitor's followed teams, or null for an anonymous (shared) page.</param>
    public async Task<ScoreboardView> LoadAsync(League league, DateOnly date, string order, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlySet<int>? followed = null, ScoreboardFilter filter = ScoreboardFilter.All)
    {
        var day = await days.GetAsync(league.Slug, date, token => ReadAsync(league, date, token), cancellationToken);
        var list = day.Games;
        if (filter.HasFlag(ScoreboardFilter.Mine) && followed is not null)
        {
            list = [.. list.Where(g => ScoreboardFilters.Involves(g, followed))];
        }

        if (filter.HasFlag(ScoreboardFilter.Top25))
        {
            list = [.. list.Where(ScoreboardFilters.HasRankedTeam)];
        }

        return new ScoreboardView(league, date, list, day.Adjacent, LiveUpdates.ShouldPoll(list, now), order, followed, filter) { Cards = day.Cards, TournamentSeason = day.TournamentSeason, AsOf = now };
    }

    /// <summary>The read itself, from PostgreSQL, uncached.</summary>
    public async Task<ScoreboardDay> ReadAsync(League league, DateOnly date, CancellationToken cancellationToken)
    {
        var list = await games.GetScoreboardAsync(league.Id, date, cancellationToken);
        var adjacent = await games.GetAdjacentDatesAsync(league.Id, date, cancellationToken);
        return new ScoreboardDay(list, adjacent) { TournamentSeason = await games.FindTournamentOnAsync(league.Id, date, cancellationToken) };
    }
}

/// <summary>What the scoreboard reads for one league and date, as shared between requests.</summary>
public sealed record ScoreboardDay(IReadOnlyList<GameSummary> Games, AdjacentDates Adjacent)
{
    /// <summary>The season whose NCAA Tournament is on around this date (the page links its bracket), else null.</summary>
    public int? TournamentSeason { get; init; }

    public GameCardMemo Cards { get; } = new(Games);
}
