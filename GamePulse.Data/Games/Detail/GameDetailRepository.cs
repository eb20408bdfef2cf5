using System.Text.Json;
using GamePulse.Data.Teams;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Games.Detail;

/// <summary>A game's stored detail, as the game page reads it.</summary>
public sealed record StoredGameDetail(
    GameDetailRow Row,
    IReadOnlyList<TeamBoxLine> Teams,
    IReadOnlyList<PlayerLine> Players,
    IReadOnlyList<PlayLine> Plays,
    IReadOnlyList<LeaderLine> Leaders);

/// <summary>
/// Writes and reads a game's detail (box score, players, plays with win probability, leaders). Writes are one
/// set-based statement that writes only rows that differ from what is stored, so re-storing an unchanged summary
/// writes nothing at all; plays are appended by id, a corrected play replaces its row, and a play the feed no longer
/// lists is removed. A section the payload lacks is left as stored.
/// </summary>
public sealed class GameDetailRepository(GamePulseDbFactory databases)
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly DetailTable Teams = new("game_team_stats", ["side"], [
        ("side", "text"), ("points", "smallint"), ("fgm", "smallint"), ("fga", "smallint"), ("tpm", "smallint"),
        ("tpa", "smallint"), ("ftm", "smallint"), ("fta", "smallint"), ("oreb", "smallint"), ("dreb", "smallint"),
        ("reb", "smallint"), ("ast", "smallint"), ("stl", "smallint"), ("blk", "smallint"), ("tov", "smallint"),
        ("pf", "smallint"), ("largest_lead", "smallint"), ("fast_break_points", "smallint"),
        ("points_in_paint", "smallint"), ("turnover_points", "smallint")], DeleteMissing: false);

    private static readonly DetailTable Players = new("game_player_stats", ["athlete_id"], [
        ("athlete_id", "text"), ("side", "text"), ("sort_order", "smallint"), ("display_name", "text"),
        ("short_name", "text"), ("jersey", "text"), ("position", "text"), ("starter", "boolean"),
        ("did_not_play", "boolean"), ("dnp_reason", "text"), ("ejected", "boolean"), ("minutes", "smallint"),
        ("points", "smallint"), ("oreb", "smallint"), ("dreb", "smallint"), ("reb", "smallint"), ("ast", "smallint"),
        ("stl", "smallint"), ("blk", "smallint"), ("tov", "smallint"), ("pf", "smallint"), ("fgm", "smallint"),
        ("fga", "smallint"), ("tpm", "smallint"), ("tpa", "smallint"), ("ftm", "smallint"), ("fta", "smallint")], DeleteMissing: true);

    private static readonly DetailTable Plays = new("game_plays", ["play_id"], [
        ("play_id", "text"), ("ordinal", "integer"), ("sequence", "bigint"), ("period", "smallint"), ("clock", "text"), ("side", "text"),
        ("type_text", "text"), ("text", "text"), ("scoring", "boolean"), ("score_value", "smallint"),
        ("away_score", "smallint"), ("home_score", "smallint"), ("shot_type", "text"), ("wallclock", "timestamptz"),
        ("home_win_pct", "numeric")], DeleteMissing: true);

    private static readonly DetailTable Leaders = new("game_leaders", ["side", "category"], [
        ("side", "text"), ("category", "text"), ("category_label", "text"), ("athlete_id", "text"),
        ("athlete_name", "text"), ("display_value", "text"), ("value", "numeric"), ("summary", "text")], DeleteMissing: true);

    private static readonly string StoreSql = BuildStoreSql();

    /// <summary>
    /// Stores a game's detail inside the caller's unit of work (the summary's game row, Pulse and run row commit with
    /// it). <paramref name="lastPlay"/> and <paramref name="leader"/> are the card lines; null keeps the stored ones.
    /// </summary>
    public async Task<DetailWriteResult> StoreAsync(GamePulseDb db, long gameId, ScoreSource source, GameDetailUpsert detail, CardLines lines, DateTimeOffset observedAt, CancellationToken cancellationToken = default)
    {
        if (detail.IsEmpty)
        {
            return new DetailWriteResult(0, 0, 0, 0, 0, 0);
        }

        // Raw SQL: every table's change-only upsert, the removals and the detail row in one round trip (data-modifying
        // CTEs), which LINQ cannot say.
        var counts = await db.QueryToListAsync<StoreCounts>(StoreSql, new
        {
            gameId,
            source = source.Name(),
            observedAt = observedAt.ToUniversalTime(),
            teams = JsonSerializer.Serialize(detail.Teams, SnakeCase),
            players = JsonSerializer.Serialize(detail.Players, SnakeCase),
            plays = JsonSerializer.Serialize(detail.Plays, SnakeCase),
            leaders = JsonSerializer.Serialize(detail.Leaders, SnakeCase),
            lastPlayText = lines.LastPlayText,
            lastPlayPeriod = lines.LastPlayPeriod,
            lastPlayClock = lines.LastPlayClock,
            leaderText = lines.LeaderText,
        }, cancellationToken);
        var c = counts.Single();
        return new DetailWriteResult(c.TeamRows, c.PlayerRows, c.PlayRows, c.PlaysRemoved + c.PlayersRemoved + c.LeadersRemoved, c.LeaderRows, c.DetailRows);
    }

    /// <summary>
    /// A game's detail for its page: null when none is stored, and whether its source can have any at all (only ESPN
    /// games have summaries; a game known only by its NCAA id has no recorded box-score source to build from).
    /// </summary>
    public async Task<(StoredGameDetail? Detail, bool SourceHasDetail)> LoadAsync(long gameId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        var espnGame = await db.Games.AnyAsync(g => g.Id == gameId && g.EspnId != null, cancellationToken);
        if (!espnGame || await db.GameDetails.SingleOrDefaultAsync(d => d.GameId == gameId, cancellationToken) is not { } row)
        {
            return (null, espnGame);
        }

        var teams = await db.GameTeamStats.Where(t => t.GameId == gameId).ToListAsync(cancellationToken);
        var players = await db.GamePlayerStats.Where(p => p.GameId == gameId).OrderBy(p => p.Side).ThenBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var plays = await db.GamePlays.Where(p => p.GameId == gameId).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        var leaders = await db.GameLeaders.Where(l => l.GameId == gameId).ToListAsync(cancellationToken);
        return (new StoredGameDetail(row, teams, players, plays, leaders), true);
    }

    private sealed record DetailTable(string Name, string[] Key, (string Column, string Type)[] Columns, bool DeleteMissing);

    private sealed record StoreCounts
    {
        [Column("team_rows")]
        public int TeamRows { get; init; }

        [Column("player_rows")]
        public int PlayerRows { get; init; }

        [Column("players_removed")]
        public int PlayersRemoved { get; init; }

        [Column("play_rows")]
        public int PlayRows { get; init; }

        [Column("plays_removed")]
        public int PlaysRemoved { get; init; }

        [Column("leader_rows")]
        public int LeaderRows { get; init; }

        [Column("leaders_removed")]
        public int LeadersRemoved { get; init; }

        [Column("detail_rows")]
        public int DetailRows { get; init; }
    }

    private static string BuildStoreSql()
    {
        var parts = new[] { (Teams, "teams", "team"), (Players, "players", "player"), (Plays, "plays", "play"), (Leaders, "leaders", "leader") };
        var ctes = string.Join(",\n", parts.Select(p => TableCtes(p.Item1, p.Item2, p.Item3)));
        var written = "(SELECT count(*) FROM team_up) + (SELECT count(*) FROM player_up) + (SELECT count(*) FROM player_del) + (SELECT count(*) FROM play_up) + (SELECT count(*) FROM play_del) + (SELECT count(*) FROM leader_up) + (SELECT count(*) FROM leader_del)";
        return $"""
            WITH {ctes},
            card AS (
                SELECT COALESCE(@lastPlayText::text, d.last_play_text) AS last_play_text,
                       COALESCE(@lastPlayPeriod::smallint, d.last_play_period) AS last_play_period,
                       COALESCE(@lastPlayClock::text, d.last_play_clock) AS last_play_clock,
                       COALESCE(@leaderText::text, d.leader_text) AS leader_text
                FROM (SELECT 1) one LEFT JOIN game_details d ON d.game_id = @gameId
            ),
            detail_up AS (
                -- The detail row changes whenever any line did (its updated_at is the pages' validator) or the cards' lines moved.
                INSERT INTO game_details (game_id, source, updated_at, last_play_text, last_play_period, last_play_clock, leader_text)
                SELECT @gameId, @source, @observedAt, c.last_play_text, c.last_play_period, c.last_play_clock, c.leader_text
                FROM card c
                WHERE {written} > 0
                   OR NOT EXISTS (SELECT 1 FROM game_details d WHERE d.game_id = @gameId
                                  AND (d.last_play_text, d.last_play_period, d.last_play_clock, d.leader_text)
                                      IS NOT DISTINCT FROM (c.last_play_text, c.last_play_period, c.last_play_clock, c.leader_text))
                ON CONFLICT (game_id) DO UPDATE SET
                    source = EXCLUDED.source, updated_at = EXCLUDED.updated_at, last_play_text = EXCLUDED.last_play_text,
                    last_play_period = EXCLUDED.last_play_period, last_play_clock = EXCLUDED.last_play_clock,
                    leader_text = EXCLUDED.leader_text
                RETURNING 1
            )
            SELECT (SELECT count(*)::integer FROM team_up) AS team_rows,
                   (SELECT count(*)::integer FROM player_up) AS player_rows,
                   (SELECT count(*)::integer FROM player_del) AS players_removed,
                   (SELECT count(*)::integer FROM play_up) AS play_rows,
                   (SELECT count(*)::integer FROM play_del) AS plays_removed,
                   (SELECT count(*)::integer FROM leader_up) AS leader_rows,
                   (SELECT count(*)::integer FROM leader_del) AS leaders_removed,
                   (SELECT count(*)::integer FROM detail_up) AS detail_rows
            """;
    }

    /// <summary>
    /// The input, change-only upsert and removal CTEs of one table. Rows equal to the stored ones stop before the
    /// INSERT (ON CONFLICT would lock them even when it then updates nothing); rows the payload no longer lists are
    /// removed only when the payload lists any at all.
    /// </summary>
    private static string TableCtes(DetailTable table, string parameter, string prefix)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Column));
        var definitions = string.Join(", ", table.Columns.Select(c => $"{c.Column} {c.Type}"));
        var keyMatch = string.Join(" AND ", table.Key.Select(k => $"s.{k} = i.{k}"));
        var stored = string.Join(", ", table.Columns.Select(c => $"s.{c.Column}"));
        var incoming = string.Join(", ", table.Columns.Select(c => $"i.{c.Column}"));
        var set = string.Join(", ", table.Columns.Where(c => !table.Key.Contains(c.Column)).Select(c => $"{c.Column} = EXCLUDED.{c.Column}"));
        var delete = table.DeleteMissing
            ? $"""
                DELETE FROM {table.Name} s
                WHERE s.game_id = @gameId AND EXISTS (SELECT 1 FROM {prefix}_in)
                  AND NOT EXISTS (SELECT 1 FROM {prefix}_in i WHERE {keyMatch})
                RETURNING 1
            """
            : "SELECT 1 WHERE false";
        return $"""
            {prefix}_in AS (
                SELECT * FROM json_to_recordset(@{parameter}::json) AS i({definitions})
            ),
            {prefix}_up AS (
                INSERT INTO {table.Name} (game_id, {columns})
                SELECT @gameId, {incoming} FROM {prefix}_in i
                WHERE NOT EXISTS (SELECT 1 FROM {table.Name} s WHERE s.game_id = @gameId AND {keyMatch}
                                  AND ({stored}) IS NOT DISTINCT FROM ({incoming}))
                ON CONFLICT (game_id, {string.Join(", ", table.Key)}) DO UPDATE SET {set}
                RETURNING 1
            ),
            {prefix}_del AS (
                {delete}
            )
            """;
    }
}

/// <summary>What a live game's scoreboard card shows from its detail: the last play and the game's leading scorer.</summary>
public sealed record CardLines(string? LastPlayText, short? LastPlayPeriod, string? LastPlayClock, string? LeaderText)
{
    public static CardLines None { get; } = new(null, null, null, null);
}
