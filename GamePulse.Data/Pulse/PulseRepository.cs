using System.Text.Json;
using GamePulse.Data.Games;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.Mapping;

namespace GamePulse.Data.Pulse;

/// <summary>Computes and stores Pulse for games whose snapshots changed, and reads the best games and a game's Pulse history.</summary>
public sealed class PulseRepository(GamePulseDbFactory databases)
{

    /// <summary>
    /// Recomputes Pulse for the given games from their stored state and their scoring plays, or their snapshots when
    /// they have no plays (three reads, one statement to write), and appends a pulse_history row for each game whose
    /// score changed. Call it with <see cref="UpsertResult.ChangedGameIds"/> inside the ingest transaction (and after
    /// storing a summary's plays), so the score and what it was computed from commit together.
    /// </summary>
    public async Task<PulseRecomputeResult> RecomputeAsync(GamePulseDb db, IReadOnlyCollection<long> gameIds, DateTimeOffset observedAt, CancellationToken cancellationToken = default)
    {
        if (gameIds.Count == 0)
        {
            return new PulseRecomputeResult(0, 0, 0);
        }

        var ids = gameIds.Distinct().ToArray();
        var games = await (
            from g in db.Games
            from h in db.Teams.LeftJoin(h => h.Id == g.HomeTeamId)
            from a in db.Teams.LeftJoin(a => a.Id == g.AwayTeamId)
            where Sql.Ext.PostgreSQL().ValueIsEqualToAny(g.Id, ids)
            select new PulseGame
            {
                Id = g.Id,
                LeagueId = g.LeagueId,
                State = g.State,
                Period = g.Period,
                Clock = g.Clock,
                HomeScore = g.HomeScore,
                AwayScore = g.AwayScore,
                HomeRank = g.HomeRank,
                AwayRank = g.AwayRank,
                HomeSeed = g.HomeSeed,
                AwaySeed = g.AwaySeed,
                ConferenceGame = g.ConferenceGame,
                SeasonType = g.SeasonType,
                Notes = g.Notes,
                HomeSpread = g.HomeSpread,
                // A bracket slot not decided yet is scored under its label, as the pages show it.
                HomeName = h != null ? h.ShortName : g.HomePlaceholder ?? GameTeam.Unknown,
                AwayName = a != null ? a.ShortName : g.AwayPlaceholder ?? GameTeam.Unknown,
            }).ToListAsync(cancellationToken);
        var snapshots = (await db.GameSnapshots
            .Where(s => Sql.Ext.PostgreSQL().ValueIsEqualToAny(s.GameId, ids))
            .OrderBy(s => s.GameId).ThenBy(s => s.Id)
            .Select(s => new SnapshotRow { GameId = s.GameId, Period = s.Period, Clock = s.Clock, HomeScore = s.HomeScore, AwayScore = s.AwayScore })
            .ToListAsync(cancellationToken)).ToLookup(s => s.GameId);
        var plays = await PlayFlow.ReadAsync(db, ids, cancellationToken);

        var scores = games.Select(g =>
        {
            var pulse = PulseCalculator.Compute(g.ToInput(snapshots[g.Id], plays[g.Id]));
            return new { game_id = g.Id, score = pulse.Score, factors = pulse.FactorTexts };
        }).ToList();

        // Raw SQL: the update and its history rows in one statement (data-modifying CTEs), which LINQ cannot say.
        var written = await db.QueryToListAsync<WrittenCounts>("""
            WITH input AS (
                SELECT * FROM json_to_recordset(@payload::json) AS i(game_id bigint, score smallint, factors text[])
            ),
            updated AS (
                UPDATE games g
                SET pulse_score = i.score, pulse_factors = i.factors, pulse_updated_at = @observedAt
                FROM input i
                WHERE g.id = i.game_id
                  AND (g.pulse_score, g.pulse_factors) IS DISTINCT FROM (i.score, i.factors)
                RETURNING g.id, i.score
            ),
            history AS (
                -- Every CTE reads the table as it was before this statement, so "games" here is the old score.
                INSERT INTO pulse_history (game_id, observed_at, score)
                SELECT u.id, @observedAt, u.score
                FROM updated u JOIN games old ON old.id = u.id
                WHERE old.pulse_score IS DISTINCT FROM u.score
                RETURNING 1
            )
            SELECT (SELECT count(*)::integer FROM updated) AS updated, (SELECT count(*)::integer FROM history) AS history
            """, new { payload = JsonSerializer.Serialize(scores), observedAt = observedAt.ToUniversalTime() }, cancellationToken);
        return new PulseRecomputeResult(games.Count, written[0].Updated, written[0].History);
    }

    /// <summary>
    /// Recomputes every game of a date range (all games when both ends are null), in batches that each commit on their
    /// own: for games stored before Pulse existed, and after a change of the formula.
    /// </summary>
    public async Task<PulseRecomputeResult> RecomputeRangeAsync(DateOnly? from, DateOnly? to, DateTimeOffset observedAt, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var db = databases.Open();
        var games = db.Games.AsQueryable();
        if (from is { } first)
        {
            games = games.Where(g => g.GameDate >= first);
        }

        if (to is { } last)
        {
            games = games.Where(g => g.GameDate <= last);
        }

        var ids = await games.OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(cancellationToken);
        var total = new PulseRecomputeResult(0, 0, 0);
        foreach (var batch in ids.Chunk(batchSize))
        {
            // Each batch commits on its own, so a long recompute never holds one huge transaction.
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var result = await RecomputeAsync(db, batch, observedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total = new PulseRecomputeResult(total.Computed + result.Computed, total.Updated + result.Updated, total.HistoryRows + result.HistoryRows);
        }

        return total;
    }

    /// <summary>
    /// "Best right now": in-progress games by Pulse, highest first. Games of the day before count too, because a
    /// 10 PM tip-off is still live after midnight; older "live" games are left out, as only a stalled feed keeps them so.
    /// </summary>
    public async Task<IReadOnlyList<GameSummary>> GetBestLiveAsync(DateOnly date, int limit, CancellationToken cancellationToken = default)
    {
        var previous = date.AddDays(-1);
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.GameDate >= previous && j.Game.GameDate <= date && j.Game.PulseScore != null
                && (j.Game.State == GameState.Live || j.Game.State == GameState.Halftime || j.Game.State == GameState.Delayed))
            .OrderByDescending(j => j.Game.PulseScore).ThenBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Take(limit)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>"Best of yesterday": the finals of one date by Pulse, highest first.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetBestFinalsAsync(DateOnly date, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.GameDate == date && j.Game.State == GameState.Final && j.Game.PulseScore != null)
            .OrderByDescending(j => j.Game.PulseScore).ThenBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Take(limit)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A game's Pulse over time, oldest first, for the game page chart.</summary>
    public async Task<IReadOnlyList<PulseHistoryPoint>> GetHistoryAsync(long gameId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.PulseHistory.Where(p => p.GameId == gameId).OrderBy(p => p.ObservedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }

    private sealed record WrittenCounts
    {
        [Column("updated")]
        public int Updated { get; init; }

        [Column("history")]
        public int History { get; init; }
    }

    // Internal so NewGamePulse scores a game that is not stored yet through the same ToInput as a recompute.
    internal sealed record PulseGame
    {
        public long Id { get; init; }
        public short LeagueId { get; init; }
        public required string State { get; init; }
        public int? Period { get; init; }
        public string? Clock { get; init; }
        public int? HomeScore { get; init; }
        public int? AwayScore { get; init; }
        public int? HomeRank { get; init; }
        public int? AwayRank { get; init; }
        public int? HomeSeed { get; init; }
        public int? AwaySeed { get; init; }
        public bool ConferenceGame { get; init; }
        public required string SeasonType { get; init; }
        public string? Notes { get; init; }
        public decimal? HomeSpread { get; init; }
        public required string HomeName { get; init; }
        public required string AwayName { get; init; }

        /// <summary>The game's Pulse input; its flow comes from the scoring plays where there are any, else from the snapshots.</summary>
        public PulseInput ToInput(IEnumerable<SnapshotRow> snapshots, IEnumerable<FlowPoint>? scoringPlays = null)
        {
            // The current state ends the story even if its snapshot was not written (e.g. a game loaded before snapshots).
            var points = PlayFlow.Points(
                scoringPlays ?? [],
                snapshots.Select(s => new FlowPoint(s.Period, s.Clock, s.HomeScore, s.AwayScore)),
                new FlowPoint(Period, Clock, HomeScore, AwayScore));
            return new PulseInput
            {
                LeagueId = LeagueId,
                State = State,
                Period = Period,
                Clock = Clock,
                HomeScore = HomeScore,
                AwayScore = AwayScore,
                HomeName = HomeName,
                AwayName = AwayName,
                HomeRank = HomeRank,
                AwayRank = AwayRank,
                HomeSeed = HomeSeed,
                AwaySeed = AwaySeed,
                ConferenceGame = ConferenceGame,
                SeasonType = SeasonType,
                Notes = Notes,
                HomeSpread = HomeSpread,
                Flow = GameFlow.From(points, GameFormat.ForLeague(LeagueId)),
            };
        }
    }

    internal sealed record SnapshotRow
    {
        public long GameId { get; init; }
        public int? Period { get; init; }
        public string? Clock { get; init; }
        public int? HomeScore { get; init; }
        public int? AwayScore { get; init; }
    }
}

/// <summary>How many games were scored, how many had a new score or factors written, and how many history rows were appended.</summary>
public sealed record PulseRecomputeResult(int Computed, int Updated, int HistoryRows);

/// <summary>A game's Pulse at one moment.</summary>
[Table("pulse_history")]
public sealed record PulseHistoryPoint
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("game_id")]
    public long GameId { get; init; }

    [Column("observed_at")]
    public DateTimeOffset ObservedAt { get; init; }

    [Column("score")]
    public int Score { get; init; }
}
