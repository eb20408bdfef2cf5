using GamePulse.Data.Accounts;

namespace GamePulse.Worker.Email;

/// <summary>Sends one message. The seam between the dispatcher (claims, retries) and a provider (SES).</summary>
public interface IEmailTransport
{
    /// <summary>Returns the provider's message id; throws <see cref="EmailSendException"/> when the provider refuses.</summary>
    Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A refused send. Transient ones (throttling, 5xx, network) are retried; others fail the message at once.</summary>
public sealed class EmailSendException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
