using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Caching;

/// <summary>Pages are served from the output cache until the Worker's NOTIFY names their league and date.</summary>
[TestClass]
public sealed class OutputCacheTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        site.Client(); // builds the host, which starts the listener
        await site.Factory.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<string> HomeScoreAsync(string path = Day)
    {
        var (_, page) = await site.GetPageAsync(path);
        return page.QuerySelector($"[data-game-id='{site.Day.FinalId}'] [data-testid='game-card-home-score']")!.TextContent;
    }

    [TestMethod]
    public async Task A_cached_page_is_served_until_a_NOTIFY_for_its_league_and_date_evicts_it()
    {
        Assert.AreEqual("58", await HomeScoreAsync());
        await site.Database.ExecuteAsync("UPDATE games SET home_score = 61, updated_at = now() WHERE id = @id", new { id = site.Day.FinalId });

        Assert.AreEqual("58", await HomeScoreAsync(), "served from the output cache");

        await site.NotifyAndWaitAsync("womens-college-basketball:2025-03-08");
        Assert.AreEqual("58", await HomeScoreAsync(), "another league's change leaves this page cached");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-08");
        Assert.AreEqual("61", await HomeScoreAsync(), "evicted by the NOTIFY and rendered afresh");
    }

    [TestMethod]
    public async Task Fingerprinted_static_files_are_cached_for_a_year()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores/2025-03-05");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var js = page.QuerySelector("script[src]")!;
        StringAssert.Contains(css, "?v=");
        Assert.IsTrue(js.HasAttribute("defer"));
        StringAssert.StartsWith(js.GetAttribute("src")!, "/lib/htmx/htmx.min.js?v=");

        var response = await site.Client().GetAsync(css);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }
}
