using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Games.Detail;

/// <summary>Why a game's summary is due, in the order the batch fetches them by default.</summary>
public static class SummaryKind
{
    public const string Live = "live";
    public const string Final = "final";
    public const string PreGame = "pregame";
}

/// <summary>The cadence of summary fetches (from the Worker's Summaries options), as the due query applies it.</summary>
public sealed record SummaryCadence(TimeSpan LiveMaxAge, TimeSpan LiveMinInterval, TimeSpan FinalRecheck, bool PreGame);

/// <summary>A game whose summary is due: fetch it by its ESPN id, and record what the batch saw.</summary>
public sealed record DueSummary
{
    [Column("game_id")]
    public long GameId { get; init; }

    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("espn_id")]
    public required string EspnId { get; init; }

    [Column("kind")]
    public required string Kind { get; init; }

    [Column("state")]
    public required string State { get; init; }

    [Column("game_updated_at")]
    public DateTimeOffset GameUpdatedAt { get; init; }
}

/// <summary>One fetch the batch made: which game, as seen when it was due, and whether its summary was stored.</summary>
public sealed record SummaryFetch(long GameId, string State, DateTimeOffset GameUpdatedAt, bool Stored);

/// <summary>One summary batch, as recorded in summary_runs.</summary>
[Table("summary_runs")]
public sealed record SummaryRun
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("fire_id")]
    public string? FireId { get; init; }

    [Column("started_at")]
    public DateTimeOffset StartedAt { get; init; }

    [Column("finished_at")]
    public DateTimeOffset FinishedAt { get; init; }

    [Column("due")]
    public int Due { get; init; }

    [Column("requested")]
    public int Requested { get; init; }

    [Column("changed")]
    public int Changed { get; init; }

    [Column("unchanged")]
    public int Unchanged { get; init; }

    [Column("failed")]
    public int Failed { get; init; }

    [Column("deferred")]
    public int Deferred { get; init; }

    [Column("rows_written")]
    public int RowsWritten { get; init; }

    [Column("duration_ms")]
    public int DurationMs { get; init; }

    [Column("outcome")]
    public required string Outcome { get; init; }

    [Column("error")]
    public string? Error { get; init; }
}

/// <summary>
/// Which games' summaries are due, and the record of each fetch (summary_fetches) and batch (summary_runs). Only games
/// with an ESPN id qualify: summaries are an ESPN endpoint. Due: a live game whose scoreboard row changed since its
/// last fetch (but not more often than the minimum interval) or whose last fetch is older than the maximum age; a
/// final of today or yesterday once after it ended and once more after the recheck delay (stat corrections); a
/// scheduled game of today once a day when pre-game fetches are on.
/// </summary>
public sealed class SummaryFetchRepository(GamePulseDbFactory databases)
{
    public async Task<IReadOnlyList<DueSummary>> FindDueAsync(SummaryCadence cadence, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        var today = EasternCalendar.DateOf(now);
        // Raw SQL: the three rules over a left join with their order in one statement, which LINQ cannot say plainly.
        return await db.QueryToListAsync<DueSummary>("""
            SELECT g.id AS game_id, g.league_id, g.espn_id, g.state, g.updated_at AS game_updated_at,
                   CASE WHEN g.state = 'final' THEN 'final' WHEN g.state = 'scheduled' THEN 'pregame' ELSE 'live' END AS kind
            FROM games g
            LEFT JOIN summary_fetches f ON f.game_id = g.id
            WHERE g.espn_id IS NOT NULL AND (
                   (g.state IN ('live', 'halftime', 'delayed')
                    AND (f.game_id IS NULL OR f.fetched_at <= @liveStale
                         OR (g.updated_at > f.game_updated_at AND f.fetched_at <= @liveChangedAfter)))
                OR (g.state = 'final' AND g.game_date >= @yesterday
                    AND (f.game_id IS NULL OR (f.final_fetches = 0 AND (f.state <> 'final' OR f.fetched_at <= @liveStale))
                         OR (f.final_fetches = 1 AND f.first_final_at <= @finalRecheck)))
                OR (@preGame AND g.state = 'scheduled' AND g.game_date = @today
                    AND (f.game_id IS NULL OR f.pre_game_on IS DISTINCT FROM @today)))
            ORDER BY f.game_id IS NOT NULL, (g.updated_at > f.game_updated_at) IS NOT TRUE, f.fetched_at NULLS FIRST, g.id
            LIMIT @limit
            """, new
        {
            liveStale = now - cadence.LiveMaxAge,
            liveChangedAfter = now - cadence.LiveMinInterval,
            finalRecheck = now - cadence.FinalRecheck,
            yesterday = today.AddDays(-1),
            today,
            preGame = cadence.PreGame,
            limit,
        }, cancellationToken);
    }

    /// <summary>
    /// Records the batch's fetches in one statement. A stored final counts towards its two fetches (a failed one is
    /// retried at the live cadence); a pre-game fetch counts for the day even when it failed.
    /// </summary>
    public async Task RecordFetchesAsync(IReadOnlyCollection<SummaryFetch> fetches, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
    {
        if (fetches.Count == 0)
        {
            return;
        }

        await using var db = databases.Open();
        var today = EasternCalendar.DateOf(fetchedAt);
        // Raw SQL: a set-based upsert from the batch's list with per-row counting, which LINQ cannot say.
        await db.ExecuteAsync("""
            INSERT INTO summary_fetches AS f (game_id, fetched_at, game_updated_at, state, final_fetches, first_final_at, pre_game_on)
            SELECT i.game_id, @fetchedAt, i.game_updated_at, i.state,
                   CASE WHEN i.state = 'final' AND i.stored THEN 1 ELSE 0 END,
                   CASE WHEN i.state = 'final' AND i.stored THEN @fetchedAt END,
                   CASE WHEN i.state = 'scheduled' THEN @today END
            FROM unnest(@gameIds::bigint[], @states::text[], @updated::timestamptz[], @stored::boolean[]) AS i(game_id, state, game_updated_at, stored)
            ON CONFLICT (game_id) DO UPDATE SET
                fetched_at = EXCLUDED.fetched_at,
                game_updated_at = EXCLUDED.game_updated_at,
                state = EXCLUDED.state,
                final_fetches = f.final_fetches + EXCLUDED.final_fetches,
                first_final_at = COALESCE(f.first_final_at, EXCLUDED.first_final_at),
                pre_game_on = COALESCE(EXCLUDED.pre_game_on, f.pre_game_on)
            """, new
        {
            fetchedAt = fetchedAt.ToUniversalTime(),
            today,
            gameIds = fetches.Select(f => f.GameId).ToArray(),
            states = fetches.Select(f => f.State).ToArray(),
            updated = fetches.Select(f => f.GameUpdatedAt.ToUniversalTime()).ToArray(),
            stored = fetches.Select(f => f.Stored).ToArray(),
        }, cancellationToken);
    }

    public async Task RecordRunAsync(SummaryRun run, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        await db.InsertAsync(run, token: cancellationToken);
    }

    /// <summary>The latest batches, newest first (admin and tests).</summary>
    public async Task<IReadOnlyList<SummaryRun>> GetRecentRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.GetTable<SummaryRun>().OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
