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
public sealed record IngestRun
{
    public long Id { get; init; }
    public required string Job { get; init; }
    public short LeagueId { get; init; }
    public DateOnly? GameDate { get; init; }
    public required string Source { get; init; }
    public string? FireId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public short? HttpStatus { get; init; }
    public int GamesSeen { get; init; }
    public int GamesInserted { get; init; }
    public int GamesUpdated { get; init; }
    public int GamesUnchanged { get; init; }
    public int GamesSkipped { get; init; }
    public int SnapshotRows { get; init; }
    public int DurationMs { get; init; }
    public required string Outcome { get; init; }
    public string? Error { get; init; }

    public bool Failed => Outcome == IngestOutcome.Failed;
}
