using System.Text.Json;
using Dapper;
using GamePulse.Data.Games;
using Npgsql;

namespace GamePulse.Data.Pulse;

/// <summary>Computes and stores Pulse for games whose snapshots changed, and reads the best games and a game's Pulse history.</summary>
public sealed class PulseRepository(NpgsqlDataSource dataSource)
{
    private const string InProgress = "('live', 'halftime', 'delayed')";

    /// <summary>
    /// Recomputes Pulse for the given games from their stored state and snapshots (one round trip to read, one
    /// statement to write) and appends a pulse_history row for each game whose score changed. Call it with
    /// <see cref="UpsertResult.ChangedGameIds"/> inside the ingest transaction, so the score and the snapshots it
    /// was computed from commit together.
    /// </summary>
    public async Task<PulseRecomputeResult> RecomputeAsync(IReadOnlyCollection<long> gameIds, DateTimeOffset observedAt, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        if (gameIds.Count == 0)
        {
            return new PulseRecomputeResult(0, 0, 0);
        }

        var connection = transaction?.Connection ?? await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var ids = gameIds.Distinct().ToArray();
            List<GameRow> games;
            ILookup<long, SnapshotRow> snapshots;
            await using (var reader = await connection.QueryMultipleAsync(new CommandDefinition("""
                SELECT g.id, g.league_id, g.state, g.period, g.clock, g.home_score, g.away_score, g.home_rank, g.away_rank,
                       g.home_seed, g.away_seed, g.conference_game, g.season_type, g.notes, g.home_spread,
                       h.short_name AS home_name, a.short_name AS away_name
                FROM games g
                JOIN teams h ON h.id = g.home_team_id
                JOIN teams a ON a.id = g.away_team_id
                WHERE g.id = ANY(@ids);
                SELECT game_id, period, clock, home_score, away_score
                FROM game_snapshots
                WHERE game_id = ANY(@ids)
                ORDER BY game_id, id;
                """, new { ids }, transaction, cancellationToken: cancellationToken)))
            {
                games = [.. await reader.ReadAsync<GameRow>()];
                snapshots = (await reader.ReadAsync<SnapshotRow>()).ToLookup(s => s.GameId);
            }

            var scores = games.Select(g =>
            {
                var pulse = PulseCalculator.Compute(g.ToInput(snapshots[g.Id]));
                return new { game_id = g.Id, score = pulse.Score, factors = pulse.FactorTexts };
            }).ToList();

            var written = await connection.QuerySingleAsync<(int Updated, int History)>(new CommandDefinition("""
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
                SELECT (SELECT count(*)::integer FROM updated), (SELECT count(*)::integer FROM history)
                """, new { payload = JsonSerializer.Serialize(scores), observedAt }, transaction, cancellationToken: cancellationToken));
            return new PulseRecomputeResult(games.Count, written.Updated, written.History);
        }
        finally
        {
            if (transaction is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Recomputes every game of a date range (all games when both ends are null), in batches that each commit on their
    /// own: for games stored before Pulse existed, and after a change of the formula.
    /// </summary>
    public async Task<PulseRecomputeResult> RecomputeRangeAsync(DateOnly? from, DateOnly? to, DateTimeOffset observedAt, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        IReadOnlyList<long> ids;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            ids = [.. await connection.QueryAsync<long>(new CommandDefinition("""
                SELECT id FROM games
                WHERE (@from::date IS NULL OR game_date >= @from) AND (@to::date IS NULL OR game_date <= @to)
                ORDER BY id
                """, new { from, to }, cancellationToken: cancellationToken))];
        }

        var total = new PulseRecomputeResult(0, 0, 0);
        foreach (var batch in ids.Chunk(batchSize))
        {
            var result = await RecomputeAsync(batch, observedAt, cancellationToken: cancellationToken);
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSummary>(new CommandDefinition($"""
            {GameRepository.SelectSummaries}
            WHERE g.game_date BETWEEN @previous AND @date AND g.state IN {InProgress} AND g.pulse_score IS NOT NULL
            ORDER BY g.pulse_score DESC, g.start_time NULLS LAST, g.id
            LIMIT @limit
            """, new { previous = date.AddDays(-1), date, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>"Best of yesterday": the finals of one date by Pulse, highest first.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetBestFinalsAsync(DateOnly date, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSummary>(new CommandDefinition($"""
            {GameRepository.SelectSummaries}
            WHERE g.game_date = @date AND g.state = 'final' AND g.pulse_score IS NOT NULL
            ORDER BY g.pulse_score DESC, g.start_time NULLS LAST, g.id
            LIMIT @limit
            """, new { date, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>A game's Pulse over time, oldest first, for the game page chart.</summary>
    public async Task<IReadOnlyList<PulseHistoryPoint>> GetHistoryAsync(long gameId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PulseHistoryPoint>(new CommandDefinition(
            "SELECT observed_at, score FROM pulse_history WHERE game_id = @gameId ORDER BY observed_at, id",
            new { gameId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    // Internal so NewGamePulse scores a game that is not stored yet through the same ToInput as a recompute.
    internal sealed record GameRow
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

        public PulseInput ToInput(IEnumerable<SnapshotRow> snapshots)
        {
            // The current state ends the story even if its snapshot was not written (e.g. a game loaded before snapshots).
            var points = snapshots.Select(s => new FlowPoint(s.Period, s.Clock, s.HomeScore, s.AwayScore))
                .Append(new FlowPoint(Period, Clock, HomeScore, AwayScore));
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
public sealed record PulseHistoryPoint
{
    public DateTime ObservedAt { get; init; }
    public int Score { get; init; }
}
