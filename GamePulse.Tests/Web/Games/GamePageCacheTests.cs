using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Games;

/// <summary>
/// With the output cache off, a game page's data (game, snapshots, Pulse history, detail) is still read once and
/// shared between requests, until the Worker's NOTIFY names the game's league or the safety lifetime passes
/// (GamePageCache, decision 0111); with data sharing off every render reads the database.
/// </summary>
[TestClass]
public sealed class GamePageCacheTests
{
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

    private static string LivePath(SiteTestHost site) => $"/mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08";

    private static async Task<string> HomeScoreAsync(SiteTestHost site, string query = "")
    {
        var (_, page) = await site.GetPageAsync(LivePath(site) + query);
        return page.QuerySelector("[data-testid='game-score-home-value']")!.TextContent;
    }

    private static Task ChangeScoreQuietlyAsync(SiteTestHost site, int score) =>
        site.Database.ExecuteAsync("UPDATE games SET home_score = @score, updated_at = now() WHERE id = @id", new { score, id = site.Day.LiveId });

    [TestMethod]
    public async Task A_game_is_shared_by_every_view_of_its_page_until_a_NOTIFY_names_its_league()
    {
        await using var site = await StartAsync();
        Assert.AreEqual("52", await HomeScoreAsync(site), "first read");
        await ChangeScoreQuietlyAsync(site, 61);

        Assert.AreEqual("52", await HomeScoreAsync(site), "rendered again from the shared data, not re-read");
        Assert.AreEqual("52", await HomeScoreAsync(site, "?sort=pts"), "another view of the page shares the same data");

        await site.NotifyAndWaitAsync("womens-college-basketball:2025-03-08");
        Assert.AreEqual("52", await HomeScoreAsync(site), "another league's change keeps the game");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-08");
        Assert.AreEqual("61", await HomeScoreAsync(site), "read afresh after its league's NOTIFY");
    }

    [TestMethod]
    public async Task A_lost_listener_connection_and_the_safety_lifetime_both_drop_a_shared_game()
    {
        await using var site = await StartAsync();
        Assert.AreEqual("52", await HomeScoreAsync(site), "first read");
        await ChangeScoreQuietlyAsync(site, 62);
        await site.NotifyAndWaitAsync("site"); // what the listener evicts after reconnecting
        Assert.AreEqual("62", await HomeScoreAsync(site), "after the site-wide eviction");

        await ChangeScoreQuietlyAsync(site, 63);
        site.Factory.Clock.Now += TimeSpan.FromSeconds(59);
        Assert.AreEqual("62", await HomeScoreAsync(site), "still shared within the lifetime");
        site.Factory.Clock.Now += TimeSpan.FromSeconds(2);
        Assert.AreEqual("63", await HomeScoreAsync(site), "read afresh once the lifetime passed");
    }

    [TestMethod]
    public async Task With_sharing_off_every_render_reads_the_database()
    {
        await using var site = await StartAsync(shareData: false);
        Assert.AreEqual("52", await HomeScoreAsync(site), "first read");

        await ChangeScoreQuietlyAsync(site, 64);

        Assert.AreEqual("64", await HomeScoreAsync(site), "no sharing: the next render sees the change");
    }
}
