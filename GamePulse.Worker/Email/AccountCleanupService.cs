using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Worker.Ingestion;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>
/// Hourly: deletes expired sign-in requests, old outbox rows, stale rate-limit events and revocations of session
/// cookies that have expired anyway, each by its owner. A database outage is one error per failure streak and one line
/// when it ends.
/// </summary>
public sealed class AccountCleanupService(
    GamePulseDbFactory databases,
    LoginRequestRepository requests,
    EmailOutboxRepository outbox,
    RateLimitRepository rateLimits,
    SessionRevocationRepository revocations,
    IOptions<EmailDispatchOptions> options,
    ILogger<AccountCleanupService> logger) : BackgroundService
{
    private const string Streak = "account-cleanup";
    private readonly FailureStreaks streaks = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        do
        {
            try
            {
                await CleanUpAsync(stoppingToken);
                if (streaks.Recover(Streak) is > 0 and var failures)
                {
                    logger.LogInformation("Account cleanup reaches the database again after {Failures} failed run(s)", failures);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (streaks.Fail(Streak))
                {
                    logger.LogError(exception, "Account cleanup failed; it runs again every interval and logs again when it succeeds");
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One unit of work: the four deletions commit together, as one run.</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var loginRequests = await requests.DeleteExpiredAsync(db, cancellationToken);
        var outboxRows = await outbox.DeleteOldAsync(db, cancellationToken);
        var rateLimitEvents = await rateLimits.DeleteOldAsync(db, cancellationToken);
        var revokedSessions = await revocations.DeleteExpiredAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account cleanup removed {LoginRequests} sign-in requests, {OutboxRows} emails, {RateLimitEvents} rate-limit events, {RevokedSessions} expired session revocations",
            loginRequests, outboxRows, rateLimitEvents, revokedSessions);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
