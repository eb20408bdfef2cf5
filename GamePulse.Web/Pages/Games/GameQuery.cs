using GamePulse.Data.Games;
using GamePulse.Data.Pulse;

namespace GamePulse.Web.Pages.Games;

/// <summary>A game with its observed score changes (only the snapshots where the score moved) and its Pulse over time.</summary>
public sealed record GameView(GameSummary Game, IReadOnlyList<GameSnapshot> ScoreChanges, MarginChart? Chart, bool Polling, PulseChart? PulseChart = null);

public sealed class GameQuery(GameRepository games, PulseRepository pulse)
{
    public async Task<GameView?> LoadAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await games.FindByIdAsync(id, cancellationToken) is not { } game)
        {
            return null;
        }

        var snapshots = await games.GetSnapshotsAsync(id, cancellationToken);
        var changes = new List<GameSnapshot>();
        foreach (var snapshot in snapshots.Where(s => s.HomeScore is not null && s.AwayScore is not null))
        {
            if (changes.Count == 0 || changes[^1].HomeScore != snapshot.HomeScore || changes[^1].AwayScore != snapshot.AwayScore)
            {
                changes.Add(snapshot);
            }
        }

        var history = await pulse.GetHistoryAsync(id, cancellationToken);
        return new GameView(game, changes, MarginChart.From(changes), Live.LiveUpdates.ShouldPoll([game], now), PulseChart.From(history));
    }
}
