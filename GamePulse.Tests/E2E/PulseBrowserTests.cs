using GamePulse.Tests.Support;
using GamePulse.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// Pulse in Debian's Chromium over a real loopback port: the home page's "Best right now" follows a score change in
/// the database (upsert + snapshot + recompute + NOTIFY, as the Worker does), and "By Pulse" is a plain link.
/// </summary>
[TestClass]
public sealed class PulseBrowserTests
{
    private static SiteTestHost site = null!;
    private static Uri baseAddress = null!;
    private static ChromiumSession browser = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        baseAddress = site.Factory.StartOnLoopback();
        browser = await ChromiumSession.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await browser.DisposeAsync();
        await site.DisposeAsync();
    }

    private static async Task<IPage> OpenAsync(string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        // ESPN's logo CDN is unreachable from the test machine; the logos are not what these tests look at.
        await context.RouteAsync("https://a.espncdn.com/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    private static async Task<List<long>> BestLiveOrderAsync(IPage page)
    {
        var ids = await page.Locator("[data-testid='home-best-live-item'] [data-testid='game-card']").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.gameId)");
        return [.. ids.Select(long.Parse)];
    }

    private static Task<IReadOnlyList<long>> StoredBestLiveAsync() => site.Database.QueryAsync<long>(
        "SELECT id FROM games WHERE state IN ('live', 'halftime') AND pulse_score IS NOT NULL ORDER BY pulse_score DESC, start_time, id");

    [TestMethod]
    public async Task Best_right_now_follows_a_score_change_in_the_database()
    {
        var page = await OpenAsync("");
        var before = await BestLiveOrderAsync(page);
        var liveBadge = page.Locator($"[data-testid='home-best-live-item'] [data-game-id='{site.Day.LiveId}'] [data-testid='game-card-pulse']");
        var widthBefore = (await liveBadge.BoundingBoxAsync())!.Width;
        CollectionAssert.AreEqual((await StoredBestLiveAsync()).ToList(), before);
        Assert.AreEqual(site.Day.LiveId, before[0], "the close 2nd-half game leads the game at halftime");

        // Duke pulls away late: the Worker's path is an upsert (a snapshot), a Pulse recompute, then NOTIFY.
        var observedAt = ScoreboardDay.Now.AddMinutes(20);
        await site.Day.UpsertLiveAsync(site.Day.Live with { Clock = "2:30", HomeScore = 78, HomeLineScores = [35, 43] }, observedAt);
        // The NOTIFY reaches the Web's listener asynchronously: wait until it has evicted the day's pages, then reload.
        await site.Factory.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-08");
        var expected = (await StoredBestLiveAsync()).ToList();
        Assert.AreEqual(site.Day.HalftimeId, expected[0], "a 28-point lead with 2:30 left is less exciting than a 2-point game at the half");

        await page.ReloadAsync();
        var after = await BestLiveOrderAsync(page);

        CollectionAssert.AreEqual(expected, after, "Best right now after the eviction, against the stored Pulse order");
        var stored = await site.Database.ScalarAsync<short>("SELECT pulse_score FROM games WHERE id = @id", new { id = site.Day.LiveId });
        await Expect(liveBadge.GetByTestId("game-card-pulse-score")).ToHaveTextAsync(stored.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(widthBefore, (await liveBadge.BoundingBoxAsync())!.Width, "the badge keeps its width when the number changes");
    }

    [TestMethod]
    public async Task By_Pulse_is_a_link_to_a_shareable_ordered_scoreboard()
    {
        // One, two and three digits on the same page (no other test in this class opens this scoreboard, so
        // nothing is cached yet).
        await site.Database.ExecuteAsync("UPDATE games SET pulse_score = 7 WHERE id = @id", new { id = site.Day.FinalId });
        await site.Database.ExecuteAsync("UPDATE games SET pulse_score = 100 WHERE id = @id", new { id = site.Day.FinalOvertimeId });
        var page = await OpenAsync("mens-college-basketball/scores/2025-03-08");

        await page.GetByTestId("scores-order-pulse").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, "mens-college-basketball/scores/2025-03-08?order=pulse").ToString());
        await Expect(page.GetByTestId("scores-order-pulse")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("scores-games")).ToHaveAttributeAsync("hx-get", "/mens-college-basketball/scores/2025-03-08?order=pulse");
        var finals = await page.Locator("[data-testid='scores-section-final'] [data-testid='game-card']").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.gameId)");
        var stored = await site.Database.QueryAsync<long>(
            "SELECT id FROM games WHERE game_date = '2025-03-08' AND league_id = 1 AND state = 'final' ORDER BY pulse_score DESC, start_time, id");
        CollectionAssert.AreEqual(stored.ToList(), finals.Select(long.Parse).ToList());

        // One fixed width for every badge, whatever its number of digits: no card reflows as Pulse changes.
        var widths = new HashSet<float>();
        foreach (var badge in await page.GetByTestId("game-card-pulse").AllAsync())
        {
            widths.Add((await badge.BoundingBoxAsync())!.Width);
        }

        Assert.HasCount(1, widths, string.Join(", ", widths));
    }
}
