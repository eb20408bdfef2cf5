using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>The states of an outbox message: waiting, claimed by a dispatcher (under a lease), sent, or given up.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>The email_outbox table as stored: what the Web queued and how the Worker's sending of it went.</summary>
[Table("email_outbox")]
public sealed record EmailOutboxRow
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("to_address")]
    public required string ToAddress { get; init; }

    [Column("subject")]
    public required string Subject { get; init; }

    [Column("text_body")]
    public required string TextBody { get; init; }

    [Column("html_body")]
    public required string HtmlBody { get; init; }

    [Column("status", CanBeNull = false)]
    public string Status { get; init; } = OutboxStatus.Pending;

    [Column("attempts")]
    public short Attempts { get; init; }

    [Column("next_attempt_at")]
    public DateTimeOffset NextAttemptAt { get; init; }

    [Column("locked_until")]
    public DateTimeOffset? LockedUntil { get; init; }

    [Column("last_error")]
    public string? LastError { get; init; }

    [Column("sent_at")]
    public DateTimeOffset? SentAt { get; init; }

    [Column("provider_message_id")]
    public string? ProviderMessageId { get; init; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [Column("trace_id")]
    public string? TraceId { get; init; }
}
