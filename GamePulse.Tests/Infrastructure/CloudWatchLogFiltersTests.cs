using System.Net;
using System.Text.Json;
using GamePulse.Tests.Support;
using GamePulse.Web.Pages.Admin;

namespace GamePulse.Tests.Infrastructure;

/// <summary>
/// The CloudWatch metric filters and saved queries of infrastructure/logs.tf against the Web's real JSON lines (the real
/// host on Kestrel, its stdout as docker's awslogs driver ships it). The Worker's own lines are checked where they are
/// produced: EmailTraceIdTests (email failures) and IngestionScheduleTests (ingest runs).
/// </summary>
[TestClass]
public sealed class CloudWatchLogFiltersTests
{
    private static JsonElement ok;
    private static JsonElement failed;

    [ClassInitialize]
    public static async Task LogTwoRequests(TestContext context)
    {
        using var stdout = new StdoutCapture();
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var web = await WebAppServer.StartAsync($"Host=127.0.0.1;Port={port};Username=gamepulse;Database=nowhere;Timeout=2");
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        using var healthz = await client.GetAsync(new Uri("/healthz", UriKind.Relative), context.CancellationToken);
        using var readyz = await client.GetAsync(new Uri("/readyz", UriKind.Relative), context.CancellationToken);
        ok = (await stdout.RequestsToAsync("/healthz", 1)).Single().Clone();
        failed = (await stdout.RequestsToAsync("/readyz", 1)).Single().Clone();
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, readyz.StatusCode, "the database is down, so /readyz fails");
    }

    [TestMethod]
    public void The_server_error_filter_counts_a_5xx_request_line_and_not_a_2xx_one()
    {
        // The filter runs on nginx's group; the app's request lines share its shape (Properties.StatusCode as a number).
        var pattern = CloudWatchLogFilters.MetricFilterPattern("nginx_5xx");

        Assert.IsTrue(CloudWatchLogFilters.Matches(pattern, failed), $"{pattern} on {failed}");
        Assert.IsFalse(CloudWatchLogFilters.Matches(pattern, ok), $"{pattern} on {ok}");
    }

    [TestMethod]
    public void The_error_filter_counts_the_5xx_request_line_logged_at_error_level()
    {
        var pattern = CloudWatchLogFilters.MetricFilterPattern("worker_errors");

        Assert.IsTrue(CloudWatchLogFilters.Matches(pattern, failed), $"{pattern} on {failed}");
        Assert.IsFalse(CloudWatchLogFilters.Matches(pattern, ok), $"{pattern} on {ok}");
    }

    [TestMethod]
    public void The_slow_requests_query_selects_request_lines_and_finds_every_field_it_shows()
    {
        foreach (var line in new[] { ok, failed })
        {
            Assert.IsTrue(CloudWatchLogFilters.PassesTemplateFilter(LogsInsightsLinks.SlowRequestsQuery, line), $"MessageTemplate like /^HTTP/ on {line}");
            Assert.IsEmpty(CloudWatchLogFilters.MissingQueryFields(LogsInsightsLinks.SlowRequestsQuery, line), $"fields the query shows, missing on {line}");
            Assert.AreEqual(JsonValueKind.Number, line.GetProperty("Properties").GetProperty("ElapsedMs").ValueKind, "ElapsedMs > 1000 compares a number");
        }
    }

    [TestMethod]
    public void The_patterns_reader_is_not_fooled_by_a_near_miss()
    {
        using var line = JsonDocument.Parse("""{"Level":"Warning","MessageTemplate":"Email delivery failing","Properties":{"StatusCode":"503","Outcome":"failed"}}""");

        Assert.IsFalse(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("worker_errors"), line.RootElement), "Warning is not an error");
        Assert.IsFalse(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("email_failed"), line.RootElement), "the wildcard is anchored");
        Assert.IsFalse(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("nginx_5xx"), line.RootElement), "a status as a string is not a number");
        Assert.IsTrue(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("ingest_failed"), line.RootElement), "Outcome failed");
        Assert.IsFalse(CloudWatchLogFilters.Matches(CloudWatchLogFilters.MetricFilterPattern("ingest_succeeded_total"), line.RootElement), "failed is neither succeeded nor partial");
    }
}
