using GamePulse.Data.Accounts;
using GamePulse.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Worker.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.Worker.Email;

[TestClass]
public sealed class EmailTraceIdTests : IAsyncDisposable
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private static LocalSes ses = null!;
    private TestDatabase database = null!;

    [ClassInitialize]
    public static async Task StartSes(TestContext context)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        ses = await LocalSes.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopSes() => await ses.DisposeAsync();

    [TestInitialize]
    public async Task CreateDatabase() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private Task<long> EnqueueAsync(string to, string? traceId) => database.ScalarAsync<long>(
        "INSERT INTO email_outbox (to_address, subject, text_body, html_body, trace_id) VALUES (@to, 'Sign in', 't', '<p>h</p>', @traceId) RETURNING id",
        new { to, traceId });

    /// <summary>Dispatches with the Worker's real JSON logging and returns its events, as CloudWatch would receive them.</summary>
    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> DispatchAsync(Uri endpoint)
    {
        using var stdout = new StdoutCapture();
        using (var logging = LoggerFactory.Create(builder => builder.AddGamePulseLogging(new ConfigurationBuilder().Build(), LogFormat.Json, "worker")))
        {
            using var transport = new SesEmailTransport(Options.Create(new SesOptions { Region = "eu-west-1", FromAddress = "no-reply@gamepulse.test", EndpointUrl = endpoint.ToString() }));
            var dispatcher = new EmailDispatcher(database.Databases, new EmailOutboxRepository(database.Databases), transport, Options.Create(EmailDispatcherTests.FastRetries(maxAttempts: 1)),
                logging.CreateLogger<EmailDispatcher>());
            await dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        return stdout.Events();
    }

    private static string? TraceIdOf(System.Text.Json.JsonElement e) =>
        e.GetProperty("Properties").TryGetProperty("TraceId", out var t) ? t.GetString() : null;

    private static long OutboxIdOf(System.Text.Json.JsonElement e) => e.GetProperty("Properties").GetProperty("OutboxId").GetInt64();

    [TestMethod]
    public async Task The_sent_event_carries_the_trace_id_of_the_request_that_queued_the_message()
    {
        var traced = await EnqueueAsync("traced@example.com", TraceId);
        var untraced = await EnqueueAsync("untraced@example.com", null);

        var events = await DispatchAsync(ses.Endpoint);

        var sent = events.Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Email {OutboxId} sent", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, sent);
        Assert.AreEqual(TraceId, TraceIdOf(sent.Single(e => OutboxIdOf(e) == traced)));
        Assert.IsNull(TraceIdOf(sent.Single(e => OutboxIdOf(e) == untraced)), "no request, no trace id (and not the previous message's)");
    }

    [TestMethod]
    public async Task The_failed_event_carries_it_too()
    {
        var id = await EnqueueAsync("refused@example.com", TraceId);
        await using var proxy = await FaultySes.StartAsync(ses.Endpoint, 400);

        var events = await DispatchAsync(proxy.Endpoint);

        var failed = events.Single(e => e.GetProperty("Level").GetString() == "Error" && OutboxIdOf(e) == id);
        Assert.AreEqual(TraceId, TraceIdOf(failed));
        // The CloudWatch metric filters and saved query in infrastructure/logs.tf select exactly these events.
        Assert.IsTrue(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("email_failed"), failed), $"the email_failed filter on {failed}");
        Assert.IsTrue(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("worker_errors"), failed), $"the worker_errors filter on {failed}");
        Assert.IsTrue(CloudWatchLogFilters.PassesTemplateFilter(GamePulse.Web.Pages.Admin.LogsInsightsLinks.EmailFailuresQuery, failed), "the saved query selects it");
        Assert.IsEmpty(CloudWatchLogFilters.MissingQueryFields(GamePulse.Web.Pages.Admin.LogsInsightsLinks.EmailFailuresQuery, failed), $"fields the saved query shows, missing on {failed}");
        var sent = events.Where(e => e.GetProperty("Level").GetString() != "Error").ToList();
        Assert.IsFalse(sent.Any(e => CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("email_failed"), e)), "nothing else counts as a failed delivery");
        Assert.AreEqual("failed", await database.ScalarAsync<string>("SELECT status FROM email_outbox WHERE id = @id", new { id }));
    }
}
