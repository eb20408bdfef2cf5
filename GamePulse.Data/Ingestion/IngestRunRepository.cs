using Dapper;
using Npgsql;

namespace GamePulse.Data.Ingestion;

public sealed partial class IngestRunRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, job, league_id, game_date, source, fire_id, started_at, finished_at, http_status, games_seen, games_inserted,
        games_updated, games_unchanged, games_skipped, snapshot_rows, duration_ms, outcome, error
        """;

    /// <summary>Records a run; inside <paramref name="transaction"/> when given, so a run's row commits with its data.</summary>
    public async Task<long> RecordAsync(IngestRun run, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO ingest_runs (job, league_id, game_date, source, fire_id, started_at, finished_at, http_status,
                games_seen, games_inserted, games_updated, games_unchanged, games_skipped, snapshot_rows, duration_ms, outcome, error)
            VALUES (@Job, @LeagueId, @GameDate, @Source, @FireId, @StartedAt, @FinishedAt, @HttpStatus,
                @GamesSeen, @GamesInserted, @GamesUpdated, @GamesUnchanged, @GamesSkipped, @SnapshotRows, @DurationMs, @Outcome, @Error)
            RETURNING id
            """;
        var connection = transaction?.Connection ?? await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, run, transaction, cancellationToken: cancellationToken));
        }
        finally
        {
            if (transaction is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<IngestRun>> GetRecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IngestRun>(new CommandDefinition(
            $"SELECT {Columns} FROM ingest_runs ORDER BY started_at DESC, id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The latest run of a job for a league's date (the scheduler's "when did we last look"), optionally only one that did not fail.</summary>
    public async Task<IngestRun?> FindLatestAsync(string job, short leagueId, DateOnly date, bool excludeFailed = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IngestRun>(new CommandDefinition(
            $"SELECT {Columns} FROM ingest_runs WHERE job = @job AND league_id = @leagueId AND game_date = @date AND (NOT @excludeFailed OR outcome <> 'failed') ORDER BY started_at DESC, id DESC LIMIT 1",
            new { job, leagueId, date, excludeFailed }, cancellationToken: cancellationToken));
    }

    /// <summary>Dates of a league already ingested without failure by any job, for a resumable backfill.</summary>
    public async Task<IReadOnlySet<DateOnly>> GetCompletedDatesAsync(short leagueId, string source, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DateOnly>(new CommandDefinition(
            """
            SELECT DISTINCT game_date FROM ingest_runs
            WHERE league_id = @leagueId AND source = @source AND game_date BETWEEN @from AND @to AND outcome = 'succeeded'
            """,
            new { leagueId, source, from, to }, cancellationToken: cancellationToken));
        return rows.ToHashSet();
    }
}
