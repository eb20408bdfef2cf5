using GamePulse.Data.Games.Detail;

namespace GamePulse.Web.Pages.Games;

/// <summary>The box score's columns, in print order, and how <c>?sort=</c> orders players by one of them.</summary>
public static class BoxScoreSort
{
    /// <summary>No sort: starters first, then the bench, in the feed's order.</summary>
    public const string Default = "";

    public sealed record Column(string Key, string Label, string Title, Func<PlayerLine, int?> Value);

    public static IReadOnlyList<Column> Columns { get; } =
    [
        new("min", "MIN", "Minutes", p => p.Minutes),
        new("pts", "PTS", "Points", p => p.Points),
        new("fg", "FG", "Field goals made-attempted", p => p.Fgm),
        new("3pt", "3PT", "Three-pointers made-attempted", p => p.Tpm),
        new("ft", "FT", "Free throws made-attempted", p => p.Ftm),
        new("reb", "REB", "Rebounds", p => p.Reb),
        new("oreb", "OR", "Offensive rebounds", p => p.Oreb),
        new("dreb", "DR", "Defensive rebounds", p => p.Dreb),
        new("ast", "AST", "Assists", p => p.Ast),
        new("stl", "STL", "Steals", p => p.Stl),
        new("blk", "BLK", "Blocks", p => p.Blk),
        new("to", "TO", "Turnovers", p => p.Tov),
        new("pf", "PF", "Personal fouls", p => p.Pf),
    ];

    public static bool IsKnown(string key) => Columns.Any(c => c.Key == key);

    /// <summary>
    /// Players in the order to print: by the column, highest first, players without a value (did not play) last and
    /// ties in the feed's order; without a sort, starters first in the feed's order.
    /// </summary>
    public static IReadOnlyList<PlayerLine> Order(IEnumerable<PlayerLine> players, string sort)
    {
        var column = Columns.FirstOrDefault(c => c.Key == sort);
        return column is null
            ? [.. players.OrderByDescending(p => p.Starter).ThenBy(p => p.SortOrder)]
            : [.. players.OrderByDescending(p => column.Value(p) ?? -1).ThenByDescending(p => p.Starter).ThenBy(p => p.SortOrder)];
    }
}
