using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// A league's games of one date, in the sections a visitor scans: Live, Upcoming, Final, Postponed/Canceled.
/// For a signed-in visitor, <paramref name="Followed"/> holds the teams they follow (their games lead each section)
/// and <paramref name="Filter"/> says whether only those games are shown ("My teams").
/// </summary>
public sealed record ScoreboardView(
    League League,
    DateOnly Date,
    IReadOnlyList<GameSummary> Games,
    AdjacentDates Adjacent,
    bool Polling,
    IReadOnlySet<int>? Followed = null,
    ScoreboardFilter Filter = ScoreboardFilter.All)
{
    public IReadOnlyList<ScoreboardSection> Sections { get; } = ScoreboardSection.From(Games, Followed);

    public bool IsPersonal => Followed is not null;

    public bool MineOnly => Filter == ScoreboardFilter.Mine;
}

public sealed record ScoreboardSection(string Key, string Heading, IReadOnlyList<GameSummary> Games)
{
    public static IReadOnlyList<ScoreboardSection> From(IReadOnlyList<GameSummary> games, IReadOnlySet<int>? followed = null)
    {
        // Within Live and Upcoming the earliest tip-off leads; TBA games go last. Finals list in start order too,
        // so a day reads the way it was played. A signed-in visitor's teams come first in every section.
        IReadOnlyList<GameSummary> Pick(Func<GameSummary, bool> predicate) =>
            [.. games.Where(predicate)
                .OrderBy(g => followed is not null && ScoreboardFilters.Involves(g, followed) ? 0 : 1)
                .ThenBy(g => g.StartTime ?? DateTime.MaxValue).ThenBy(g => g.Id)];

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
