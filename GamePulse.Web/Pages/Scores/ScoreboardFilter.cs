using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Scores;

/// <summary>Which games a scoreboard shows: all, or (?teams=mine) only those of the teams the visitor follows.</summary>
public enum ScoreboardFilter
{
    All,
    Mine,
}

public static class ScoreboardFilters
{
    public const string QueryKey = "teams";
    public const string MineValue = "mine";

    /// <summary>
    /// Reads ?teams=. Absent means all games; exactly one "mine" means the visitor's teams; anything else (another
    /// value, an empty one, the key twice) is a bad request rather than a silently different page.
    /// </summary>
    public static bool TryRead(IQueryCollection query, out ScoreboardFilter filter)
    {
        filter = ScoreboardFilter.All;
        if (!query.TryGetValue(QueryKey, out var values))
        {
            return true;
        }

        if (values.Count == 1 && values[0] == MineValue)
        {
            filter = ScoreboardFilter.Mine;
            return true;
        }

        return false;
    }

    public static bool Involves(GameSummary game, IReadOnlySet<int> teamIds) => teamIds.Contains(game.Home.Id) || teamIds.Contains(game.Away.Id);
}
