using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Games;

/// <summary>A game with its observed score changes (only the snapshots where the score moved).</summary>
public sealed record GameView(GameSummary Game, IReadOnlyList<GameSnapshot> ScoreChanges, MarginChart? Chart, bool Polling);

public sealed class GameQuery(GameRepository games)
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

        return new GameView(game, changes, MarginChart.From(changes), Caching.LiveUpdates.ShouldPoll([game], now));
    }
}
