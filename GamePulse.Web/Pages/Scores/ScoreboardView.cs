using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Web.Pages.Scores;

/// <summary>A league's games of one date, in the sections a visitor scans: Live, Upcoming, Final, Postponed/Canceled.</summary>
public sealed record ScoreboardView(League League, DateOnly Date, IReadOnlyList<GameSummary> Games, AdjacentDates Adjacent, bool Polling, string Order = ScoreboardOrder.Time)
{
    public IReadOnlyList<ScoreboardSection> Sections { get; } = ScoreboardSection.From(Games, Order);
}

public sealed record ScoreboardSection(string Key, string Heading, IReadOnlyList<GameSummary> Games)
{
    public static IReadOnlyList<ScoreboardSection> From(IReadOnlyList<GameSummary> games, string order = ScoreboardOrder.Time)
    {
        // Within Live and Upcoming the earliest tip-off leads; TBA games go last. Finals list in start order too,
        // so a day reads the way it was played. Ordered by Pulse, the sections stay (a live score, a final's quality
        // and a scheduled game's anticipation are different measures) and each lists its highest Pulse first.
        IReadOnlyList<GameSummary> Pick(Func<GameSummary, bool> predicate)
        {
            var picked = games.Where(predicate);
            var ordered = order == ScoreboardOrder.Pulse
                ? picked.OrderByDescending(g => g.PulseScore ?? -1).ThenBy(g => g.StartTime ?? DateTime.MaxValue)
                : picked.OrderBy(g => g.StartTime ?? DateTime.MaxValue);
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
