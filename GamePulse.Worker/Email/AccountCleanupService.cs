using GamePulse.Data;
using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>Hourly: deletes expired sign-in requests, old outbox rows and stale rate-limit events, each by its owner.</summary>
public sealed class AccountCleanupService(
    GamePulseDbFactory databases,
    LoginRequestRepository requests,
    EmailOutboxRepository outbox,
    RateLimitRepository rateLimits,
    IOptions<EmailDispatchOptions> options,
    ILogger<AccountCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        do
        {
            try
            {
                await CleanUpAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Account cleanup failed; trying again next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One unit of work: the three deletions commit together, as one run.</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var loginRequests = await requests.DeleteExpiredAsync(db, cancellationToken);
        var outboxRows = await outbox.DeleteOldAsync(db, cancellationToken);
        var rateLimitEvents = await rateLimits.DeleteOldAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account cleanup removed {LoginRequests} sign-in requests, {OutboxRows} emails, {RateLimitEvents} rate-limit events",
            loginRequests, outboxRows, rateLimitEvents);
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
