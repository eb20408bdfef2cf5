using GamePulse.Data.Ingestion;

namespace GamePulse.Worker.Ingestion;

/// <summary>What one ingest run did: the fields of its ingest_runs row and of its "Ingest run" log event.</summary>
public sealed record IngestReport
{
    public required string Job { get; init; }
    public required string League { get; init; }
    public DateOnly? Date { get; init; }
    public required string Source { get; init; }
    public required string Outcome { get; init; }
    public int? HttpStatus { get; init; }
    public int GamesSeen { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Skipped { get; init; }
    public int SnapshotRows { get; init; }
    public int DurationMs { get; init; }
    public string? Error { get; init; }

    public bool Failed => Outcome == IngestOutcome.Failed;
}
