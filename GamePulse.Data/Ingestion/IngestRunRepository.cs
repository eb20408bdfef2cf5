using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Ingestion;

public sealed partial class IngestRunRepository(GamePulseDbFactory databases)
{
    /// <summary>Records a run in the unit of work it belongs to, so a run's row commits with its data.</summary>
    public async Task<long> RecordAsync(GamePulseDb db, IngestRun run, CancellationToken cancellationToken = default) =>
        await db.InsertWithInt64IdentityAsync(run with { StartedAt = run.StartedAt.ToUniversalTime(), FinishedAt = run.FinishedAt.ToUniversalTime() }, token: cancellationToken);

    /// <summary>The latest run of a job for a league's date (the scheduler's "when did we last look"), optionally only one that did not fail.</summary>
    public async Task<IngestRun?> FindLatestAsync(string job, short leagueId, DateOnly date, bool excludeFailed = false, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.IngestRuns
            .Where(r => r.Job == job && r.LeagueId == leagueId && r.GameDate == date && (!excludeFailed || r.Outcome != IngestOutcome.Failed))
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Dates of a league already ingested without failure by any job, for a resumable backfill.</summary>
    public async Task<IReadOnlySet<DateOnly>> GetCompletedDatesAsync(short leagueId, string source, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        var dates = await db.IngestRuns
            .Where(r => r.LeagueId == leagueId && r.Source == source && r.GameDate >= from && r.GameDate <= to && r.Outcome == IngestOutcome.Succeeded)
            .Select(r => r.GameDate!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
        return dates.ToHashSet();
    }
}
