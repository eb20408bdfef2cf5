using System.Collections.Concurrent;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// Everything the game page reads from the database for one game, shared between requests by <see cref="GamePageCache"/>
/// until a NOTIFY for the game's league says it changed. Views of the page (sort, play filter, period) are built from
/// it once each and kept with it, so a view's box score and play rows are rendered once per version of the game.
/// </summary>
public sealed record GamePageData(
    GameSummary Game,
    IReadOnlyList<GameSnapshot> ScoreChanges,
    MarginChart? Chart,
    PulseChart? PulseChart,
    StoredGameDetail? Detail,
    bool DetailFromSource)
{
    // Bounded by the views GamePageQuery accepts (13 sorts × 2 filters × 11 periods at most); usually two or three.
    private readonly ConcurrentDictionary<GamePageQuery, GameDetailView> views = new();

    /// <summary>The detail as this view shows it, built on first use (null when the game has no stored detail).</summary>
    public GameDetailView? DetailView(GamePageQuery query) =>
        Detail is null ? null : views.GetOrAdd(query, static (q, data) => GameDetailView.From(data.Game, data.Detail!, q), this);
}
