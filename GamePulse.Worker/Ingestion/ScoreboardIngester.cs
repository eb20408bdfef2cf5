using System.Diagnostics;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Npgsql;

namespace GamePulse.Worker.Ingestion;

/// <summary>What is being ingested and on whose behalf: the job name ends up in ingest_runs and in the log.</summary>
public sealed record IngestTarget(string Job, League League, DateOnly? Date, ScoreSource Source, string? FireId = null);

/// <summary>
/// The one code path of every ingest (scheduled, manual, saved file, backfill): fetch → parse → resolve teams → upsert
/// games in one transaction with its ingest_runs row and a NOTIFY → one "Ingest run" log event.
/// A bad game is skipped and counted (partial); a bad payload or an unreachable feed or database is a failed run that
/// leaves the stored games untouched.
/// </summary>
public sealed class ScoreboardIngester(
    GamePulseDbFactory databases,
    TeamRepository teams,
    GameRepository games,
    PulseRepository pulse,
    IngestRunRepository runs,
    FailureStreaks streaks,
    TimeProvider clock,
    ILogger<ScoreboardIngester> logger)
{
    public async Task<IngestReport> FetchAndIngestAsync(IScoreSource source, IngestTarget target, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        FeedResponse response;
        try
        {
            response = await source.FetchAsync(target.League, target.Date ?? throw new ArgumentException("A fetch needs a date.", nameof(target)), cancellationToken);
        }
        catch (FeedUnavailableException ex)
        {
            return await FinishFailedAsync(target, started, timer, ex.StatusCode, ex.Message, cancellationToken);
        }

        return await IngestPayloadAsync(target, response.Body, response.StatusCode, started, timer, cancellationToken);
    }

    /// <summary>Replays a saved payload through the same path as a live fetch (no HTTP status).</summary>
    public Task<IngestReport> IngestSavedAsync(IngestTarget target, byte[] body, CancellationToken cancellationToken) =>
        IngestPayloadAsync(target, body, null, clock.GetUtcNow(), Stopwatch.StartNew(), cancellationToken);

    private async Task<IngestReport> IngestPayloadAsync(IngestTarget target, byte[] body, int? httpStatus, DateTimeOffset started, Stopwatch timer, CancellationToken cancellationToken)
    {
        ParsedScoreboard parsed;
        try
        {
            parsed = ScoreboardPayload.Parse(body, target.League, target.Source);
        }
        catch (PayloadException ex)
        {
            return await FinishFailedAsync(target, started, timer, httpStatus, ex.Message, cancellationToken);
        }

        var date = target.Date ?? parsed.Date;
        if (parsed.Games.Count == 0 && parsed.Skipped.Count > 0)
        {
            // Every game unreadable is schema drift, not a few bad rows: nothing is written.
            return await FinishFailedAsync(target with { Date = date }, started, timer, httpStatus,
                $"No game could be read ({parsed.Skipped.Count} skipped; first: {parsed.Skipped[0].Reason})", cancellationToken);
        }

        foreach (var skipped in parsed.Skipped)
        {
            logger.LogWarning("Skipped game {ExternalId} of {League} {Date}: {Reason}", skipped.ExternalId, target.League.Slug, date, skipped.Reason);
        }

        try
        {
            // One unit of work per run: teams, games, Pulse, the run's row and the NOTIFY commit together or not at all.
            await using var db = databases.Open();
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);

            if (parsed.Games.Count == 0 && parsed.Skipped.Count == 0 && date is { } day)
            {
                // An empty scoreboard for a day we know has games is an upstream glitch, not a cancellation of the day.
                var stored = await db.Games.CountAsync(g => g.LeagueId == target.League.Id && g.GameDate == day, cancellationToken);
                if (stored > 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return await FinishFailedAsync(target with { Date = date }, started, timer, httpStatus, $"Payload lists no games but {stored} are stored for {EasternCalendar.Iso(day)}; keeping them.", cancellationToken);
                }
            }

            var resolved = await teams.ResolveAsync(db, target.League.Id, parsed.Source, parsed.Teams, cancellationToken);
            foreach (var created in resolved.Created)
            {
                logger.LogWarning("Created team {DisplayName} ({Source} id {ExternalId}) in {League} from the feed: it is not in the seed", created.DisplayName, parsed.Source, created.ExternalId, target.League.Slug);
            }

            var candidates = parsed.Games.Select(g => g.WithTeams(resolved.TeamIdsByExternalId))
                .Where(g => g.HomeTeamId != g.AwayTeamId)
                .DistinctBy(g => g.ExternalId)
                .ToList();
            // Only games not stored yet get a precomputed Pulse: every later poll of a day is mostly unchanged games,
            // and scoring them all just in case cost that poll more than the one query. A game another Worker inserts
            // meanwhile is inserted by it, not us, and one we insert unscored is rescored below like any update.
            var alreadyStored = await games.FindStoredExternalIdsAsync(db, target.League.Id, parsed.Source, [.. candidates.Select(g => g.ExternalId)], cancellationToken);
            var upserts = candidates.Select(g => alreadyStored.Contains(g.ExternalId) ? g : WithNewGamePulse(g, target.League.Id, resolved)).ToList();
            var observedAt = clock.GetUtcNow();
            var result = await games.UpsertAsync(db, target.League.Id, parsed.Source, upserts, observedAt, parsed.WriteMode, cancellationToken);
            // Pulse is stored on the game so page reads stay cheap, and written in the same transaction, so a page never
            // sees a new score with an old Pulse: new games got theirs with the insert, updated ones are rescored from
            // their snapshots here.
            await pulse.RecomputeAsync(db, result.UnscoredGameIds, observedAt, cancellationToken);
            foreach (var correction in result.Corrections)
            {
                logger.LogWarning(
                    "Score correction after final for game {GameId} ({ExternalId}): {OldAway}-{OldHome} became {NewAway}-{NewHome}",
                    correction.GameId, correction.ExternalId, correction.OldAwayScore, correction.OldHomeScore, correction.NewAwayScore, correction.NewHomeScore);
            }

            if (result.StaleIgnored > 0)
            {
                logger.LogInformation("Ignored {StaleIgnored} game(s) of {League} {Date} that a stale payload showed behind their stored progress", result.StaleIgnored, target.League.Slug, date);
            }

            var skipped = parsed.Skipped.Count + (parsed.Games.Count - upserts.Count);
            var report = new IngestReport
            {
                Job = target.Job,
                League = target.League.Slug,
                Date = date,
                Source = parsed.Source.Name(),
                Outcome = skipped > 0 ? IngestOutcome.Partial : IngestOutcome.Succeeded,
                HttpStatus = httpStatus,
                GamesSeen = parsed.Games.Count + parsed.Skipped.Count,
                Inserted = result.Inserted,
                Updated = result.Updated,
                Unchanged = result.Unchanged,
                Skipped = skipped,
                SnapshotRows = result.SnapshotRows,
                DurationMs = (int)timer.ElapsedMilliseconds,
                Error = skipped > 0 ? $"{skipped} game(s) skipped: {string.Join("; ", parsed.Skipped.Take(3).Select(s => $"{s.ExternalId}: {s.Reason}"))}" : null,
            };
            await runs.RecordAsync(db, ToRun(report, target, started), cancellationToken);

            // Listeners (the Web's caches) hear about every date this payload touched, once the data is committed; the
            // payload is the pages' cache tag, written the same whatever the process's culture.
            foreach (var touched in upserts.Select(g => g.GameDate).Append(date ?? default).Where(d => d != default).Distinct())
            {
                await db.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = GameChanges.Channel, payload = GameChanges.Tag(target.League.Slug, touched) }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return Log(report);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return await FinishFailedAsync(target with { Date = date }, started, timer, httpStatus, $"Database unavailable: {ex.Message}", cancellationToken);
        }
    }

    private async Task<IngestReport> FinishFailedAsync(IngestTarget target, DateTimeOffset started, Stopwatch timer, int? httpStatus, string error, CancellationToken cancellationToken)
    {
        var report = new IngestReport
        {
            Job = target.Job,
            League = target.League.Slug,
            Date = target.Date,
            Source = target.Source.Name(),
            Outcome = IngestOutcome.Failed,
            HttpStatus = httpStatus,
            DurationMs = (int)timer.ElapsedMilliseconds,
            Error = error,
        };
        try
        {
            await using var db = databases.Open();
            await runs.RecordAsync(db, ToRun(report, target, started), cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The database being down is itself the usual reason; the log event below still records the run.
        }

        return Log(report);
    }

    private IngestReport Log(IngestReport report)
    {
        var streak = $"{report.Source}:{report.League}";
        if (report.Failed)
        {
            if (streaks.Fail(streak))
            {
                logger.LogWarning("Ingest from {Source} for {League} is failing: {Error}. Further failures show only in run summaries until it recovers", report.Source, report.League, report.Error);
            }
        }
        else if (streaks.Recover(streak) is > 0 and var failures)
        {
            logger.LogInformation("Ingest from {Source} for {League} recovered after {FailedRuns} failed run(s)", report.Source, report.League, failures);
        }

        logger.Log(
            report.Outcome == IngestOutcome.Partial ? LogLevel.Warning : LogLevel.Information,
            "Ingest run {Job} {League} {Date} {Source}: {Outcome} HTTP {HttpStatus}, seen {GamesSeen}, inserted {Inserted}, updated {Updated}, unchanged {Unchanged}, skipped {Skipped}, snapshots {SnapshotRows}, {DurationMs} ms {Error}",
            report.Job, report.League, report.Date is { } logged ? EasternCalendar.Iso(logged) : null, report.Source, report.Outcome, report.HttpStatus, report.GamesSeen, report.Inserted,
            report.Updated, report.Unchanged, report.Skipped, report.SnapshotRows, report.DurationMs, report.Error);
        return report;
    }

    private static IngestRun ToRun(IngestReport report, IngestTarget target, DateTimeOffset started) => new()
    {
        Job = report.Job,
        LeagueId = target.League.Id,
        GameDate = report.Date,
        Source = report.Source,
        FireId = target.FireId,
        StartedAt = started,
        FinishedAt = started.AddMilliseconds(report.DurationMs),
        HttpStatus = (short?)report.HttpStatus,
        GamesSeen = report.GamesSeen,
        GamesInserted = report.Inserted,
        GamesUpdated = report.Updated,
        GamesUnchanged = report.Unchanged,
        GamesSkipped = report.Skipped,
        SnapshotRows = report.SnapshotRows,
        DurationMs = report.DurationMs,
        Outcome = report.Outcome,
        Error = report.Error,
    };

    // The upsert writes this only if the game turns out to be new; for a stored game it is ignored and rescored instead.
    private static GameUpsert WithNewGamePulse(GameUpsert game, short leagueId, ResolvedTeams teams)
    {
        var score = NewGamePulse.Compute(leagueId, game, teams.ShortNamesById[game.HomeTeamId], teams.ShortNamesById[game.AwayTeamId]);
        return game with { PulseScore = (short)score.Score, PulseFactors = score.FactorTexts };
    }
}
