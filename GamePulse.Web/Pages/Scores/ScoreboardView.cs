using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Pages.Shared;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// A league's games of one date, in the sections a visitor scans: Live, Upcoming, Final, Postponed/Canceled.
/// <paramref name="Order"/> is time or Pulse. For a signed-in visitor, <paramref name="Followed"/> holds the teams they
/// follow (their games lead each section) and <paramref name="Filter"/> says whether only those games are shown.
/// </summary>
public sealed record ScoreboardView(
    League League,
    DateOnly Date,
    IReadOnlyList<GameSummary> Games,
    AdjacentDates Adjacent,
    bool Polling,
    string Order = ScoreboardOrder.Time,
    IReadOnlySet<int>? Followed = null,
    ScoreboardFilter Filter = ScoreboardFilter.All)
{
    public IReadOnlyList<ScoreboardSection> Sections { get; } = ScoreboardSection.From(Games, Order, Followed);

    /// <summary>The memo of the shared day's cards (<see cref="ScoreboardDay"/>), or null for a list of its own.</summary>
    public GameCardMemo? Cards { get; init; }

    /// <summary>The season whose NCAA Tournament is on around this date: the page links its bracket.</summary>
    public int? TournamentSeason { get; init; }

    /// <summary>The moment the day's games were read for: the page's "updated" note (Live/live.js ticks it).</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The URL of this day's stream of changes (docs/decisions/0420), in the default view.</summary>
    public string LiveStream => Data.Live.LiveStreams.Scoreboard(new(League.Slug, Date, Data.Live.LiveView.Default));

    public bool MineOnly => Filter.HasFlag(ScoreboardFilter.Mine);

    public bool Top25Only => Filter.HasFlag(ScoreboardFilter.Top25);

    /// <summary>The query string that keeps this view's order and filter on its links, picker and live polling.</summary>
    public string Keep => QueryOf(Order, Filter);

    public static string QueryOf(string order, ScoreboardFilter filter)
    {
        var parts = new List<string>(2);
        if (order == ScoreboardOrder.Pulse)
        {
            parts.Add($"{ScoreboardOrder.QueryKey}={ScoreboardOrder.Pulse}");
        }

        if (ScoreboardFilters.Value(filter) is { } teams)
        {
            parts.Add($"{ScoreboardFilters.QueryKey}={teams}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

public sealed record ScoreboardSection(string Key, string Heading, IReadOnlyList<GameSummary> Games)
{
    public static IReadOnlyList<ScoreboardSection> From(IReadOnlyList<GameSummary> games, string order = ScoreboardOrder.Time, IReadOnlySet<int>? followed = null)
    {
        // Within Live and Upcoming the earliest tip-off leads; TBA games go last. Finals list in start order too,
        // so a day reads the way it was played. Ordered by Pulse, the sections stay (a live score, a final's quality
        // and a scheduled game's anticipation are different measures) and each lists its highest Pulse first.
        // A signed-in visitor's teams come first in every section, whichever the order.
        IReadOnlyList<GameSummary> Pick(Func<GameSummary, bool> predicate)
        {
            var picked = games.Where(predicate).OrderBy(g => followed is not null && ScoreboardFilters.Involves(g, followed) ? 0 : 1);
            var ordered = order == ScoreboardOrder.Pulse
                ? picked.ThenByDescending(g => g.PulseScore ?? -1).ThenBy(g => g.StartTime ?? DateTimeOffset.MaxValue)
                : picked.ThenBy(g => g.StartTime ?? DateTimeOffset.MaxValue);
            return [.. ordered.ThenBy(g => g.Id)];
        }

        ScoreboardSection[] all =
        [
            new("live", "Live", Pick(g => g.IsInProgress)),
            new("upcoming", "Upcoming", Pick(g => g.State == GameState.Scheduled)),
            new("final", "Final", Pick(g => g.State == GameState.Final)),
            new("off", "Postponed and canceled", Pick(g => g.State is GameState.Postponed or GameState.Canceled)),
        ];
        return [.. all.Where(s => s.Games.Count > 0)];
    }
}
