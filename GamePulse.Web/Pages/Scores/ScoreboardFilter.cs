using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// Which games a scoreboard shows: all, only those of the teams the visitor follows (?teams=mine), only those with a
/// ranked team (?teams=top25), or both at once (?teams=mine,top25: the visitor's teams' games that have a ranked team).
/// </summary>
[Flags]
public enum ScoreboardFilter
{
    All = 0,
    Mine = 1,
    Top25 = 2,
}

public static class ScoreboardFilters
{
    public const string QueryKey = "teams";
    public const string MineValue = "mine";
    public const string Top25Value = "top25";

    /// <summary>The AP Top 25: a game's rank as the feed gave it for that day.</summary>
    public const int RankedThrough = 25;

    /// <summary>
    /// Reads ?teams=. Absent means all games; "mine", "top25" or both comma-separated (in either order) filter;
    /// anything else (another value, an empty one, a value twice, the key twice) is a bad request rather than a
    /// silently different page.
    /// </summary>
    public static bool TryRead(IQueryCollection query, out ScoreboardFilter filter)
    {
        filter = ScoreboardFilter.All;
        if (!query.TryGetValue(QueryKey, out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        foreach (var value in (values[0] ?? "").Split(','))
        {
            var flag = value switch
            {
                MineValue => ScoreboardFilter.Mine,
                Top25Value => ScoreboardFilter.Top25,
                _ => ScoreboardFilter.All,
            };
            if (flag == ScoreboardFilter.All || filter.HasFlag(flag))
            {
                filter = ScoreboardFilter.All;
                return false;
            }

            filter |= flag;
        }

        return true;
    }

    /// <summary>The ?teams= value of a filter ("mine", "top25", "mine,top25"), or null for all games.</summary>
    public static string? Value(ScoreboardFilter filter) => filter switch
    {
        ScoreboardFilter.Mine => MineValue,
        ScoreboardFilter.Top25 => Top25Value,
        ScoreboardFilter.Mine | ScoreboardFilter.Top25 => $"{MineValue},{Top25Value}",
        _ => null,
    };

    public static string Suffix(ScoreboardFilter filter) => Value(filter) is { } value ? $"?{QueryKey}={value}" : "";

    public static bool Involves(GameSummary game, IReadOnlySet<int> teamIds) => teamIds.Contains(game.Home.Id) || teamIds.Contains(game.Away.Id);

    public static bool HasRankedTeam(GameSummary game) => game.Home.Rank is > 0 and <= RankedThrough || game.Away.Rank is > 0 and <= RankedThrough;
}
