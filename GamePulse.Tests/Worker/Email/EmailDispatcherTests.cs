using GamePulse.Data.Accounts;
using GamePulse.Tests.Support;
using GamePulse.Worker.Email;
using LinqToDB.Async;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.Worker.Email;

[TestClass]
public sealed class EmailDispatcherTests : IAsyncDisposable
{
    private static LocalSes ses = null!;
    private TestDatabase database = null!;

    [ClassInitialize]
    public static async Task StartSes(TestContext context)
    {
        // The default AWS credential chain reads these first; the local SES server accepts any signed request.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        ses = await LocalSes.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopSes() => await ses.DisposeAsync();

    [TestInitialize]
    public async Task CreateDatabase()
    {
        database = await TestDatabase.CreateAsync();
        await ses.ClearAsync();
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    internal static EmailDispatchOptions FastRetries(int maxAttempts = 8) => new()
    {
        MaxAttempts = maxAttempts,
        FirstRetryDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
        SweepInterval = TimeSpan.FromMinutes(10),
    };

    internal static (EmailDispatcher Dispatcher, SesEmailTransport Transport) Dispatcher(TestDatabase database, Uri endpoint, EmailDispatchOptions? dispatch = null)
    {
        var transport = new SesEmailTransport(Options.Create(new SesOptions
        {
            Region = "eu-west-1",
            FromAddress = "GamePulse <no-reply@gamepulse.test>",
            EndpointUrl = endpoint.ToString(),
            ConfigurationSet = "gamepulse-tests",
        }));
        var dispatcher = new EmailDispatcher(database.Databases, new EmailOutboxRepository(database.Databases), transport, Options.Create(dispatch ?? FastRetries()), NullLogger<EmailDispatcher>.Instance);
        return (dispatcher, transport);
    }

    private Task<long> EnqueueAsync(string to, string subject = "Your GamePulse sign-in link") => database.ScalarAsync<long>(
        "INSERT INTO email_outbox (to_address, subject, text_body, html_body) VALUES (@to, @subject, 'Plain text part', '<p>HTML part</p>') RETURNING id",
        new { to, subject });

    private async Task<EmailOutboxRow> RowAsync(long id)
    {
        await using var db = database.Databases.Open();
        return await db.EmailOutbox.SingleAsync(o => o.Id == id);
    }

    [TestMethod]
    public async Task A_reply_lost_after_ses_accepted_means_a_second_copy_of_the_same_message_at_least_once()
    {
        // SES v2 SendEmail has no idempotency token: when the reply is lost the Worker cannot know the message went out,
        // so it sends again. docs/accounts.md promises at-least-once, and the copy is the same row: the same single-use
        // link and code, so a second email never means a second way in.
        var id = await EnqueueAsync("twice@example.com");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, FaultySes.CutReply);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint);
        using var _ = transport;

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await RowAsync(id);
        var emails = await ses.EmailsToAsync("twice@example.com");
        Assert.AreEqual("sent", row.Status, row.LastError);
        Assert.AreEqual(2, row.Attempts, "the lost reply counted as a failed attempt");
        Assert.HasCount(2, emails, "SES accepted both attempts");
        Assert.AreEqual(emails[0].Body.Text, emails[1].Body.Text, "both copies carry the same text (the same link and code)");
    }

    [TestMethod]
    public async Task Sends_a_message_with_both_parts_through_the_ses_v2_api()
    {
        var id = await EnqueueAsync("reader@example.com");
        var (dispatcher, transport) = Dispatcher(database, ses.Endpoint);
        using var _ = transport;

        var attempted = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.AreEqual(1, attempted, "messages attempted");
        var email = (await ses.EmailsToAsync("reader@example.com")).Single();
        Assert.AreEqual("Your GamePulse sign-in link", email.Subject, "subject");
        Assert.AreEqual("Plain text part", email.Body.Text, "text part");
        Assert.AreEqual("<p>HTML part</p>", email.Body.Html, "HTML part");
        StringAssert.Contains(email.From, "no-reply@gamepulse.test");
        var row = await RowAsync(id);
        Assert.AreEqual("sent", row.Status, "status");
        Assert.AreEqual(email.MessageId, row.ProviderMessageId, "provider message id");
        Assert.AreEqual(0, await dispatcher.DispatchDueAsync(CancellationToken.None), "a sent message is not sent again");
    }

    [TestMethod]
    public async Task Requests_are_signed_with_sigv4_for_ses_in_the_configured_region()
    {
        await EnqueueAsync("signed@example.com");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint);
        using var _ = transport;

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var authorization = proxy.Authorizations.Single();
        StringAssert.StartsWith(authorization, "AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST/");
        StringAssert.Contains(authorization, "/eu-west-1/ses/aws4_request");
        StringAssert.Contains(authorization, "Signature=");
    }

    [TestMethod]
    public async Task Retries_after_a_server_error_and_throttling_then_sends_once()
    {
        var id = await EnqueueAsync("patient@example.com");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, 500, 429);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint);
        using var _ = transport;

        // With no retry delay the retries come due at once, inside the same dispatch run.
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.HasCount(3, proxy.Authorizations, "500, then 429, then accepted");
        Assert.AreEqual("sent", row.Status, row.LastError);
        Assert.AreEqual(3, row.Attempts, "attempts");
        Assert.HasCount(1, await ses.EmailsToAsync("patient@example.com"), "emails stored by SES");
    }

    [TestMethod]
    public async Task Backs_off_before_retrying()
    {
        var id = await EnqueueAsync("later@example.com");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, 503);
        var options = FastRetries();
        options.FirstRetryDelay = TimeSpan.FromMinutes(1);
        options.MaxRetryDelay = TimeSpan.FromMinutes(15);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint, options);
        using var _ = transport;

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var retried = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.AreEqual(0, retried, "the retry is not due yet");
        Assert.IsTrue(await database.ScalarAsync<bool>("SELECT next_attempt_at > now() + interval '40 seconds' FROM email_outbox WHERE id = @id", new { id }), "next attempt about a minute away");
        Assert.AreEqual(2.0 * 60, options.RetryDelay(2).TotalSeconds, 2 * 60 * 0.21, "the second retry waits about twice as long");
    }

    [TestMethod]
    public async Task A_message_that_keeps_failing_is_marked_failed_with_its_last_error()
    {
        var id = await EnqueueAsync("unlucky@example.com");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, 500, 500, 500, 500);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint, FastRetries(maxAttempts: 3));
        using var _ = transport;

        for (var i = 0; i < 5; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        var row = await RowAsync(id);
        Assert.AreEqual("failed", row.Status, "status");
        Assert.AreEqual(3, row.Attempts, "attempts");
        StringAssert.Contains(row.LastError, "SES answered 500");
        Assert.IsEmpty(await ses.EmailsToAsync("unlucky@example.com"), "emails stored by SES");
    }

    [TestMethod]
    public async Task A_refused_message_fails_at_once()
    {
        var id = await database.ScalarAsync<long>(
            "INSERT INTO email_outbox (to_address, subject, text_body, html_body) VALUES ('not an address', 's', 't', 'h') RETURNING id");
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, 400);
        var (dispatcher, transport) = Dispatcher(database, proxy.Endpoint);
        using var _ = transport;

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.AreEqual("failed", row.Status, "status");
        Assert.AreEqual(1, row.Attempts, "attempts");
        StringAssert.Contains(row.LastError, "400");
        StringAssert.Contains(row.LastError, "not verified");
        Assert.IsFalse(row.LastError!.Contains("refused@example.com", StringComparison.Ordinal), "addresses in SES errors are masked");
    }

    [TestMethod]
    public async Task Two_dispatchers_running_at_once_send_each_message_exactly_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await EnqueueAsync($"crowd{i}@example.com", $"Message {i}"));
        }

        var options = FastRetries();
        options.BatchSize = 3;
        var (first, firstTransport) = Dispatcher(database, ses.Endpoint, options);
        var (second, secondTransport) = Dispatcher(database, ses.Endpoint, options);
        using var a = firstTransport;
        using var b = secondTransport;

        var counts = await Task.WhenAll(first.DispatchDueAsync(CancellationToken.None), second.DispatchDueAsync(CancellationToken.None));

        Assert.AreEqual(40, counts.Sum(), "messages attempted by both dispatchers");
        var emails = await ses.EmailsAsync();
        Assert.HasCount(40, emails, "emails stored by SES");
        Assert.HasCount(40, emails.Select(e => e.Subject).Distinct(), "distinct messages stored by SES");
        Assert.AreEqual(40L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE status = 'sent' AND attempts = 1"), "rows sent at the first attempt");
    }

    [TestMethod]
    public async Task A_message_whose_dispatcher_died_is_claimed_again_after_its_lease()
    {
        var id = await EnqueueAsync("orphan@example.com");
        var outbox = new EmailOutboxRepository(database.Databases);
        await using (var db = database.Databases.Open())
        {
            // A dispatcher claims the message, then dies before it records any outcome.
            Assert.HasCount(1, await outbox.ClaimDueAsync(db, 10, TimeSpan.FromMinutes(2)), "messages claimed");
        }

        await using (var db = database.Databases.Open())
        {
            Assert.IsEmpty(await outbox.ClaimDueAsync(db, 10, TimeSpan.FromMinutes(2)), "a leased message is not claimed twice");
        }

        await database.ExecuteAsync("UPDATE email_outbox SET locked_until = now() - interval '1 second' WHERE id = @id", new { id });
        var (dispatcher, transport) = Dispatcher(database, ses.Endpoint);
        using var _ = transport;
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.AreEqual("sent", (await RowAsync(id)).Status, "status");
        Assert.HasCount(1, await ses.EmailsToAsync("orphan@example.com"), "emails stored by SES");
    }
}
