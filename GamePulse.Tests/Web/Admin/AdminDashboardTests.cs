using System.Net;
using AngleSharp.Html.Dom;
using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Admin;

[TestClass]
public sealed class AdminDashboardTests : IAsyncDisposable
{
    private TestDatabase database = null!;
    private AccountSite site = null!;
    private SiteBrowser browser = null!;

    [TestInitialize]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync();
        site = new AccountSite(database.ConnectionString);
        browser = site.Browser();
        await AdminSignIn.SignInAsync(database, browser, AccountSite.AdminEmail);
    }

    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static List<(string League, string Outcome)> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=admin-runs-row]").Select(r => (r.GetAttribute("data-league")!, r.GetAttribute("data-outcome")!))];

    [TestMethod]
    public async Task Runs_are_filtered_by_league_and_outcome_newest_first_with_counts_and_duration()
    {
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(30));
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Failed, TimeSpan.FromMinutes(20), error: "ESPN answered 503");
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Failed, TimeSpan.FromMinutes(10), durationMs: 1234, error: "timed out");
        var newest = await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Partial, TimeSpan.FromMinutes(5));

        var (_, all) = await browser.GetAsync("/admin");
        var (response, womensFailed) = await browser.GetAsync("/admin?league=womens&outcome=failed");
        var (_, mens) = await browser.GetAsync("/admin?league=mens");
        var (_, failed) = await browser.GetAsync("/admin?outcome=failed&league=");

        CollectionAssert.AreEqual(new[] { ("womens", "partial"), ("womens", "failed"), ("mens", "failed"), ("mens", "succeeded") }, Rows(all));
        Assert.AreEqual(newest.ToString(System.Globalization.CultureInfo.InvariantCulture), all.QuerySelector("[data-testid=admin-runs-row]")!.GetAttribute("data-run-id"));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.ContainsSingle(womensFailed.QuerySelectorAll("[data-testid=admin-runs-row]"));
        Assert.AreEqual("1234 ms", row.QuerySelector("[data-testid=admin-runs-duration]")!.TextContent);
        StringAssert.Contains(row.TextContent, "timed out");
        Assert.AreEqual("womens", (womensFailed.QuerySelector("[data-testid=admin-filter-league]") as IHtmlSelectElement)!.Value, "the form shows the filter in use");
        Assert.AreEqual("failed", (womensFailed.QuerySelector("[data-testid=admin-filter-outcome]") as IHtmlSelectElement)!.Value);
        CollectionAssert.AreEqual(new[] { ("mens", "failed"), ("mens", "succeeded") }, Rows(mens));
        CollectionAssert.AreEqual(new[] { ("womens", "failed"), ("mens", "failed") }, Rows(failed));
    }

    [TestMethod]
    public async Task Summary_batches_are_listed_newest_first_beside_the_ingest_runs_and_never_among_them()
    {
        var (_, before) = await browser.GetAsync("/admin");
        Assert.IsNotNull(before.QuerySelector("[data-testid=admin-summary-runs-empty]"), "no batch yet: the section says so");
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(3));
        var summaries = new GamePulse.Data.Games.Detail.SummaryFetchRepository(database.Databases);
        var started = DateTimeOffset.UtcNow.AddMinutes(-2);
        await summaries.RecordRunAsync(new() { StartedAt = started, FinishedAt = started.AddSeconds(4), Due = 12, Requested = 12, Changed = 9, Unchanged = 3, RowsWritten = 812, DurationMs = 4012, Outcome = "succeeded" });
        await summaries.RecordRunAsync(new() { StartedAt = started.AddMinutes(1), FinishedAt = started.AddMinutes(1).AddSeconds(9), Due = 55, Requested = 40, Changed = 30, Unchanged = 8, Failed = 2, Deferred = 15, RowsWritten = 1500, DurationMs = 9120, Outcome = "partial", Error = "2 summaries failed: ESPN answered 503" });

        var (response, page) = await browser.GetAsync("/admin");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "status");
        var rows = page.QuerySelectorAll("[data-testid=admin-summary-runs-row]");
        string[] newestFirst = ["partial", "succeeded"];
        CollectionAssert.AreEqual(newestFirst, rows.Select(r => r.GetAttribute("data-outcome")).ToArray(), "summary batches, newest first");
        Assert.AreEqual("15", rows[0].QuerySelector("[data-testid=admin-summary-runs-deferred]")!.TextContent, "the newest batch's deferred games");
        Assert.AreEqual("9120 ms", rows[0].QuerySelector("[data-testid=admin-summary-runs-duration]")!.TextContent, "its duration");
        Assert.AreEqual("2 summaries failed: ESPN answered 503", rows[0].QuerySelector("[data-testid=admin-summary-runs-error]")!.TextContent, "its error");
        CollectionAssert.AreEqual(new[] { ("mens", "succeeded") }, Rows(page), "the ingest runs table lists the scoreboard run only");
        Assert.AreEqual("1 runs match; page 1 of 1.", page.QuerySelector("[data-testid=admin-runs-total]")!.TextContent, "summary batches are not counted as ingest runs");
        Assert.IsNull(page.QuerySelector("[data-testid=admin-summary-runs-empty]"), "no empty note once batches exist");
    }

    [TestMethod]
    [DataRow("/admin?league=nba", "Unknown league \"nba\": use one of mens, womens.")]
    [DataRow("/admin?outcome=ok", "Unknown outcome \"ok\": use one of succeeded, partial, failed.")]
    [DataRow("/admin?page=0", "Page must be a whole number from 1 to 10000.")]
    [DataRow("/admin?page=two", "Page must be a whole number from 1 to 10000.")]
    [DataRow("/admin?page=-1", "Page must be a whole number from 1 to 10000.")]
    [DataRow("/admin?page=99999999999", "Page must be a whole number from 1 to 10000.")]
    [DataRow("/admin?league=mens&league=womens", "Give \"league\" at most once.")]
    [DataRow("/admin?league=%27%3B%20DROP%20TABLE%20ingest_runs%3B--", "Unknown league \"'; DROP TABLE ingest_runs;--\": use one of mens, womens.")]
    public async Task Bad_filters_get_a_400_that_says_what_is_wrong(string url, string message)
    {
        await database.RecordFreshRunsAsync();

        var (response, page) = await browser.GetAsync(url);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(message, Assert.ContainsSingle(page.QuerySelectorAll("[data-testid=admin-filter-error]")).TextContent);
        Assert.IsNull(page.QuerySelector("[data-testid=admin-runs-table]"));
        Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM ingest_runs"));
    }

    [TestMethod]
    public async Task Runs_are_paged_fifty_at_a_time_and_the_pager_keeps_the_filter()
    {
        for (var i = 0; i < 53; i++)
        {
            await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(100 - i));
        }

        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(1));

        var (_, first) = await browser.GetAsync("/admin?league=mens");
        var older = first.QuerySelector("[data-testid=admin-runs-older]")!.GetAttribute("href")!;
        var (_, second) = await browser.GetAsync(older);

        Assert.HasCount(50, first.QuerySelectorAll("[data-testid=admin-runs-row]"));
        Assert.IsNull(first.QuerySelector("[data-testid=admin-runs-newer]"));
        Assert.AreEqual("/admin?league=mens&page=2", older);
        Assert.HasCount(3, second.QuerySelectorAll("[data-testid=admin-runs-row]"));
        Assert.AreEqual("/admin?league=mens", second.QuerySelector("[data-testid=admin-runs-newer]")!.GetAttribute("href"));
        Assert.IsNull(second.QuerySelector("[data-testid=admin-runs-older]"));
        StringAssert.Contains(second.QuerySelector("[data-testid=admin-runs-total]")!.TextContent, "53 runs match; page 2 of 2");
        var beyond = await browser.GetAsync("/admin?league=mens&page=7");
        Assert.AreEqual(HttpStatusCode.OK, beyond.Response.StatusCode);
        Assert.IsNotNull(beyond.Document.QuerySelector("[data-testid=admin-runs-empty]"));
    }

    [TestMethod]
    public async Task The_outbox_shows_counts_and_failed_messages_with_masked_addresses_and_no_bodies()
    {
        await database.FailedEmailAsync("jane.doe@example.com", "SES answered 400: MessageRejected", "4bf92f3577b34da6a3ce929d0e0e4736");
        await database.FailedEmailAsync("x@example.org", "SES answered 500 (attempt 8)");

        var (_, page) = await browser.GetAsync("/admin");
        var html = page.DocumentElement.OuterHtml;

        // The admin's own sign-in message was sent to the outbox (pending: no Worker runs here).
        Assert.AreEqual("1", page.QuerySelector("[data-testid=admin-outbox-pending]")!.TextContent);
        Assert.AreEqual("2", page.QuerySelector("[data-testid=admin-outbox-failed]")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=admin-outbox-failed-row]");
        Assert.HasCount(2, rows);
        Assert.AreEqual("x***@example.org", rows[0].QuerySelector("[data-testid=admin-outbox-failed-to]")!.TextContent);
        Assert.AreEqual("j***@example.com", rows[1].QuerySelector("[data-testid=admin-outbox-failed-to]")!.TextContent);
        Assert.AreEqual("SES answered 400: MessageRejected", rows[1].QuerySelector("[data-testid=admin-outbox-failed-error]")!.TextContent);
        Assert.DoesNotContain("jane.doe", html);
        Assert.DoesNotContain("secret-token-in-body", html);
        Assert.DoesNotContain(AccountSite.AdminEmail, html, "not even the admin's own pending message");
        var trace = rows[1].QuerySelector("[data-testid=admin-outbox-failed-trace]")!.GetAttribute("href")!;
        StringAssert.Contains(trace, LogsInsightsLinkTests.Encoded("\"4bf92f3577b34da6a3ce929d0e0e4736\""));
        Assert.IsNull(rows[0].QuerySelector("[data-testid=admin-outbox-failed-trace]"), "no trace id, no link");
    }

    [TestMethod]
    public async Task Freshness_per_league_says_fresh_stale_or_never()
    {
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(3));
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Failed, TimeSpan.FromMinutes(1));

        var (_, page) = await browser.GetAsync("/admin");

        var states = page.QuerySelectorAll("[data-testid=admin-freshness-row]").ToDictionary(r => r.GetAttribute("data-league")!, r => r.GetAttribute("data-state"));
        Assert.AreEqual("fresh", states["mens"]);
        Assert.AreEqual("never", states["womens"]);

        await database.ExecuteAsync("UPDATE ingest_runs SET finished_at = finished_at - interval '2 hours' WHERE outcome = 'succeeded'");
        var (_, later) = await browser.GetAsync("/admin");
        Assert.AreEqual("stale", later.QuerySelector("[data-testid=admin-freshness-row][data-league=mens]")!.GetAttribute("data-state"));
    }

    [TestMethod]
    public async Task Logs_links_open_the_saved_queries_on_the_configured_log_groups()
    {
        var (_, page) = await browser.GetAsync("/admin");

        var links = page.QuerySelectorAll("[data-testid=admin-logs-link]").ToDictionary(a => a.GetAttribute("data-query")!, a => a.GetAttribute("href")!);
        string[] expected = ["Worker errors", "Ingest runs by league and date", "Slow requests", "Email delivery failures", "nginx 5xx"];
        CollectionAssert.AreEquivalent(
            expected, links.Keys.ToArray());
        Assert.StartsWith("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(", links["Worker errors"]);
        Assert.EndsWith("~source~(~'*2fgamepulse*2fworker))", links["Worker errors"]);
        Assert.EndsWith("~source~(~'*2fgamepulse*2fworker~'*2fgamepulse*2fweb))", links["Email delivery failures"]);
        Assert.EndsWith("~source~(~'*2fgamepulse*2fnginx))", links["nginx 5xx"]);
    }
}
