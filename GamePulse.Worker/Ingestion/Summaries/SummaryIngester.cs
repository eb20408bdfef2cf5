using System.Diagnostics;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>What storing one summary did.</summary>
public sealed record SummaryStored(long GameId, DateOnly GameDate, string State, UpsertResult Game, DetailWriteResult Detail)
{
    public bool Changed => Game.Inserted + Game.Updated > 0 || Detail.Changed;

    /// <summary>Every row written: the game, its snapshots and every detail row (0 for a summary that repeats the stored one).</summary>
    public int RowsWritten => Game.Inserted + Game.Updated + Game.SnapshotRows + Detail.Total;
}

/// <summary>
/// Stores one game's ESPN summary in one unit of work: its teams, its game row in <see cref="GameWriteMode.Summary"/>
/// (a summary never blanks or rewinds what the scoreboard stored), the detail (box score, players, plays with win
/// probability, leaders), Pulse when the row or the plays changed and the NOTIFY of its league and date when anything changed.
/// <see cref="IngestSavedAsync"/> is <c>ingest --file</c>'s path for a saved summary (one ingest_runs row);
/// <see cref="StoreAsync"/> is the summary batch's (the batch records one summary_runs row for all of its games).
/// </summary>
public sealed class SummaryIngester(
    GamePulseDbFactory databases,
    TeamRepository teams,
    GameRepository games,
    GameDetailRepository details,
    PulseRepository pulse,
    IngestRunRepository runs,
    TimeProvider clock,
    ILogger<SummaryIngester> logger)
{
    /// <summary>Parses and stores a summary; <see cref="PayloadException"/> when it cannot be used.</summary>
    public async Task<SummaryStored> StoreAsync(League league, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var parsed = EspnSummaryParser.Parse(body, league);
        if (parsed.Game.Games.Count != 1)
        {
            throw new PayloadException(parsed.Game.Skipped is [var skipped, ..] ? $"Summary's game cannot be read: {skipped.Reason}" : "Summary has no game.");
        }

        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var stored = await StoreAsync(db, league, parsed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary><c>ingest --file</c> with a saved summary: stored like a fetched one, recorded as one ingest run.</summary>
    public async Task<IngestRun> IngestSavedAsync(League league, byte[] body, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        IngestRun report;
        try
        {
            var stored = await StoreAsync(league, body, cancellationToken);
            report = Report(league, stored.GameDate, started, timer) with
            {
                Outcome = IngestOutcome.Succeeded,
                GamesSeen = 1,
                GamesInserted = stored.Game.Inserted,
                GamesUpdated = stored.Game.Updated,
                GamesUnchanged = stored.Game.Unchanged,
                SnapshotRows = stored.Game.SnapshotRows,
            };
            logger.LogInformation(
                "Summary stored for game {GameId} ({League} {Date}): game inserted {Inserted}, updated {Updated}; detail rows {DetailRows}",
                stored.GameId, league.Slug, EasternCalendar.Iso(stored.GameDate), stored.Game.Inserted, stored.Game.Updated, stored.Detail.Total);
        }
        catch (PayloadException ex)
        {
            report = Report(league, null, started, timer) with { Outcome = IngestOutcome.Failed, Error = ex.Message };
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            report = Report(league, null, started, timer) with { Outcome = IngestOutcome.Failed, Error = $"Database unavailable: {ex.Message}" };
        }

        await RecordAsync(report, cancellationToken);
        return report;
    }

    private async Task<SummaryStored> StoreAsync(GamePulseDb db, League league, ParsedSummary parsed, CancellationToken cancellationToken)
    {
        var observedAt = clock.GetUtcNow();
        var resolved = await teams.ResolveAsync(db, league.Id, ScoreSource.Espn, parsed.Game.Teams, cancellationToken);
        var game = parsed.Game.Games[0].WithTeams(resolved.TeamIdsByExternalId);
        if (game.HomeTeamId == game.AwayTeamId)
        {
            throw new PayloadException($"Summary of {game.ExternalId} names the same team on both sides.");
        }

        var result = await games.UpsertAsync(db, league.Id, ScoreSource.Espn, [game], observedAt, GameWriteMode.Summary, cancellationToken);
        var row = await db.Games
            .Where(g => g.LeagueId == league.Id && g.EspnId == game.ExternalId)
            .Select(g => new { g.Id, g.GameDate, g.State })
            .SingleAsync(cancellationToken);
        var detail = await details.StoreAsync(db, row.Id, ScoreSource.Espn, parsed.Detail, parsed.Card, observedAt, cancellationToken);
        // After the plays are stored, since Pulse reads its flow from them (docs/pulse.md): a changed row or changed
        // plays rescore the game; a summary that repeats the stored one rescores nothing.
        await pulse.RecomputeAsync(db, PulseDue(result, detail, row.Id), observedAt, cancellationToken);
        var stored = new SummaryStored(row.Id, row.GameDate, row.State, result, detail);
        if (stored.Changed)
        {
            // The game page and its scoreboard are cached under the game's league and date (GameChanges), as for scoreboards.
            await db.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = GameChanges.Channel, payload = GameChanges.Tag(league.Slug, row.GameDate) }, cancellationToken);
        }

        return stored;
    }

    private static long[] PulseDue(UpsertResult game, DetailWriteResult detail, long gameId) =>
        detail.PlayRows + detail.PlaysRemoved > 0 ? [.. game.UnscoredGameIds.Append(gameId).Distinct()] : [.. game.UnscoredGameIds];

    private static IngestRun Report(League league, DateOnly? date, DateTimeOffset started, Stopwatch timer)
    {
        var durationMs = (int)timer.ElapsedMilliseconds;
        return new IngestRun
        {
            Job = "file",
            LeagueId = league.Id,
            GameDate = date,
            Source = ScoreSources.Espn,
            StartedAt = started,
            FinishedAt = started.AddMilliseconds(durationMs),
            DurationMs = durationMs,
            Outcome = IngestOutcome.Failed,
        };
    }

    private async Task RecordAsync(IngestRun run, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = databases.Open();
            await runs.RecordAsync(db, run, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning("Summary run could not be recorded, the database is unavailable: {Error}", ex.Message);
        }
    }
}
