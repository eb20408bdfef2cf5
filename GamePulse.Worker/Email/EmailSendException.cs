namespace GamePulse.Worker.Email;

/// <summary>A refused send. Transient ones (throttling, 5xx, network) are retried; others fail the message at once.</summary>
public sealed class EmailSendException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
