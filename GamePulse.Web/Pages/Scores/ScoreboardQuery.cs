using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Web.Pages.Scores;

/// <summary>Reads what the scoreboard of one league and date shows.</summary>
public sealed class ScoreboardQuery(GameRepository games)
{
    public async Task<ScoreboardView> LoadAsync(League league, DateOnly date, string order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = await games.GetScoreboardAsync(league.Id, date, cancellationToken);
        var adjacent = await games.GetAdjacentDatesAsync(league.Id, date, cancellationToken);
        return new ScoreboardView(league, date, list, adjacent, Caching.LiveUpdates.ShouldPoll(list, now), order);
    }
}
