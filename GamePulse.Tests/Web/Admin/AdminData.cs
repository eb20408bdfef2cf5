using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Admin;

/// <summary>Rows the admin page and the freshness check read, written through the real repositories or plain SQL.</summary>
public static class AdminData
{
    public const short Mens = 1;
    public const short Womens = 2;

    public static IngestRunRepository Runs(this TestDatabase database) => new(database.Databases);

    /// <summary>Records a finished run of <paramref name="leagueId"/> that ended <paramref name="finishedAgo"/> before now.</summary>
    public static Task<long> RecordRunAsync(this TestDatabase database, short leagueId, string outcome, TimeSpan finishedAgo, int durationMs = 420, string? error = null)
    {
        var finished = DateTimeOffset.UtcNow - finishedAgo;
        return database.RecordRunAsync(new IngestRun
        {
            Job = "scoreboard",
            LeagueId = leagueId,
            GameDate = DateOnly.FromDateTime(finished.UtcDateTime),
            Source = "espn",
            StartedAt = finished.AddMilliseconds(-durationMs),
            FinishedAt = finished,
            HttpStatus = outcome == IngestOutcome.Failed ? (short)503 : (short)200,
            GamesSeen = 12,
            GamesInserted = 2,
            GamesUpdated = 3,
            GamesUnchanged = 7,
            DurationMs = durationMs,
            Outcome = outcome,
            Error = error,
        });
    }

    /// <summary>Both leagues ingested successfully a minute ago.</summary>
    public static async Task RecordFreshRunsAsync(this TestDatabase database)
    {
        await database.RecordRunAsync(Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(1));
        await database.RecordRunAsync(Womens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(1));
    }

    public static Task<long> FailedEmailAsync(this TestDatabase database, string to, string error, string? traceId = null) =>
        database.ScalarAsync<long>("""
            INSERT INTO email_outbox (to_address, subject, text_body, html_body, status, attempts, last_error, trace_id)
            VALUES (@to, 'Your GamePulse sign-in link', 'secret-token-in-body', '<p>secret-token-in-body</p>', 'failed', 8, @error, @traceId)
            RETURNING id
            """, new { to, error, traceId });
}
