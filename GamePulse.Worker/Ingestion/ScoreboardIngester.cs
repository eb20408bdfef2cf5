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
public sealed partial class ScoreboardIngester(
    GamePulseDbFactory databases,
    TeamRepository teams,
    GameRepository games,
    PulseRepository pulse,
    IngestRunRepository runs,
    FailureStreaks streaks,
    TimeProvider clock,
    ILogger<ScoreboardIngester> logger)
{
    public async Task<IngestRun> FetchAndIngestAsync(IScoreSource source, IngestTarget target, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(target, clock.GetUtcNow(), Stopwatch.StartNew(), HttpStatus: null);
        FeedResponse response;
        try
        {
            response = await source.FetchAsync(target.League, target.Date ?? throw new ArgumentException("A fetch needs a date.", nameof(target)), cancellationToken);
        }
        catch (FeedUnavailableException ex)
        {
            return await FinishFailedAsync(attempt with { HttpStatus = ex.StatusCode }, ex.Message, cancellationToken);
        }

        return await IngestPayloadAsync(attempt with { HttpStatus = response.StatusCode, Incomplete = response.Incomplete }, response.Body, cancellationToken);
    }

    /// <summary>Replays a saved payload through the same path as a live fetch (no HTTP status).</summary>
    public Task<IngestRun> IngestSavedAsync(IngestTarget target, byte[] body, CancellationToken cancellationToken) =>
        IngestPayloadAsync(new Attempt(target, clock.GetUtcNow(), Stopwatch.StartNew(), HttpStatus: null), body, cancellationToken);

    // A payload that must not be written (unreadable, or empty where games are stored) fails the run, as a database
    // that cannot be reached does; either way the stored games stay as they were.
    private async Task<IngestRun> IngestPayloadAsync(Attempt attempt, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = ScoreboardPayload.Parse(body, attempt.Target.League, attempt.Target.Source);
            attempt = attempt with { Target = attempt.Target with { Date = attempt.Target.Date ?? parsed.Date } };
            RejectUnreadable(parsed);
            LogSkippedGames(parsed, attempt.Target);
            return await WriteAsync(attempt, parsed, cancellationToken);
        }
        catch (PayloadException ex)
        {
            return await FinishFailedAsync(attempt, ex.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return await FinishFailedAsync(attempt, $"Database unavailable: {ex.Message}", cancellationToken);
        }
    }

    // Every game unreadable is schema drift, not a few bad rows: nothing is written.
    private static void RejectUnreadable(ParsedScoreboard parsed)
    {
        if (parsed.Games.Count == 0 && parsed.Skipped.Count > 0)
        {
            throw new PayloadException($"No game could be read ({parsed.Skipped.Count} skipped; first: {parsed.Skipped[0].Reason})");
        }
    }

    private void LogSkippedGames(ParsedScoreboard parsed, IngestTarget target)
    {
        foreach (var skipped in parsed.Skipped)
        {
            logger.LogWarning("Skipped game {ExternalId} of {League} {Date}: {Reason}", skipped.ExternalId, target.League.Slug, target.Date, skipped.Reason);
        }
    }

    /// <summary>Games, Pulse, the run's row and the NOTIFYs in one transaction: a page never sees half a payload.</summary>
    private async Task<IngestRun> WriteAsync(Attempt attempt, ParsedScoreboard parsed, CancellationToken cancellationToken)
    {
        var target = attempt.Target;
        // One unit of work per run: teams, games, Pulse, the run's row and the NOTIFY commit together or not at all.
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await RejectEmptyOverStoredGamesAsync(db, parsed, target, cancellationToken);
        var resolved = await ResolveTeamsAsync(db, parsed, target, cancellationToken);
        var upserts = await PrepareUpsertsAsync(db, parsed, target, resolved, cancellationToken);
        var result = await UpsertAndRescoreAsync(db, parsed, target, upserts, cancellationToken);
        var run = Succeeded(attempt, parsed, upserts.Count, result);
        await runs.RecordAsync(db, run, cancellationToken);
        await NotifyTouchedDatesAsync(db, target, upserts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Log(run, target);
    }

    // An empty scoreboard for a day we know has games is an upstream glitch, not a cancellation of the day.
    private static async Task RejectEmptyOverStoredGamesAsync(GamePulseDb db, ParsedScoreboard parsed, IngestTarget target, CancellationToken cancellationToken)
    {
        if (parsed.Games.Count > 0 || parsed.Skipped.Count > 0 || target.Date is not { } day)
        {
            return;
        }

        var stored = await db.Games.CountAsync(g => g.LeagueId == target.League.Id && g.GameDate == day, cancellationToken);
        if (stored > 0)
        {
            throw new PayloadException($"Payload lists no games but {stored} are stored for {EasternCalendar.Iso(day)}; keeping them.");
        }
    }

    private async Task<ResolvedTeams> ResolveTeamsAsync(GamePulseDb db, ParsedScoreboard parsed, IngestTarget target, CancellationToken cancellationToken)
    {
        var resolved = await teams.ResolveAsync(db, target.League.Id, parsed.Source, parsed.Teams, cancellationToken);
        foreach (var created in resolved.Created)
        {
            logger.LogWarning("Created team {DisplayName} ({Source} id {ExternalId}) in {League} from the feed: it is not in the seed", created.DisplayName, parsed.Source, created.ExternalId, target.League.Slug);
        }

        return resolved;
    }

    // Only games not stored yet get a precomputed Pulse: every later poll of a day is mostly unchanged games, and scoring
    // them all just in case cost that poll more than the one query. A game another Worker inserts meanwhile is inserted
    // by it, not us, and one we insert unscored is rescored after the upsert like any update.
    private async Task<List<GameUpsert>> PrepareUpsertsAsync(GamePulseDb db, ParsedScoreboard parsed, IngestTarget target, ResolvedTeams resolved, CancellationToken cancellationToken)
    {
        var candidates = parsed.Games.Select(g => g.WithTeams(resolved.TeamIdsByExternalId))
            .Where(FeedGame.HasDistinctSides)
            .DistinctBy(g => g.ExternalId)
            .ToList();
        var alreadyStored = await games.FindStoredExternalIdsAsync(db, target.League.Id, parsed.Source, [.. candidates.Select(g => g.ExternalId)], cancellationToken);
        return [.. candidates.Select(g => alreadyStored.Contains(g.ExternalId) ? g : WithNewGamePulse(g, target.League.Id, resolved))];
    }

    // Pulse is stored on the game so page reads stay cheap, and written in the same transaction, so a page never sees a
    // new score with an old Pulse: new games got theirs with the insert, updated ones are rescored from their snapshots.
    private async Task<UpsertResult> UpsertAndRescoreAsync(GamePulseDb db, ParsedScoreboard parsed, IngestTarget target, List<GameUpsert> upserts, CancellationToken cancellationToken)
    {
        var observedAt = clock.GetUtcNow();
        var result = await games.UpsertAsync(db, target.League.Id, parsed.Source, upserts, observedAt, parsed.WriteMode, cancellationToken);
        await pulse.RecomputeAsync(db, result.UnscoredGameIds, observedAt, cancellationToken);
        foreach (var correction in result.Corrections)
        {
            logger.LogWarning(
                "Score correction after final for game {GameId} ({ExternalId}): {OldAway}-{OldHome} became {NewAway}-{NewHome}",
                correction.GameId, correction.ExternalId, correction.OldAwayScore, correction.OldHomeScore, correction.NewAwayScore, correction.NewHomeScore);
        }

        if (result.StaleIgnored > 0)
        {
            logger.LogInformation("Ignored {StaleIgnored} game(s) of {League} {Date} that a stale payload showed behind their stored progress", result.StaleIgnored, target.League.Slug, target.Date);
        }

        return result;
    }

    // Listeners (the Web's caches) hear about every date this payload touched, once the data is committed; the payload
    // is the pages' cache tag, written the same whatever the process's culture.
    private static async Task NotifyTouchedDatesAsync(GamePulseDb db, IngestTarget target, List<GameUpsert> upserts, CancellationToken cancellationToken)
    {
        foreach (var touched in upserts.Select(g => g.GameDate).Append(target.Date ?? default).Where(d => d != default).Distinct())
        {
            await db.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = GameChanges.Channel, payload = GameChanges.Tag(target.League.Slug, touched) }, cancellationToken);
        }
    }

    // The upsert writes this only if the game turns out to be new; for a stored game it is ignored and rescored instead.
    private static GameUpsert WithNewGamePulse(GameUpsert game, short leagueId, ResolvedTeams teams)
    {
        var score = NewGamePulse.Compute(leagueId, game, teams.ShortNameOf(game.HomeTeamId, game.HomePlaceholder), teams.ShortNameOf(game.AwayTeamId, game.AwayPlaceholder));
        return game with { PulseScore = (short)score.Score, PulseFactors = score.FactorTexts };
    }
}
