using GamePulse.Data.Games;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// Debian's Chromium on a live scoreboard over real Kestrel: a score stored (+NOTIFY) reaches the page by push, swapped
/// in place without any fragment poll; the aria-live summary names the change and the freshness note ticks.
/// </summary>
[TestClass]
public sealed class LivePushBrowserTests
{
    private const string Day = "mens-college-basketball/scores/2025-03-08";
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

    [TestMethod]
    public async Task A_stored_score_is_pushed_into_the_open_page_in_place_without_a_poll()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        await context.RouteAsync("https://a.espncdn.com/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("ERR_FAILED", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var fragmentRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Headers.ContainsKey("hx-request"))
            {
                fragmentRequests.Add(request.Url);
            }
        };

        await page.GotoAsync(Day);
        await Expect(page.Locator("[data-live-stream='open']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var homeScore = page.Locator($"[data-game-id='{site.Day.LiveId}'] [data-testid='game-card-home-score']");
        await Expect(homeScore).ToHaveTextAsync("52");
        await Expect(page.GetByTestId("live-freshness")).ToContainTextAsync(" s ago");

        await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = 57, HomeLineScores = [35, 22], Clock = "7:30" }, ScoreboardDay.Now);
        await site.Database.ExecuteAsync($"NOTIFY {GameChanges.Channel}, 'mens-college-basketball:2025-03-08'");

        // A poll comes every 15 s; the push has to be here in well under that.
        await Expect(homeScore).ToHaveTextAsync("57", new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
        await Expect(page.Locator($"[data-game-id='{site.Day.LiveId}'] [data-testid='game-card-state']")).ToHaveTextAsync("2nd 7:30");

        // The same game again: the first swap must leave its listener in place (a card swapped as outerHTML took it away).
        await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = 59, HomeLineScores = [35, 24], Clock = "7:02" }, ScoreboardDay.Now);
        await site.Database.ExecuteAsync($"NOTIFY {GameChanges.Channel}, 'mens-college-basketball:2025-03-08'");
        await Expect(homeScore).ToHaveTextAsync("59", new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
        await Expect(page.Locator($"[data-game-id='{site.Day.LiveId}'] [data-testid='game-card-state']")).ToHaveTextAsync("2nd 7:02");
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was not reloaded");
        Assert.IsEmpty(fragmentRequests, "the change came by push, with no fragment request: " + string.Join(", ", fragmentRequests));
        await Expect(page.GetByTestId("live-announcer")).ToHaveTextAsync("North Carolina 50, Duke 59 — 2nd 7:02", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        await Expect(page.GetByTestId("game-card")).ToHaveCountAsync(8);
        Assert.IsEmpty(errors, "console errors: " + string.Join(" | ", errors));
        await context.CloseAsync();
    }
}
