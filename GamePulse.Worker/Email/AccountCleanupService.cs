using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>Hourly: deletes expired sign-in requests, old outbox rows and stale rate-limit events.</summary>
public sealed class AccountCleanupService(EmailOutboxRepository outbox, IOptions<EmailDispatchOptions> options, ILogger<AccountCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        do
        {
            try
            {
                var removed = await outbox.CleanupAsync(stoppingToken);
                logger.LogInformation("Account cleanup removed {LoginRequests} sign-in requests, {OutboxRows} emails, {RateLimitEvents} rate-limit events",
                    removed.LoginRequests, removed.OutboxRows, removed.RateLimitEvents);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Account cleanup failed; trying again next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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
