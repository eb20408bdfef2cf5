using Coravel.Invocable;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Fires every tick (20 s) on every Worker; the Worker that claims the tick's slot polls, for each league, today's
/// scoreboard and yesterday's when <see cref="ScoreboardCadence"/> says they are due, and otherwise does nothing. The
/// last run of each date is read from ingest_runs, so the cadence holds across restarts and across Workers.
/// </summary>
public sealed class ScoreboardJob(
    LeagueRepository leagues,
    GameRepository games,
    IngestRunRepository runs,
    IScoreSource source,
    ScoreboardIngester ingester,
    ScheduleSlots slots,
    FailureStreaks streaks,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<ScoreboardJob> logger) : IInvocable, ICancellableInvocable
{
    public const string Name = "scoreboard";

    /// <summary>Set by Coravel; cancelled when the Worker stops.</summary>
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var cancellationToken = CancellationToken;
        var settings = CadenceSettings.From(options.Value);
        try
        {
            if (await slots.TryClaimAsync(Name, TimeSpan.FromSeconds(options.Value.TickSeconds), cancellationToken) is not { } fireId)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var today = EasternCalendar.DateOf(now);
            foreach (var league in await leagues.GetAllAsync(cancellationToken))
            {
                foreach (var (date, isToday) in new[] { (today, true), (today.AddDays(-1), false) })
                {
                    if (await IsDueAsync(league, date, isToday, now, settings, cancellationToken))
                    {
                        await ingester.FetchAndIngestAsync(source, new IngestTarget(Name, league, date, source.Kind, fireId), cancellationToken);
                    }
                }
            }

            if (streaks.Recover(PostgresAdvisoryMutex.Streak) > 0)
            {
                logger.LogInformation("Scoreboard job reaches the database again");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The Worker is stopping; the next Worker's or next start's firing picks up from ingest_runs.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            if (streaks.Fail(PostgresAdvisoryMutex.Streak))
            {
                logger.LogWarning("Scoreboard job cannot reach the database: {Error}. It retries every tick and logs again when it recovers", ex.Message);
            }
        }
    }

    private async Task<bool> IsDueAsync(League league, DateOnly date, bool isToday, DateTimeOffset now, CadenceSettings settings, CancellationToken cancellationToken)
    {
        var stored = await games.GetTimingsAsync(league.Id, date, cancellationToken);
        var lastRun = (await runs.FindLatestAsync(Name, league.Id, date, cancellationToken: cancellationToken))?.StartedAt;
        if (isToday)
        {
            return ScoreboardCadence.TodayIsDue(stored, lastRun, now, settings);
        }

        var everSucceeded = await runs.FindLatestAsync(Name, league.Id, date, excludeFailed: true, cancellationToken) is not null;
        return ScoreboardCadence.YesterdayIsDue(stored, lastRun, everSucceeded, now, settings);
    }
}
