using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Pulse;

/// <summary>
/// The flow points of games that have a stored play-by-play: one point per play that changed the score, in the feed's
/// order. Every basket is a step, so lead changes, ties, runs and the final-minute lead change read from them are
/// exact, where snapshots (one per poll) only give lower bounds. Games without plays are not in the result and keep
/// their snapshots (docs/pulse.md, "Game flow").
/// </summary>
internal static class PlayFlow
{
    public static async Task<ILookup<long, FlowPoint>> ReadAsync(GamePulseDb db, long[] gameIds, CancellationToken cancellationToken)
    {
        // Raw SQL: lag() keeps only the plays that changed the score (about a third of a log), which LINQ cannot say.
        var rows = await db.QueryToListAsync<ScoringPlayRow>("""
            SELECT game_id, period, clock, home_score, away_score
            FROM (
                SELECT game_id, ordinal, period, clock, home_score, away_score,
                       lag(home_score) OVER w AS home_before, lag(away_score) OVER w AS away_before
                FROM game_plays
                WHERE game_id = ANY(@gameIds)
                WINDOW w AS (PARTITION BY game_id ORDER BY ordinal)
            ) p
            WHERE (home_score, away_score) IS DISTINCT FROM (home_before, away_before)
            ORDER BY game_id, ordinal
            """, new { gameIds }, cancellationToken);
        return rows.ToLookup(r => r.GameId, r => new FlowPoint(r.Period, r.Clock, r.HomeScore, r.AwayScore));
    }

    /// <summary>
    /// The points a game's flow is read from: its scoring plays when it has any, else its snapshots; the game's
    /// current state ends either story (a scoreboard newer than the last summary adds its step at the end).
    /// </summary>
    public static IEnumerable<FlowPoint> Points(IEnumerable<FlowPoint> plays, IEnumerable<FlowPoint> snapshots, FlowPoint current)
    {
        var fromPlays = plays as ICollection<FlowPoint> ?? [.. plays];
        return (fromPlays.Count > 0 ? fromPlays : snapshots).Append(current);
    }

    private sealed record ScoringPlayRow
    {
        [Column("game_id")]
        public long GameId { get; init; }

        [Column("period")]
        public int Period { get; init; }

        [Column("clock")]
        public string? Clock { get; init; }

        [Column("home_score")]
        public int HomeScore { get; init; }

        [Column("away_score")]
        public int AwayScore { get; init; }
    }
}
