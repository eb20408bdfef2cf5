using System.Diagnostics;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using Npgsql;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// How a run ends: as one <see cref="IngestRun"/>, the same record for its ingest_runs row, its "Ingest run" log event
/// and the caller (the commands print it, the backfill counts it).
/// </summary>
public sealed partial class ScoreboardIngester
{
    /// <summary>
    /// One run on its way: what it ingests, when it started, the HTTP status its payload came with, and what it lacks when
    /// the fetch got only one of its requests' answers (ESPN's two groups; the run is then partial).
    /// </summary>
    private sealed record Attempt(IngestTarget Target, DateTimeOffset Started, Stopwatch Timer, int? HttpStatus, string? Incomplete = null);

    // Games the parser skipped and games it read that cannot be written (a team playing itself, a repeated id) both
    // count as skipped, and make the run partial.
    private static IngestRun Succeeded(Attempt attempt, ParsedScoreboard parsed, int written, UpsertResult result)
    {
        var skipped = parsed.Skipped.Count + (parsed.Games.Count - written);
        var skippedError = skipped > 0 ? $"{skipped} game(s) skipped: {string.Join("; ", parsed.Skipped.Take(3).Select(s => $"{s.ExternalId}: {s.Reason}"))}" : null;
        return NewRun(attempt, parsed.Source.Name(), skipped > 0 || attempt.Incomplete is not null ? IngestOutcome.Partial : IngestOutcome.Succeeded) with
        {
            GamesSeen = parsed.Games.Count + parsed.Skipped.Count,
            GamesInserted = result.Inserted,
            GamesUpdated = result.Updated,
            GamesUnchanged = result.Unchanged,
            GamesSkipped = skipped,
            SnapshotRows = result.SnapshotRows,
            Error = string.Join("; ", new[] { attempt.Incomplete, skippedError }.OfType<string>()) is { Length: > 0 } error ? error : null,
        };
    }

    private async Task<IngestRun> FinishFailedAsync(Attempt attempt, string error, CancellationToken cancellationToken)
    {
        var run = NewRun(attempt, attempt.Target.Source.Name(), IngestOutcome.Failed) with { Error = error };
        try
        {
            await using var db = databases.Open();
            await runs.RecordAsync(db, run, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The database being down is itself the usual reason; the log event below still records the run.
        }

        return Log(run, attempt.Target);
    }

    // The run's times are taken once, when it ends: its row and its log event show the same duration.
    private static IngestRun NewRun(Attempt attempt, string source, string outcome)
    {
        var durationMs = (int)attempt.Timer.ElapsedMilliseconds;
        return new IngestRun
        {
            Job = attempt.Target.Job,
            LeagueId = attempt.Target.League.Id,
            GameDate = attempt.Target.Date,
            Source = source,
            FireId = attempt.Target.FireId,
            StartedAt = attempt.Started,
            FinishedAt = attempt.Started.AddMilliseconds(durationMs),
            HttpStatus = (short?)attempt.HttpStatus,
            DurationMs = durationMs,
            Outcome = outcome,
        };
    }

    private IngestRun Log(IngestRun run, IngestTarget target)
    {
        var league = target.League.Slug;
        var streak = $"{run.Source}:{league}";
        if (run.Failed)
        {
            if (streaks.Fail(streak))
            {
                logger.LogWarning("Ingest from {Source} for {League} is failing: {Error}. Further failures show only in run summaries until it recovers", run.Source, league, run.Error);
            }
        }
        else if (streaks.Recover(streak) is > 0 and var failures)
        {
            logger.LogInformation("Ingest from {Source} for {League} recovered after {FailedRuns} failed run(s)", run.Source, league, failures);
        }

        // The property names are what CloudWatch's metric filters and saved queries read (infrastructure/): keep them.
        logger.Log(
            run.Outcome == IngestOutcome.Partial ? LogLevel.Warning : LogLevel.Information,
            "Ingest run {Job} {League} {Date} {Source}: {Outcome} HTTP {HttpStatus}, seen {GamesSeen}, inserted {Inserted}, updated {Updated}, unchanged {Unchanged}, skipped {Skipped}, snapshots {SnapshotRows}, {DurationMs} ms {Error}",
            run.Job, league, run.GameDate is { } logged ? EasternCalendar.Iso(logged) : null, run.Source, run.Outcome, (int?)run.HttpStatus, run.GamesSeen, run.GamesInserted,
            run.GamesUpdated, run.GamesUnchanged, run.GamesSkipped, run.SnapshotRows, run.DurationMs, run.Error);
        return run;
    }
}
