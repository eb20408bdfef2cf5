using Dapper;

namespace GamePulse.Data.Ingestion;

/// <summary>One page of ingest runs, newest first, and how many runs match the filter in all.</summary>
public sealed record IngestRunPage(IReadOnlyList<IngestRun> Runs, int Total);

/// <summary>
/// What the freshness rules need per league: when its last run that wrote data (succeeded or partial) finished, the
/// latest run of any outcome, and whether a game of today or yesterday (US-Eastern) is being played right now.
/// </summary>
public sealed record LeagueIngestState
{
    public short LeagueId { get; init; }
    public required string LeagueCode { get; init; }
    public required string LeagueName { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public string? LastRunOutcome { get; init; }
    public int LiveGames { get; init; }
}

public sealed partial class IngestRunRepository
{
    /// <summary>Runs newest first, optionally of one league and/or one outcome; <paramref name="offset"/> skips earlier pages.</summary>
    public async Task<IngestRunPage> SearchAsync(short? leagueId, string? outcome, int offset, int limit, CancellationToken cancellationToken = default)
    {
        const string filter = "(@leagueId::smallint IS NULL OR league_id = @leagueId) AND (@outcome::text IS NULL OR outcome = @outcome)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { leagueId, outcome, offset, limit };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM ingest_runs WHERE {filter}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<IngestRun>(new CommandDefinition(
            $"SELECT {Columns} FROM ingest_runs WHERE {filter} ORDER BY started_at DESC, id DESC OFFSET @offset LIMIT @limit",
            parameters, cancellationToken: cancellationToken));
        return new IngestRunPage([.. rows], total);
    }

    /// <summary>Every league with its ingest state (leagues never ingested have null times), in league order.</summary>
    public async Task<IReadOnlyList<LeagueIngestState>> GetLeagueStatesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LeagueIngestState>(new CommandDefinition("""
            SELECT l.id AS league_id, l.code AS league_code, l.name AS league_name,
                   (SELECT max(r.finished_at) FROM ingest_runs r WHERE r.league_id = l.id AND r.outcome IN ('succeeded', 'partial')) AS last_success_at,
                   latest.started_at AS last_run_at, latest.outcome AS last_run_outcome,
                   (SELECT count(*)::int FROM games g
                    WHERE g.league_id = l.id AND g.game_date IN (@today, @today - 1) AND g.state IN ('live', 'halftime', 'delayed')) AS live_games
            FROM leagues l
            LEFT JOIN LATERAL (
                SELECT r.started_at, r.outcome FROM ingest_runs r WHERE r.league_id = l.id ORDER BY r.started_at DESC, r.id DESC LIMIT 1
            ) latest ON true
            ORDER BY l.id
            """, new { today }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
