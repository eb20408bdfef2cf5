using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Caching;

/// <summary>
/// With the output cache off (as for signed-in visitors, whose pages it never keeps), a league-day's games are still
/// read once and shared, until the Worker's NOTIFY names that league or the safety lifetime passes.
/// </summary>
[TestClass]
public sealed class LeagueDayCacheTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";

    private static async Task<SiteTestHost> StartAsync(bool shareData = true)
    {
        var site = await SiteTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["PageCache:Enabled"] = "false",
            ["PageCache:DataEnabled"] = shareData ? "true" : "false",
            ["PageCache:ServerSafetySeconds"] = "60",
        });
        site.Client(); // builds the host, which starts the listener
        await site.Factory.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return site;
    }

    private static async Task<string> HomeScoreAsync(SiteTestHost site)
    {
        var (_, page) = await site.GetPageAsync(Day);
        return page.QuerySelector($"[data-game-id='{site.Day.FinalId}'] [data-testid='game-card-home-score']")!.TextContent;
    }

    private static Task ChangeScoreQuietlyAsync(SiteTestHost site, int score) =>
        site.Database.ExecuteAsync("UPDATE games SET home_score = @score, updated_at = now() WHERE id = @id", new { score, id = site.Day.FinalId });

    [TestMethod]
    public async Task A_day_is_shared_until_a_NOTIFY_names_its_league()
    {
        await using var site = await StartAsync();
        Assert.AreEqual("58", await HomeScoreAsync(site));
        await ChangeScoreQuietlyAsync(site, 61);

        Assert.AreEqual("58", await HomeScoreAsync(site), "rendered again from the shared games, not re-read");

        await site.NotifyAndWaitAsync("womens-college-basketball:2025-03-08");
        Assert.AreEqual("58", await HomeScoreAsync(site), "another league's change keeps this day");

        // Any date of the league drops all its days: a new date with games changes its neighbours' previous/next links.
        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-11");
        Assert.AreEqual("61", await HomeScoreAsync(site), "read afresh after the league's NOTIFY");
    }

    [TestMethod]
    public async Task A_lost_listener_connection_drops_every_day()
    {
        await using var site = await StartAsync();
        Assert.AreEqual("58", await HomeScoreAsync(site));
        await ChangeScoreQuietlyAsync(site, 62);

        await site.NotifyAndWaitAsync("site"); // what the listener evicts after reconnecting

        Assert.AreEqual("62", await HomeScoreAsync(site));
    }

    [TestMethod]
    public async Task A_shared_day_expires_after_the_safety_lifetime_without_any_NOTIFY()
    {
        await using var site = await StartAsync();
        Assert.AreEqual("58", await HomeScoreAsync(site));
        await ChangeScoreQuietlyAsync(site, 63);
        site.Factory.Clock.Now += TimeSpan.FromSeconds(59);
        Assert.AreEqual("58", await HomeScoreAsync(site));

        site.Factory.Clock.Now += TimeSpan.FromSeconds(2);

        Assert.AreEqual("63", await HomeScoreAsync(site));
    }

    [TestMethod]
    public async Task With_sharing_off_every_render_reads_the_database()
    {
        await using var site = await StartAsync(shareData: false);
        Assert.AreEqual("58", await HomeScoreAsync(site));

        await ChangeScoreQuietlyAsync(site, 64);

        Assert.AreEqual("64", await HomeScoreAsync(site));
    }

    [TestMethod]
    public async Task Polls_of_a_shared_day_see_a_NOTIFYd_change()
    {
        await using var site = await StartAsync();
        var client = site.Client();
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        var first = await client.GetStringAsync(Day);
        await ChangeScoreQuietlyAsync(site, 65);
        Assert.AreEqual(first, await client.GetStringAsync(Day), "same shared games, same fragment");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-08");

        StringAssert.Contains(await client.GetStringAsync(Day), "data-testid=\"game-card-home-score\">65<");
    }
}
