using LinqToDB.Mapping;

namespace GamePulse.Data.Ingestion;

/// <summary>How an ingest run ended: every game written, some games skipped as unreadable, or nothing written.</summary>
public static class IngestOutcome
{
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
}

/// <summary>
/// One ingest run as recorded in ingest_runs: the Worker's ingester returns it and writes it, its "Ingest run" log event
/// carries the same facts, and the Web's admin page reads it.
/// </summary>
[Table("ingest_runs")]
public sealed record IngestRun
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("job")]
    public required string Job { get; init; }

    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("game_date")]
    public DateOnly? GameDate { get; init; }

    [Column("source")]
    public required string Source { get; init; }

    [Column("fire_id")]
    public string? FireId { get; init; }

    [Column("started_at")]
    public DateTimeOffset StartedAt { get; init; }

    [Column("finished_at")]
    public DateTimeOffset FinishedAt { get; init; }

    [Column("http_status")]
    public short? HttpStatus { get; init; }

    [Column("games_seen")]
    public int GamesSeen { get; init; }

    [Column("games_inserted")]
    public int GamesInserted { get; init; }

    [Column("games_updated")]
    public int GamesUpdated { get; init; }

    [Column("games_unchanged")]
    public int GamesUnchanged { get; init; }

    [Column("games_skipped")]
    public int GamesSkipped { get; init; }

    [Column("snapshot_rows")]
    public int SnapshotRows { get; init; }

    [Column("duration_ms")]
    public int DurationMs { get; init; }

    [Column("outcome")]
    public required string Outcome { get; init; }

    [Column("error")]
    public string? Error { get; init; }

    [NotColumn]
    public bool Failed => Outcome == IngestOutcome.Failed;
}
