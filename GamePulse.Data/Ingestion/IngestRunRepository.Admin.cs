using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Ingestion;

/// <summary>One page of ingest runs, newest first, and how many runs match the filter in all.</summary>
public sealed record IngestRunPage(IReadOnlyList<IngestRun> Runs, int Total);

/// <summary>
/// What the freshness rules need per league: when its last run that wrote data (succeeded or partial) finished, the
/// latest run of any outcome, and whether a game of today or yesterday (US-Eastern) is being played right now.
/// </summary>
public sealed record LeagueIngestState
{
    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("league_code")]
    public required string LeagueCode { get; init; }

    [Column("league_name")]
    public required string LeagueName { get; init; }

    [Column("last_success_at")]
    public DateTimeOffset? LastSuccessAt { get; init; }

    [Column("last_run_at")]
    public DateTimeOffset? LastRunAt { get; init; }

    [Column("last_run_outcome")]
    public string? LastRunOutcome { get; init; }

    [Column("live_games")]
    public int LiveGames { get; init; }
}

public sealed partial class IngestRunRepository
{
    /// <summary>Runs newest first, optionally of one league and/or one outcome; <paramref name="offset"/> skips earlier pages.</summary>
    public async Task<IngestRunPage> SearchAsync(short? leagueId, string? outcome, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        var runs = db.IngestRuns.AsQueryable();
        if (leagueId is { } league)
        {
            runs = runs.Where(r => r.LeagueId == league);
        }

        if (outcome is not null)
        {
            runs = runs.Where(r => r.Outcome == outcome);
        }

        var total = await runs.CountAsync(cancellationToken);
        var page = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new IngestRunPage(page, total);
    }

    /// <summary>Every league with its ingest state (leagues never ingested have null times), in league order.</summary>
    public async Task<IReadOnlyList<LeagueIngestState>> GetLeagueStatesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: a lateral "latest run per league" beside two correlated aggregates reads plainer here than in LINQ.
        return await db.QueryToListAsync<LeagueIngestState>("""
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
            """, new { today }, cancellationToken);
    }
}
