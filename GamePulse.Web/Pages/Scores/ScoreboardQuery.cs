using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Web.Pages.Scores;

/// <summary>Reads what the scoreboard of one league and date shows.</summary>
public sealed class ScoreboardQuery(GameRepository games)
{
    /// <param name="followed">The signed-in visitor's followed teams, or null for an anonymous (shared) page.</param>
    public async Task<ScoreboardView> LoadAsync(League league, DateOnly date, string order, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlySet<int>? followed = null, ScoreboardFilter filter = ScoreboardFilter.All)
    {
        IReadOnlyList<GameSummary> list = await games.GetScoreboardAsync(league.Id, date, cancellationToken);
        if (filter == ScoreboardFilter.Mine && followed is not null)
        {
            list = [.. list.Where(g => ScoreboardFilters.Involves(g, followed))];
        }

        var adjacent = await games.GetAdjacentDatesAsync(league.Id, date, cancellationToken);
        return new ScoreboardView(league, date, list, adjacent, Caching.LiveUpdates.ShouldPoll(list, now), order, followed, filter);
    }
}
