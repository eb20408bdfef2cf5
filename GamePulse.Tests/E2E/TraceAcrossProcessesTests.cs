using System.Net;
using System.Net.Sockets;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Web.Site;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.E2E;

/// <summary>
/// One trace id from the Web's request log line to the Worker's email event: the real Web on Kestrel, the real Worker
/// host draining the outbox into the local SES server, both logging JSON to stdout as CloudWatch would receive it.
/// </summary>
[TestClass]
public sealed class TraceAcrossProcessesTests
{
    [TestMethod]
    public async Task The_workers_sent_event_has_the_trace_id_of_the_sign_in_request_that_queued_the_email()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        using var stdout = new StdoutCapture();
        await using var database = await TestDatabase.CreateAsync();
        await using var ses = await LocalSes.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        await using var web = WebHost.Build(
        [
            "--environment", "Development", // cookies without Secure, so a plain-HTTP client keeps them
            "--applicationName", "GamePulse.Web",
            "--contentRoot", Path.Combine(RepositoryPaths.Root, "GamePulse.Web"),
            "--urls", baseUrl,
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Site:PublicBaseUrl={baseUrl}",
            "--Logging:Format=json", // Development logs text; the test reads what CloudWatch would receive
        ]);
        await web.StartAsync();
        using var worker = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Ses:EndpointUrl={ses.Endpoint}",
            "--Ses:Region=us-east-1",
            "--Ses:FromAddress=GamePulse <no-reply@gamepulse.test>",
            "--Ingestion:ScheduleEnabled=false",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-trace-{Environment.ProcessId}.heartbeat")}",
        ]).Build();
        await worker.StartAsync();
        try
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var browser = new SiteBrowser(new HttpClient(handler) { BaseAddress = new Uri(baseUrl) });

            using var response = await browser.RequestLinkAsync("traced@example.com");
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
            var outboxId = await database.ScalarAsync<long>("SELECT id FROM email_outbox WHERE to_address = 'traced@example.com'");
            await WaitUntilSentAsync(database, outboxId);

            var events = stdout.Events();
            var request = events.Single(e => e.GetProperty("MessageTemplate").GetString() == GamePulse.Web.Observability.RequestLog.MessageTemplate
                && e.GetProperty("Properties").GetProperty("Method").GetString() == "POST"
                && e.GetProperty("Properties").GetProperty("Path").GetString() == "/account/login");
            var sent = events.Single(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Email {OutboxId} sent", StringComparison.Ordinal)
                && e.GetProperty("Properties").GetProperty("OutboxId").GetInt64() == outboxId);
            var traceId = request.GetProperty("Properties").GetProperty("TraceId").GetString();
            Assert.MatchesRegex("^[0-9a-f]{32}$", traceId);
            Assert.AreEqual("web", request.GetProperty("Properties").GetProperty("service").GetString());
            Assert.AreEqual("worker", sent.GetProperty("Properties").GetProperty("service").GetString());
            Assert.AreEqual(traceId, sent.GetProperty("Properties").GetProperty("TraceId").GetString());
        }
        finally
        {
            await worker.StopAsync();
            await web.StopAsync();
        }
    }

    private static async Task WaitUntilSentAsync(TestDatabase database, long id)
    {
        // The dispatcher wakes on the NOTIFY of the insert; the deadline only bounds a broken run.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await database.ScalarAsync<string>("SELECT status FROM email_outbox WHERE id = @id", new { id }) != "sent")
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "the Worker did not send the message within 30 s");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
