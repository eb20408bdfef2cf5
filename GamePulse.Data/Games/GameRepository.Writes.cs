using System.Text.Json;
using GamePulse.Data.Teams;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Games;

public sealed partial class GameRepository
{
    // Every column a payload may change. One list drives the INSERT, the UPDATE and the "did anything change" test,
    // so a column added here is written and compared everywhere at once.
    private static readonly string[] MutableColumns =
    [
        "start_time", "game_date", "state", "period", "clock", "detail", "home_team_id", "away_team_id",
        "home_score", "away_score", "home_line_scores", "away_line_scores", "home_rank", "away_rank", "home_seed",
        "away_seed", "home_record", "away_record", "venue_name", "venue_city", "venue_state", "neutral_site",
        "conference_game", "broadcast", "season", "season_type", "notes", "home_spread", "over_under",
        "home_placeholder", "away_placeholder", "tournament", "tournament_region", "tournament_round", "bracket_id",
    ];

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly string UpsertEspnSql = BuildUpsertSql("espn_id", GameWriteMode.Scoreboard);
    private static readonly string UpsertNcaaSql = BuildUpsertSql("ncaa_id", GameWriteMode.Scoreboard);
    private static readonly string MergeEspnSummarySql = BuildUpsertSql("espn_id", GameWriteMode.Summary);

    /// <summary>
    /// Inserts new games and updates changed ones in one statement, and appends a snapshot for every game whose visible
    /// state (state, period, clock, score) differs from its latest snapshot. Unchanged games are not written at all.
    /// A game is never moved backwards by an older cached payload (see <see cref="Regresses"/>): a final game stays
    /// final, a live or halftime game never goes back to scheduled nor to an earlier period or more clock; such games
    /// are counted as stale. A final score that changes is applied and reported as a correction. Postponed and
    /// canceled games keep their original start time. A new game's precomputed Pulse (<see cref="GameUpsert.PulseScore"/>)
    /// is written with its row and its first pulse_history point, so only updated games need rescoring afterwards.
    /// A single game's summary (<see cref="GameWriteMode.Summary"/>) only fills in and moves forward what the
    /// scoreboard stored (see <see cref="SummaryValue"/>).
    /// </summary>
    public Task<UpsertResult> UpsertAsync(GamePulseDb db, short leagueId, ScoreSource source, IReadOnlyCollection<GameUpsert> games, DateTimeOffset observedAt, CancellationToken cancellationToken = default) =>
        UpsertAsync(db, leagueId, source, games, observedAt, GameWriteMode.Scoreboard, cancellationToken);

    /// <inheritdoc cref="UpsertAsync(GamePulseDb, short, ScoreSource, IReadOnlyCollection{GameUpsert}, DateTimeOffset, CancellationToken)"/>
    public async Task<UpsertResult> UpsertAsync(GamePulseDb db, short leagueId, ScoreSource source, IReadOnlyCollection<GameUpsert> games, DateTimeOffset observedAt, GameWriteMode mode, CancellationToken cancellationToken = default)
    {
        if (games.Count == 0)
        {
            return new UpsertResult(0, 0, 0, 0, 0, 0, [], []);
        }

        var payload = JsonSerializer.Serialize(games, SnakeCase);
        var sql = (source, mode) switch
        {
            (ScoreSource.Espn, GameWriteMode.Summary) => MergeEspnSummarySql,
            (ScoreSource.Espn, _) => UpsertEspnSql,
            (_, GameWriteMode.Summary) => throw new ArgumentException("Only ESPN has single-game summaries.", nameof(mode)),
            _ => UpsertNcaaSql,
        };
        // Raw SQL: one set-based statement with the never-regress guard and xmax = 0 counting, which LINQ cannot say.
        var rows = await db.QueryToListAsync<UpsertRow>(sql, new { leagueId, payload, observedAt = observedAt.ToUniversalTime() }, cancellationToken);
        var changed = rows.Where(r => r.Kind is "inserted" or "updated").ToList();
        return new UpsertResult(
            Seen: games.Count,
            Inserted: rows.Count(r => r.Kind == "inserted"),
            Updated: rows.Count(r => r.Kind == "updated"),
            Unchanged: games.Count - changed.Count,
            SnapshotRows: rows.FirstOrDefault(r => r.Kind == "snapshots")?.Count ?? 0,
            StaleIgnored: rows.FirstOrDefault(r => r.Kind == "stale")?.Count ?? 0,
            ChangedGameIds: [.. changed.Select(r => r.GameId!.Value)],
            Corrections: [.. changed.Where(r => r.OldHomeScore != r.NewHomeScore || r.OldAwayScore != r.NewAwayScore)
                .Where(r => r.WasFinal == true)
                .Select(r => new ScoreCorrection(r.GameId!.Value, r.ExternalId!, r.OldHomeScore, r.OldAwayScore, r.NewHomeScore, r.NewAwayScore))])
        {
            UnscoredGameIds = [.. changed.Where(r => r.Scored != true).Select(r => r.GameId!.Value)],
        };
    }

    /// <summary>
    /// Refreshes the planner's statistics of the tables an ingest writes. Call it after a bulk load (a backfill): the
    /// Worker's statements are prepared, and PostgreSQL keeps a prepared statement's generic plan until the table's
    /// statistics change, so a plan made while the table was nearly empty (a sequential scan) would otherwise stay in use
    /// as it grows, until autovacuum next analyzes it (docs/decisions/0105-analyze-after-bulk-load.md).
    /// </summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        await db.ExecuteAsync("ANALYZE games, game_snapshots, pulse_history", cancellationToken);
    }

    private sealed record UpsertRow
    {
        [Column("kind")]
        public required string Kind { get; init; }

        [Column("game_id")]
        public long? GameId { get; init; }

        [Column("external_id")]
        public string? ExternalId { get; init; }

        [Column("was_final")]
        public bool? WasFinal { get; init; }

        [Column("scored")]
        public bool? Scored { get; init; }

        [Column("old_home_score")]
        public short? OldHomeScore { get; init; }

        [Column("old_away_score")]
        public short? OldAwayScore { get; init; }

        [Column("new_home_score")]
        public short? NewHomeScore { get; init; }

        [Column("new_away_score")]
        public short? NewAwayScore { get; init; }

        [Column("count")]
        public int? Count { get; init; }
    }

    private static string BuildUpsertSql(string keyColumn, GameWriteMode mode)
    {
        var columns = string.Join(", ", MutableColumns);
        var inputColumns = string.Join(", ", MutableColumns.Select(c => $"i.{c}"));
        var set = string.Join(",\n        ", MutableColumns.Zip(Values("games", "EXCLUDED", mode), (c, value) => $"{c} = {value}"));
        var current = string.Join(", ", MutableColumns.Select(c => $"games.{c}"));
        var storedNow = string.Join(", ", MutableColumns.Select(c => $"g.{c}"));
        var incoming = Incoming("games", "EXCLUDED", mode);

        return $"""
            -- json, not jsonb: the input is read once, and json_to_recordset reads the text directly, in about half the
            -- time of building a jsonb value first (3.6 against 6.7 ms for 150 games, measured in PostgreSQL 15).
            WITH input AS (
                SELECT external_id, {columns}, pulse_score, pulse_factors
                FROM json_to_recordset(@payload::json) AS i(
                    external_id text, start_time timestamptz, game_date date, state text, period smallint, clock text,
                    detail text, home_team_id integer, away_team_id integer, home_score smallint, away_score smallint,
                    home_line_scores smallint[], away_line_scores smallint[], home_rank smallint, away_rank smallint,
                    home_seed smallint, away_seed smallint, home_record text, away_record text, venue_name text,
                    venue_city text, venue_state text, neutral_site boolean, conference_game boolean, broadcast text,
                    season smallint, season_type text, notes text, home_spread numeric, over_under numeric,
                    home_placeholder text, away_placeholder text, tournament text, tournament_region text,
                    tournament_round text, bracket_id integer, pulse_score smallint, pulse_factors text[])
            ),
            -- Rows that would change nothing (or only move a game backwards) stop here: INSERT … ON CONFLICT would
            -- lock every conflicting row even when its WHERE then skips the update, and most polls are all unchanged.
            -- The ON CONFLICT clause below still decides against the row as it is when written (another Worker).
            changing AS (
                SELECT i.* FROM input i
                WHERE NOT EXISTS (
                    SELECT 1 FROM games g
                    WHERE g.league_id = @leagueId AND g.{keyColumn} = i.external_id
                      AND ({Regresses("g", "i")} OR ({storedNow}) IS NOT DISTINCT FROM ({Incoming("g", "i", mode)})))
            ),
            before AS (
                SELECT g.id, g.{keyColumn} AS external_id, g.state, g.period, g.clock, g.home_score, g.away_score,
                       g.home_team_id, g.away_team_id
                FROM games g JOIN input i ON g.league_id = @leagueId AND g.{keyColumn} = i.external_id
            ),
            upserted AS (
                INSERT INTO games (league_id, {keyColumn}, {columns}, pulse_score, pulse_factors, pulse_updated_at)
                SELECT @leagueId, i.external_id, {inputColumns}, i.pulse_score, i.pulse_factors,
                       CASE WHEN i.pulse_score IS NOT NULL THEN @observedAt::timestamptz END
                FROM changing i
                ON CONFLICT (league_id, {keyColumn}) DO UPDATE SET
                    {set},
                    updated_at = now()
                WHERE NOT ({Regresses("games", "EXCLUDED")})
                  AND ({current}) IS DISTINCT FROM ({incoming})
                RETURNING games.id, games.{keyColumn} AS external_id, (xmax = 0) AS inserted,
                          games.state, games.period, games.clock, games.home_score, games.away_score, games.pulse_score
            ),
            pulse_points AS (
                -- A new game's first Pulse point, as PulseRepository.RecomputeAsync would have appended it.
                INSERT INTO pulse_history (game_id, observed_at, score)
                SELECT u.id, @observedAt, u.pulse_score FROM upserted u WHERE u.inserted AND u.pulse_score IS NOT NULL
            ),
            snapshots AS (
                INSERT INTO game_snapshots (game_id, observed_at, state, period, clock, home_score, away_score)
                SELECT u.id, @observedAt, u.state, u.period, u.clock, u.home_score, u.away_score
                FROM upserted u
                WHERE NOT EXISTS (
                    SELECT 1
                    FROM (SELECT s.state, s.period, s.clock, s.home_score, s.away_score
                          FROM game_snapshots s WHERE s.game_id = u.id ORDER BY s.id DESC LIMIT 1) latest
                    WHERE (latest.state, latest.period, latest.clock, latest.home_score, latest.away_score)
                          IS NOT DISTINCT FROM (u.state, u.period, u.clock, u.home_score, u.away_score))
                RETURNING 1
            )
            SELECT CASE WHEN u.inserted THEN 'inserted' ELSE 'updated' END AS kind, u.id AS game_id, u.external_id,
                   b.state = 'final' AS was_final, u.inserted AND u.pulse_score IS NOT NULL AS scored,
                   b.home_score AS old_home_score, b.away_score AS old_away_score,
                   u.home_score AS new_home_score, u.away_score AS new_away_score, NULL::integer AS count
            FROM upserted u LEFT JOIN before b ON b.id = u.id
            UNION ALL
            SELECT 'snapshots', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT count(*)::integer FROM snapshots)
            UNION ALL
            SELECT 'stale', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   (SELECT count(*)::integer FROM before b JOIN input i USING (external_id) WHERE {Regresses("b", "i")})
            """;
    }

    /// <summary>The values an update would store, in <see cref="MutableColumns"/> order, for a stored and an incoming row alias.</summary>
    private static string Incoming(string stored, string incoming, GameWriteMode mode) => string.Join(", ", Values(stored, incoming, mode));

    private static IEnumerable<string> Values(string stored, string incoming, GameWriteMode mode) =>
        MutableColumns.Select(c => mode == GameWriteMode.Summary ? SummaryValue(c, stored, incoming) : ScoreboardValue(c, stored, incoming));

    private static string ScoreboardValue(string column, string stored, string incoming) => column switch
    {
        // A postponed or canceled game keeps the start time (and date) it was scheduled for.
        "start_time" or "game_date" => $"CASE WHEN {incoming}.state IN ('postponed', 'canceled') THEN {stored}.{column} ELSE {incoming}.{column} END",
        // ESPN drops the line once a game tips off; the pre-game line is what Pulse needs for upsets, so keep it.
        "home_spread" or "over_under" => $"COALESCE({incoming}.{column}, {stored}.{column})",
        _ => $"{incoming}.{column}",
    };

    /// <summary>
    /// A summary's header is a thinner view of the game than the scoreboard's (a final has no period, notes are
    /// named differently, records and broadcasts are shaped differently), so for a stored game it may only move the
    /// play forward and fill gaps, never blank or rewrite what the scoreboard said
    /// (docs/decisions/0109-game-detail-from-summaries.md). Progress (state, period, clock, detail, scores, line
    /// scores) comes from the summary, falling back on the stored value where the summary has none; the regress guard
    /// still applies to it. The clock follows the summary's state: null once the game is not live, as the scoreboard
    /// stores it. Everything else (teams, time, venue, ranks, records, broadcast, notes, line) keeps the stored value
    /// and takes the summary's only where none is stored. A new game is inserted from the summary as it is.
    /// </summary>
    private static string SummaryValue(string column, string stored, string incoming) => column switch
    {
        "state" => $"{incoming}.state",
        "clock" => $"CASE WHEN {incoming}.state IN ('live', 'delayed') THEN COALESCE({incoming}.clock, {stored}.clock) ELSE {incoming}.clock END",
        "period" or "detail" or "home_score" or "away_score" or "home_line_scores" or "away_line_scores" => $"COALESCE({incoming}.{column}, {stored}.{column})",
        _ => $"COALESCE({stored}.{column}, {incoming}.{column})",
    };

    /// <summary>
    /// SQL that is true when the incoming row (alias <paramref name="incoming"/>) would move the stored game
    /// (<paramref name="stored"/>) backwards, i.e. it comes from an older cached payload: a final game back to
    /// scheduled/live/halftime/delayed; a live or halftime game back to scheduled; or a live/halftime game to an
    /// earlier point of play: a lower period, live again in the period that reached halftime, or the same period with
    /// more clock left. A stopped clock (same period, same clock) is not a regression, so free throws still apply.
    /// A side once known is never forgotten: a payload that lists a placeholder where a team is stored is older than
    /// the one that named the team (a bracket slot is filled once), so it is stale as a whole.
    /// Postponed, canceled and delayed from the source always apply; an unreadable clock or a missing period never
    /// blocks an update (NULLs compare as "not a regression"). Why this compares (period, clock) and not scores: docs/decisions/0103-live-progress-guard.md.
    /// </summary>
    private static string Regresses(string stored, string incoming) => $"""
        COALESCE((({stored}.state = 'final' AND {incoming}.state IN ('scheduled', 'live', 'halftime', 'delayed'))
         OR ({stored}.home_team_id IS NOT NULL AND {incoming}.home_team_id IS NULL)
         OR ({stored}.away_team_id IS NOT NULL AND {incoming}.away_team_id IS NULL)
         OR ({stored}.state IN ('live', 'halftime') AND {incoming}.state = 'scheduled')
         OR ({stored}.state IN ('live', 'halftime') AND {incoming}.state IN ('live', 'halftime') AND (
                {incoming}.period < {stored}.period
             OR ({incoming}.period = {stored}.period AND {stored}.state = 'halftime' AND {incoming}.state = 'live')
             OR ({incoming}.period = {stored}.period AND {stored}.state = 'live' AND {incoming}.state = 'live'
                 AND {ClockSeconds($"{incoming}.clock")} > {ClockSeconds($"{stored}.clock")})))), false)
        """;

    /// <summary>Seconds left on a game clock as ESPN and NCAA send it ("12:34", "1:05.3", "45.2"); NULL when unreadable.</summary>
    private static string ClockSeconds(string clock) => $"""
        (CASE WHEN {clock} ~ '^ *[0-9]+:[0-9]+([.][0-9]+)? *$'
              THEN split_part(btrim({clock}), ':', 1)::numeric * 60 + split_part(btrim({clock}), ':', 2)::numeric
              WHEN {clock} ~ '^ *[0-9]+([.][0-9]+)? *$' THEN btrim({clock})::numeric END)
        """;
}
