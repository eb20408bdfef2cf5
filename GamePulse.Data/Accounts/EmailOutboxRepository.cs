using System.Globalization;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>An outbox message claimed for sending; Attempts already counts this attempt.</summary>
public sealed record OutboxMessage
{
    [Column("id")]
    public long Id { get; init; }

    [Column("to_address")]
    public required string ToAddress { get; init; }

    [Column("subject")]
    public required string Subject { get; init; }

    [Column("text_body")]
    public required string TextBody { get; init; }

    [Column("html_body")]
    public required string HtmlBody { get; init; }

    [Column("attempts")]
    public int Attempts { get; init; }

    [Column("trace_id")]
    public string? TraceId { get; init; }
}

public sealed partial class EmailOutboxRepository(GamePulseDbFactory databases)
{
    /// <summary>The channel that wakes the Worker's dispatcher; the payload is the new message's id.</summary>
    public const string EmailChannel = "gamepulse_email";

    /// <summary>Sent messages hold sign-in codes, so they go soon; failed ones are kept longer to investigate.</summary>
    private static readonly TimeSpan SentKeptFor = TimeSpan.FromDays(7);
    private static readonly TimeSpan FailedKeptFor = TimeSpan.FromDays(30);

    /// <summary>
    /// Queues a message in the caller's unit of work and wakes the Worker's dispatcher: PostgreSQL delivers the
    /// notification when that transaction commits, so the dispatcher never looks for a row it cannot see yet.
    /// </summary>
    public async Task<long> EnqueueAsync(GamePulseDb db, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var id = await db.EmailOutbox.InsertWithInt64IdentityAsync(() => new EmailOutboxRow
        {
            ToAddress = email.ToAddress,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            TraceId = email.TraceId,
        }, cancellationToken);
        // Raw SQL: pg_notify is a function call with a side effect, not a query over a table.
        await db.ExecuteAsync("SELECT pg_notify(@channel, @payload)",
            new { channel = EmailChannel, payload = id.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        return id;
    }

    /// <summary>
    /// Claims due messages for this dispatcher: pending ones whose time has come, and "sending" ones whose lease ran
    /// out (their dispatcher died). SKIP LOCKED plus the status change mean two dispatchers never claim one message.
    /// One statement, so the claim commits on its own unless the caller holds a transaction.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(GamePulseDb db, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        // Raw SQL: an UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) … RETURNING claim, which LINQ cannot say.
        var rows = await db.QueryToListAsync<OutboxMessage>("""
            UPDATE email_outbox o
            SET status = 'sending', attempts = o.attempts + 1, locked_until = now() + @lease
            FROM (
                SELECT id FROM email_outbox
                WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
                ORDER BY next_attempt_at, id
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.to_address, o.subject, o.text_body, o.html_body, o.attempts, o.trace_id
            """, new { batchSize, lease }, cancellationToken);
        return [.. rows.OrderBy(r => r.Id)];
    }

    public Task MarkSentAsync(GamePulseDb db, long id, string? providerMessageId, CancellationToken cancellationToken = default) =>
        db.EmailOutbox.Where(o => o.Id == id)
            .Set(o => o.Status, OutboxStatus.Sent)
            .Set(o => o.SentAt, () => Sql.CurrentTzTimestamp)
            .Set(o => o.ProviderMessageId, providerMessageId)
            .Set(o => o.LockedUntil, (DateTimeOffset?)null)
            .Set(o => o.LastError, (string?)null)
            .UpdateAsync(cancellationToken);

    public Task MarkRetryAsync(GamePulseDb db, long id, string error, TimeSpan delay, CancellationToken cancellationToken = default) =>
        db.EmailOutbox.Where(o => o.Id == id)
            .Set(o => o.Status, OutboxStatus.Pending)
            .Set(o => o.NextAttemptAt, () => Sql.CurrentTzTimestamp + delay)
            .Set(o => o.LockedUntil, (DateTimeOffset?)null)
            .Set(o => o.LastError, error)
            .UpdateAsync(cancellationToken);

    public Task MarkFailedAsync(GamePulseDb db, long id, string error, CancellationToken cancellationToken = default) =>
        db.EmailOutbox.Where(o => o.Id == id)
            .Set(o => o.Status, OutboxStatus.Failed)
            .Set(o => o.LockedUntil, (DateTimeOffset?)null)
            .Set(o => o.LastError, error)
            .UpdateAsync(cancellationToken);

    /// <summary>
    /// Every message to an address (the deletion of its account), except one a dispatcher is sending right now: that
    /// one is recorded as sent or failed as usual and goes with the cleanup.
    /// </summary>
    public Task<int> DeleteForAddressAsync(GamePulseDb db, string email, CancellationToken cancellationToken = default) =>
        db.EmailOutbox.DeleteAsync(o => o.ToAddress == email && o.Status != OutboxStatus.Sending, cancellationToken);

    /// <summary>Cleanup: sent messages after a week (they hold sign-in codes), failed ones after 30 days.</summary>
    public Task<int> DeleteOldAsync(GamePulseDb db, CancellationToken cancellationToken = default) =>
        db.EmailOutbox.DeleteAsync(o =>
            (o.Status == OutboxStatus.Sent && o.SentAt < Sql.CurrentTzTimestamp - SentKeptFor)
            || (o.Status == OutboxStatus.Failed && o.CreatedAt < Sql.CurrentTzTimestamp - FailedKeptFor), cancellationToken);
}
