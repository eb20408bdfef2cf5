using System.Diagnostics;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>
/// One summary batch, the whole of the summary schedule's work: find the games whose summary is due
/// (<see cref="SummaryFetchRepository.FindDueAsync"/>), fetch up to <see cref="SummaryOptions.MaxPerBatch"/> of them
/// in <see cref="SummaryOptions.Priority"/> order, store each in its own unit of work, record every fetch, and write
/// one summary_runs row and one "Summary batch" log line. Self-contained: whatever scheduler runs it calls
/// <see cref="RunAsync"/> on its own cadence, apart from the scoreboard tick, which therefore never waits for it.
/// </summary>
public sealed class SummaryBatch(
    SummaryFetchRepository fetches,
    LeagueRepository leagues,
    EspnSummarySource source,
    SummaryIngester ingester,
    FailureStreaks streaks,
    IOptions<SummaryOptions> options,
    TimeProvider clock,
    ILogger<SummaryBatch> logger)
{
    /// <summary>Due games read per batch before the limit is applied, so the deferred count is known.</summary>
    private const int DueReadLimit = 2000;

    public async Task<SummaryRun> RunAsync(string? fireId, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        var settings = options.Value;
        try
        {
            var due = await fetches.FindDueAsync(settings.Cadence, started, DueReadLimit, cancellationToken);
            var batch = due.Select((d, i) => (Due: d, Order: i)).OrderBy(d => settings.RankOf(d.Due.Kind)).ThenBy(d => d.Order)
                .Take(settings.MaxPerBatch).Select(d => d.Due).ToList();
            var byId = (await leagues.GetAllAsync(cancellationToken)).ToDictionary(l => l.Id);
            var done = new List<SummaryFetch>(batch.Count);
            int changed = 0, unchanged = 0, rows = 0;
            var errors = new List<string>();
            foreach (var game in batch)
            {
                var stored = await FetchAndStoreAsync(byId[game.LeagueId], game, errors, cancellationToken);
                done.Add(new SummaryFetch(game.GameId, game.State, game.GameUpdatedAt, stored is not null));
                changed += stored is { Changed: true } ? 1 : 0;
                unchanged += stored is { Changed: false } ? 1 : 0;
                rows += stored?.RowsWritten ?? 0;
            }

            await fetches.RecordFetchesAsync(done, clock.GetUtcNow(), cancellationToken);
            var run = new SummaryRun
            {
                FireId = fireId,
                StartedAt = started,
                FinishedAt = clock.GetUtcNow(),
                Due = due.Count,
                Requested = batch.Count,
                Changed = changed,
                Unchanged = unchanged,
                Failed = errors.Count,
                Deferred = due.Count - batch.Count,
                RowsWritten = rows,
                DurationMs = (int)timer.ElapsedMilliseconds,
                Outcome = errors.Count == 0 ? IngestOutcome.Succeeded : errors.Count < batch.Count ? IngestOutcome.Partial : IngestOutcome.Failed,
                Error = errors.Count == 0 ? null : $"{errors.Count} summar{(errors.Count == 1 ? "y" : "ies")} failed: {string.Join("; ", errors.Take(3))}",
            };
            await fetches.RecordRunAsync(run, cancellationToken);
            return Log(run);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // The database is down: nothing can be recorded; the next batch retries, the log says it once.
            if (streaks.Fail("summaries"))
            {
                logger.LogWarning("Summary batch cannot reach the database: {Error}. It retries every batch and logs again when it recovers", ex.Message);
            }

            return new SummaryRun { StartedAt = started, FinishedAt = clock.GetUtcNow(), DurationMs = (int)timer.ElapsedMilliseconds, Outcome = IngestOutcome.Failed, Error = ex.Message };
        }
    }

    private async Task<SummaryStored?> FetchAndStoreAsync(League league, DueSummary game, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            var response = await source.FetchAsync(league, game.EspnId, cancellationToken);
            return await ingester.StoreAsync(league, response.Body, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedUnavailableException or PayloadException)
        {
            errors.Add($"{game.EspnId}: {ex.Message}");
            return null;
        }
    }

    private SummaryRun Log(SummaryRun run)
    {
        if (streaks.Recover("summaries") > 0)
        {
            logger.LogInformation("Summary batch reaches the database again");
        }

        logger.Log(
            run.Outcome == IngestOutcome.Succeeded ? LogLevel.Information : LogLevel.Warning,
            "Summary batch: {Outcome}, due {Due}, requested {Requested}, changed {Changed}, unchanged {Unchanged}, failed {Failed}, deferred {Deferred}, rows {RowsWritten}, {DurationMs} ms {Error}",
            run.Outcome, run.Due, run.Requested, run.Changed, run.Unchanged, run.Failed, run.Deferred, run.RowsWritten, run.DurationMs, run.Error);
        return run;
    }
}
