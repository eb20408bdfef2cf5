using System.Net;
using GamePulse.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Web.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace GamePulse.Tests.Web.Observability;

[TestClass]
public sealed class RequestLoggingTests
{
    [TestMethod]
    public async Task Each_request_writes_one_json_line_with_method_path_status_duration_and_trace_id()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync());
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        var homeLine = Assert.ContainsSingle(stdout.RequestsTo("/"));
        var properties = homeLine.GetProperty("Properties");
        Assert.AreEqual("Information", homeLine.GetProperty("Level").GetString());
        Assert.AreEqual("GET", properties.GetProperty("Method").GetString());
        Assert.AreEqual(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.IsGreaterThan(0.0, properties.GetProperty("ElapsedMs").GetDouble());
        Assert.MatchesRegex("^[0-9a-f]{32}$", properties.GetProperty("TraceId").GetString());
        Assert.AreEqual("web", properties.GetProperty("service").GetString());
        StringAssert.StartsWith(homeLine.GetProperty("RenderedMessage").GetString(), "HTTP \"GET\" \"/\" responded 200 in ");

        var missingLine = Assert.ContainsSingle(stdout.RequestsTo("/no/such/page"));
        Assert.AreEqual(404, missingLine.GetProperty("Properties").GetProperty("StatusCode").GetInt32());
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [TestMethod]
    public async Task Server_errors_are_logged_at_error_level_and_the_failed_checks_reason_is_in_the_log()
    {
        using var stdout = new StdoutCapture();
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var web = await WebAppServer.StartAsync($"Host=127.0.0.1;Port={port};Username=gamepulse;Database=nowhere;Timeout=2");
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var line = Assert.ContainsSingle(stdout.RequestsTo("/readyz"));
        Assert.AreEqual("Error", line.GetProperty("Level").GetString());
        Assert.AreEqual(503, line.GetProperty("Properties").GetProperty("StatusCode").GetInt32());
        var traceId = line.GetProperty("Properties").GetProperty("TraceId").GetString();
        var healthEvent = stdout.Events().Single(e => e.GetProperty("RenderedMessage").GetString()!.Contains("Health check \"database\"", StringComparison.Ordinal));
        StringAssert.Contains(healthEvent.GetProperty("Exception").GetString(), "Failed to connect");
        Assert.AreEqual(traceId, healthEvent.GetProperty("Properties").GetProperty("TraceId").GetString(), "events of a request carry its trace id");
    }

    [TestMethod]
    public async Task Query_strings_email_addresses_and_tokens_never_reach_the_log()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress }; // the token's capitals would get a 301 to lower case

        using var withQuery = await client.GetAsync(new Uri("/?token=s3cr3t-query-token&email=fan%40example.com", UriKind.Relative));
        using var withEmail = await client.GetAsync(new Uri("/account/unsubscribe/fan@example.com", UriKind.Relative));
        using var withToken = await client.GetAsync(new Uri("/account/confirm/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg", UriKind.Relative));

        Assert.ContainsSingle(stdout.RequestsTo("/"));
        Assert.ContainsSingle(stdout.RequestsTo("/account/unsubscribe/[email]"));
        Assert.ContainsSingle(stdout.RequestsTo("/account/confirm/[token]"));
        var everything = stdout.Text;
        Assert.DoesNotContain("s3cr3t-query-token", everything);
        Assert.DoesNotContain("example.com", everything);
        Assert.DoesNotContain("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg", everything);
    }

    [TestMethod]
    public async Task The_request_id_nginx_sends_is_logged_beside_the_trace_id()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync());
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        request.Headers.Add("X-Request-Id", "0123456789abcdef0123456789abcdef");

        using var response = await client.SendAsync(request);

        var line = Assert.ContainsSingle(stdout.RequestsTo("/healthz"));
        Assert.AreEqual("0123456789abcdef0123456789abcdef", line.GetProperty("Properties").GetProperty("RequestId").GetString());
    }

    [TestMethod]
    public async Task Development_logs_readable_lines_not_json()
    {
        using var stdout = new StdoutCapture();
        await using var web = await KestrelWeb.StartAsync(await PostgresServer.CreateDatabaseAsync(), "Development", "--Logging:MinimumLevel=Information");
        using var client = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };

        using var response = await client.GetAsync(new Uri("/healthz?token=s3cr3t-query-token", UriKind.Relative));

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!stdout.Text.Contains("HTTP GET /healthz", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var lines = stdout.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = Assert.ContainsSingle(lines.Where(line => line.Contains("HTTP GET /healthz", StringComparison.Ordinal)));
        Assert.MatchesRegex(@"^\[\d\d:\d\d:\d\d INF\] web: HTTP GET /healthz responded 200 in \d+(\.\d)? ms$", request, "time, level, service and the message");
        Assert.IsEmpty(lines.Where(line => line.StartsWith('{')), "no JSON in Development");
        Assert.DoesNotContain("s3cr3t-query-token", stdout.Text, "text logs hide the query string too");
    }

    [TestMethod]
    [DataRow("Production", null, LogFormat.Json)]
    [DataRow("Staging", null, LogFormat.Json)]
    [DataRow("Development", null, LogFormat.Text)]
    [DataRow("Development", "json", LogFormat.Json)]
    [DataRow("Production", "Text", LogFormat.Text)]
    public void The_format_follows_the_environment_unless_Logging_Format_names_one(string environment, string? format, LogFormat expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = format }).Build();

        Assert.AreEqual(expected, GamePulseLogging.FormatFor(configuration, new HostingEnvironment { EnvironmentName = environment }), $"{environment} with Logging:Format={format}");
    }

    [TestMethod]
    public void An_unknown_format_stops_the_start_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = "xml" }).Build();

        var problem = Assert.ThrowsExactly<StartupConfigurationException>(() => GamePulseLogging.FormatFor(configuration, new HostingEnvironment { EnvironmentName = "Production" }));
        Assert.AreEqual("Logging__Format", problem.Setting, "the setting named in the one-line message");
    }

    [TestMethod]
    [DataRow("/mens-college-basketball/scores/2025-03-01", "/mens-college-basketball/scores/2025-03-01")]
    [DataRow("/teams/texas-a-m-corpus-christi-islanders", "/teams/texas-a-m-corpus-christi-islanders")]
    [DataRow("/games/401706512", "/games/401706512")]
    [DataRow("/account/reset/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "/account/reset/[token]")]
    [DataRow("/x/someone@example.org/y", "/x/[email]/y")]
    [DataRow("/x/someone%40example.org/y", "/x/[email]/y")]
    [DataRow("/x/someone%2540example.org/y", "/x/[email]/y")]
    [DataRow("/x/someone%252540EXAMPLE.org", "/x/[email]")]
    public void Logged_paths_keep_slugs_and_ids_but_hide_emails_and_tokens(string path, string expected) =>
        Assert.AreEqual(expected, LoggedPath.From(new Microsoft.AspNetCore.Http.PathString(path)));
}
