using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Web.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.Web.Outage;

/// <summary>
/// PostgreSQL really stopped (pg_ctl) under the real Web on Kestrel: what the output cache holds keeps being served,
/// everything else is a deliberate 503 with Retry-After and the site's page, for anonymous and signed-in visitors
/// alike, and the NOTIFY listener's reconnect keeps the pages that are still right.
/// </summary>
[TestClass]
public sealed class DatabaseOutageTests
{
    private const string CachedDate = "/mens-college-basketball/scores/2025-03-08";
    private const string OtherDate = "/mens-college-basketball/scores/2025-03-05";
    private static string connectionString = "";
    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;

    [ClassInitialize]
    public static async Task Seed(TestContext context)
    {
        connectionString = await OutagePostgres.CreateDatabaseAsync();
        database = TestDatabase.Over(connectionString + ";Pooling=false"); // the test's own connections outlive no restart
        day = await ScoreboardDay.SeedAsync(database);
    }

    [ClassCleanup]
    public static async Task Cleanup()
    {
        await OutagePostgres.StartAsync();
        await database.DisposeAsync();
    }

    [TestMethod]
    public async Task Cached_pages_keep_being_served_past_their_lifetime_and_uncached_ones_are_a_503_with_retry_after()
    {
        await using var web = await WebAppServer.StartAsync(connectionString, "--PageCache:ServerSafetySeconds=2");
        using var browser = SiteBrowser.Over(web.BaseAddress);
        var (cached, cachedPage) = await browser.GetAsync(CachedDate);
        var token = await browser.AntiforgeryTokenAsync("/account/login");
        Assert.AreEqual(HttpStatusCode.OK, cached.StatusCode, "the page before the outage");

        await OutagePostgres.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // the cached page is now older than its 2 s lifetime
            var (stale, stalePage) = await browser.GetAsync(CachedDate);
            var (uncached, uncachedPage) = await browser.GetAsync(OtherDate);
            using var login = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "outage@example.com",
                ["__RequestVerificationToken"] = token,
            }));

            Assert.AreEqual(HttpStatusCode.OK, stale.StatusCode, "the cached page is served during the outage");
            Assert.AreEqual(cachedPage.QuerySelector("main")!.TextContent, stalePage.QuerySelector("main")!.TextContent, "the very page that was cached");
            AssertUnavailable(uncached, uncachedPage, "an uncached page");
            AssertUnavailable(login, new HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync()), "the sign-in POST");
        }
        finally
        {
            await OutagePostgres.StartAsync();
        }

        await WaitUntilAsync(async () => (await browser.Http.GetAsync(OtherDate)).StatusCode == HttpStatusCode.OK, "the site recovers by itself");
    }

    [TestMethod]
    public async Task A_signed_in_visitor_whose_session_cannot_be_checked_gets_the_503_page_never_an_empty_500()
    {
        await using var signIn = await WebAppServer.StartAsync(connectionString);
        // A second instance that has never checked this session (its 30 s stamp cache is empty), as after a restart.
        await using var other = await WebAppServer.StartAsync(connectionString);
        var cookies = new CookieContainer();
        using (var browser = SiteBrowser.Over(signIn.BaseAddress, cookies))
        {
            await browser.SignInAsync(database, "outage-member@example.com");
        }

        using var member = SiteBrowser.Over(other.BaseAddress, cookies);
        using (var anonymous = SiteBrowser.Over(other.BaseAddress))
        {
            await anonymous.AntiforgeryTokenAsync("/account/login"); // the other instance has read the key ring
        }

        await OutagePostgres.StopAsync();
        try
        {
            foreach (var path in new[] { "/account", CachedDate, "/" })
            {
                var (response, page) = await member.GetAsync(path);
                AssertUnavailable(response, page, $"signed in, GET {path}");
            }
        }
        finally
        {
            await OutagePostgres.StartAsync();
        }

        await WaitUntilAsync(async () => await member.IsSignedInAsync(), "still signed in once the database is back");
    }

    [TestMethod]
    public async Task A_listener_reconnect_evicts_the_dates_that_changed_while_it_was_away_and_keeps_the_others()
    {
        await using var web = await WebAppServer.StartAsync(connectionString);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        var listener = web.Services.GetRequiredService<GamesNotificationListener>();
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        // The seeded games were all written moments ago; the reconnect below must tell one recent change from the rest.
        await database.ExecuteAsync("UPDATE games SET updated_at = now() - interval '1 hour'");
        foreach (var path in new[] { CachedDate, OtherDate, CachedDate, OtherDate })
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var evicted = new List<string>();
        var reconnected = new TaskCompletionSource();
        listener.Evicted += tag =>
        {
            lock (evicted)
            {
                evicted.Add(tag);
            }

            reconnected.TrySetResult();
        };
        // A score correction on the cached date that no NOTIFY announced (the listener was away), then the listener's
        // connection is cut: it must find the change on reconnect without throwing the other date's page away.
        await database.ExecuteAsync("UPDATE games SET home_score = home_score + 1, updated_at = now() WHERE id = @id", new { id = day.FinalId });
        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%gamepulse_games%'");
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(200); // any further evictions of the same reconnect

        using var changed = await client.GetAsync(CachedDate);
        using var unchanged = await client.GetAsync(OtherDate);

        Assert.IsNull(changed.Headers.Age, "the changed date was re-rendered (no Age: not from the cache)");
        Assert.IsNotNull(unchanged.Headers.Age, $"the unchanged date is still served from the cache; evicted: {string.Join(", ", evicted)}");
    }

    [TestMethod]
    public async Task With_the_database_down_no_route_answers_a_5xx_other_than_the_deliberate_503()
    {
        await using var web = await WebAppServer.StartAsync(connectionString);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        await OutagePostgres.StopAsync();
        var failures = new List<string>();
        try
        {
            foreach (var path in SiteRoutes.All(day))
            {
                foreach (var method in new[] { "GET", "HEAD", "POST" })
                {
                    using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([new("Email", "a@example.com")]) : null });
                    var status = (int)response.StatusCode;
                    var deliberate = response.StatusCode == HttpStatusCode.ServiceUnavailable && (path is "/readyz" || response.Headers.RetryAfter is not null);
                    if (status >= 500 && !deliberate)
                    {
                        failures.Add($"{method} {path}: {status}");
                    }
                }
            }
        }
        finally
        {
            await OutagePostgres.StartAsync();
        }

        Assert.IsEmpty(failures, "only deliberate 503s (with Retry-After) while the database is down\n" + string.Join("\n", failures));
    }

    private static void AssertUnavailable(HttpResponseMessage response, AngleSharp.Html.Dom.IHtmlDocument page, string what)
    {
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode, what);
        Assert.IsNotNull(response.Headers.RetryAfter, $"{what}: Retry-After");
        Assert.IsNotNull(page.QuerySelector("[data-testid=error-heading]"), $"{what}: the site's own page, not an empty body");
        Assert.IsTrue(response.Headers.CacheControl is { NoStore: true }, $"{what}: never cached ({response.Headers.CacheControl})");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not within 20 s");
            }

            await Task.Delay(250);
        }
    }
}
