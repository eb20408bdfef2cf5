using GamePulse.Data;
using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>
/// Drains the email outbox: claims due messages (never one claimed by another dispatcher), sends each, and records
/// the outcome — sent with the provider's id, retried later with backoff, or failed with its last error.
/// </summary>
public sealed class EmailDispatcher(
    GamePulseDbFactory databases,
    EmailOutboxRepository outbox,
    SesEmailTransport transport,
    IOptions<EmailDispatchOptions> options,
    ILogger<EmailDispatcher> logger)
{
    /// <summary>Sends everything due now; returns how many messages were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // One unit of work per claim, on one connection. No transaction spans a send: the claim commits at once
            // (its lease then protects the messages, also from a dispatcher that dies mid-send), and each outcome
            // commits as soon as it is known.
            await using var db = databases.Open();
            var batch = await outbox.ClaimDueAsync(db, settings.BatchSize, settings.Lease, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await SendOneAsync(db, message, settings, cancellationToken);
            }

            total += batch.Count;
        }

        return total;
    }

    private async Task SendOneAsync(GamePulseDb db, OutboxMessage message, EmailDispatchOptions settings, CancellationToken cancellationToken)
    {
        // The trace id of the Web request that queued the message (null when none did): on every event below, so one
        // Logs Insights query on TraceId finds the request and what the Worker did about it.
        using var scope = message.TraceId is null ? null : logger.BeginScope(new Dictionary<string, object?> { ["TraceId"] = message.TraceId });
        try
        {
            var providerId = await transport.SendAsync(message, cancellationToken);
            // Not cancellable: the message is out, so its row must say so even while the Worker stops.
            await outbox.MarkSentAsync(db, message.Id, providerId, CancellationToken.None);
            logger.LogInformation("Email {OutboxId} sent (attempt {Attempt}, provider id {ProviderMessageId})", message.Id, message.Attempts, providerId);
        }
        catch (EmailSendException exception) when (exception.Transient && message.Attempts < settings.MaxAttempts)
        {
            var delay = settings.RetryDelay(message.Attempts);
            await outbox.MarkRetryAsync(db, message.Id, exception.Message, delay, CancellationToken.None);
            logger.LogWarning("Email {OutboxId} attempt {Attempt} failed, retrying in {RetryDelay}: {Error}", message.Id, message.Attempts, delay, exception.Message);
        }
        catch (EmailSendException exception)
        {
            await outbox.MarkFailedAsync(db, message.Id, exception.Message, CancellationToken.None);
            logger.LogError("Email delivery failed for {OutboxId} after {Attempt} attempts: {Error}", message.Id, message.Attempts, exception.Message);
        }
    }
}
