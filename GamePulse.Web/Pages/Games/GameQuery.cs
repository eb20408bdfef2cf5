using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Pulse;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// A game with its observed score changes (only the snapshots where the score moved), its Pulse over time and its
/// detail from the summary (null when none is stored; <see cref="DetailFromSource"/> false when the game's source has
/// none to give, i.e. an NCAA-only game).
/// </summary>
public sealed record GameView(GameSummary Game, IReadOnlyList<GameSnapshot> ScoreChanges, MarginChart? Chart, bool Polling, PulseChart? PulseChart = null)
{
    public GameDetailView? Detail { get; init; }

    public bool DetailFromSource { get; init; } = true;

    public GamePageQuery Query { get; init; } = GamePageQuery.Default;
}

public sealed class GameQuery(GameRepository games, PulseRepository pulse, GameDetailRepository details, GamePageCache cache)
{
    /// <summary>The page of game <paramref name="id"/> as the view asks; <paramref name="leagueSlug"/> is the URL's league (see <see cref="GamePageCache"/>).</summary>
    public async Task<GameView?> LoadAsync(long id, string leagueSlug, DateTimeOffset now, CancellationToken cancellationToken, GamePageQuery? query = null)
    {
        if (await cache.GetAsync(id, leagueSlug, ct => ReadAsync(id, ct), cancellationToken) is not { } data)
        {
            return null;
        }

        var pageQuery = query ?? GamePageQuery.Default;
        return new GameView(data.Game, data.ScoreChanges, data.Chart, Live.LiveUpdates.ShouldPoll([data.Game], now), data.PulseChart)
        {
            Detail = data.DetailView(pageQuery),
            DetailFromSource = data.DetailFromSource,
            Query = pageQuery,
        };
    }

    private async Task<GamePageData?> ReadAsync(long id, CancellationToken cancellationToken)
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
        var (detail, fromSource) = await details.LoadAsync(id, cancellationToken);
        return new GamePageData(game, changes, MarginChart.From(changes), PulseChart.From(history), detail, fromSource);
    }
}
