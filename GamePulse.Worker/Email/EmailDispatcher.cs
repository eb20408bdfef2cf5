using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>
/// Drains the email outbox: claims due messages (never one claimed by another dispatcher), sends each, and records
/// the outcome — sent with the provider's id, retried later with backoff, or failed with its last error.
/// </summary>
public sealed class EmailDispatcher(EmailOutboxRepository outbox, IEmailTransport transport, IOptions<EmailDispatchOptions> options, ILogger<EmailDispatcher> logger)
{
    /// <summary>Sends everything due now; returns how many messages were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await outbox.ClaimDueAsync(settings.BatchSize, settings.Lease, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await SendOneAsync(message, settings, cancellationToken);
            }

            total += batch.Count;
        }

        return total;
    }

    private async Task SendOneAsync(OutboxMessage message, EmailDispatchOptions settings, CancellationToken cancellationToken)
    {
        // The trace id of the Web request that queued the message (null when none did): on every event below, so one
        // Logs Insights query on TraceId finds the request and what the Worker did about it.
        using var scope = message.TraceId is null ? null : logger.BeginScope(new Dictionary<string, object?> { ["TraceId"] = message.TraceId });
        try
        {
            var providerId = await transport.SendAsync(message, cancellationToken);
            // Not cancellable: the message is out, so its row must say so even while the Worker stops.
            await outbox.MarkSentAsync(message.Id, providerId, CancellationToken.None);
            logger.LogInformation("Email {OutboxId} sent (attempt {Attempt}, provider id {ProviderMessageId})", message.Id, message.Attempts, providerId);
        }
        catch (EmailSendException exception) when (exception.Transient && message.Attempts < settings.MaxAttempts)
        {
            var delay = settings.RetryDelay(message.Attempts);
            await outbox.MarkRetryAsync(message.Id, exception.Message, delay, CancellationToken.None);
            logger.LogWarning("Email {OutboxId} attempt {Attempt} failed, retrying in {RetryDelay}: {Error}", message.Id, message.Attempts, delay, exception.Message);
        }
        catch (EmailSendException exception)
        {
            await outbox.MarkFailedAsync(message.Id, exception.Message, CancellationToken.None);
            logger.LogError("Email delivery failed for {OutboxId} after {Attempt} attempts: {Error}", message.Id, message.Attempts, exception.Message);
        }
    }
}
