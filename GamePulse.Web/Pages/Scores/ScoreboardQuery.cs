using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Caching;

namespace GamePulse.Web.Pages.Scores;

/// <summary>Reads what the scoreboard of one league and date shows.</summary>
public sealed class ScoreboardQuery(GameDayCache days)
{
    /// <param name="followed">The signed-in visitor's followed teams, or null for an anonymous (shared) page.</param>
    public async Task<ScoreboardView> LoadAsync(League league, DateOnly date, string order, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlySet<int>? followed = null, ScoreboardFilter filter = ScoreboardFilter.All)
    {
        var day = await days.GetAsync(league, date, cancellationToken);
        var list = day.Games;
        if (filter == ScoreboardFilter.Mine && followed is not null)
        {
            list = [.. list.Where(g => ScoreboardFilters.Involves(g, followed))];
        }

        return new ScoreboardView(league, date, list, day.Adjacent, Caching.LiveUpdates.ShouldPoll(list, now), order, followed, filter);
    }
}
