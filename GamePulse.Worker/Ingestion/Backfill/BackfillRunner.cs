using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Backfill;

/// <summary>One date of a backfill done: its run, or null when an earlier run had already ingested it.</summary>
public sealed record BackfillStep(int Done, int Total, DateOnly Date, IngestRun? Run);

public sealed record BackfillSummary(int Total, int AlreadyDone, int Succeeded, int Failed, int GamesWritten, bool Cancelled);

/// <summary>
/// Walks a date range through the ingest pipeline, skipping dates a previous backfill or job already completed, and
/// refreshes the planner's statistics once it has written games (a season is a bulk load).
/// </summary>
public sealed class BackfillRunner(IScoreSource source, ScoreboardIngester ingester, IngestRunRepository runs, GameRepository games, IngestionOptions options, TimeProvider clock)
{
    public const string Job = "backfill";

    public async Task<BackfillSummary> RunAsync(League league, DateOnly from, DateOnly to, Action<BackfillStep> progress, CancellationToken cancellationToken)
    {
        var summary = await WalkAsync(league, from, to, progress, cancellationToken);
        if (summary.GamesWritten > 0)
        {
            try
            {
                // Not cancellable: a cancelled backfill has still loaded its dates, and ANALYZE takes well under a second.
                await games.AnalyzeAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The dates are written either way; autovacuum analyzes the tables within a minute or so.
            }
        }

        return summary;
    }

    private async Task<BackfillSummary> WalkAsync(League league, DateOnly from, DateOnly to, Action<BackfillStep> progress, CancellationToken cancellationToken)
    {
        var total = to.DayNumber - from.DayNumber + 1;
        var completed = await runs.GetCompletedDatesAsync(league.Id, source.Kind.Name(), from, to, cancellationToken);
        int done = 0, succeeded = 0, failed = 0, written = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new BackfillSummary(total, completed.Count, succeeded, failed, written, Cancelled: true);
            }

            done++;
            if (completed.Contains(date))
            {
                progress(new BackfillStep(done, total, date, null));
                continue;
            }

            var report = await ingester.FetchAndIngestAsync(source, new IngestTarget(Job, league, date, source.Kind), cancellationToken);
            if (report.Failed)
            {
                failed++;
            }
            else
            {
                succeeded++;
                written += report.GamesInserted + report.GamesUpdated;
            }

            progress(new BackfillStep(done, total, date, report));
            if (options.BackfillDelayMilliseconds > 0 && date < to)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.BackfillDelayMilliseconds), clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return new BackfillSummary(total, completed.Count, succeeded, failed, written, Cancelled: true);
                }
            }
        }

        return new BackfillSummary(total, completed.Count, succeeded, failed, written, Cancelled: false);
    }
}
