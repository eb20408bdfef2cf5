using System.Text.Json;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// The site in Debian's Chromium over a real loopback port: navigation, a live score changing in place after the
/// database changes (+NOTIFY), the page without JavaScript, console errors and axe-core accessibility checks.
/// </summary>
[TestClass]
public sealed class ScoreboardBrowserTests
{
    private const string Day = "mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;
    private static Uri baseAddress = null!;
    private static ChromiumSession browser = null!;
    private static readonly byte[] LogoPng = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "GamePulse.Web", "wwwroot", "img", "og-default.png"));

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

    private static async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), JavaScriptEnabled = javaScript });
        // Team logos live on ESPN's CDN, which the test machine cannot reach: a local stand-in serves a real PNG.
        await context.RouteAsync("https://a.espncdn.com/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = LogoPng }));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(path);
        return (page, errors);
    }

    [TestMethod]
    public async Task A_visitor_navigates_between_game_days_and_opens_a_game()
    {
        var (page, errors) = await OpenAsync(Day);

        await page.GetByTestId("scores-date-previous").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, "mens-college-basketball/scores/2025-03-05").ToString());
        await page.GetByTestId("scores-date-next").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, Day).ToString());

        await page.Locator($"[data-game-id='{site.Day.FinalOvertimeId}'] [data-testid='game-card-link']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, $"mens-college-basketball/games/{site.Day.FinalOvertimeId}/villanova-at-uconn-2025-03-08").ToString());
        await Expect(page.GetByTestId("game-score-home-value")).ToHaveTextAsync("80");
        await Expect(page.GetByTestId("game-state")).ToHaveTextAsync("Final OT");
        Assert.IsEmpty(errors, "console errors: " + string.Join(" | ", errors));
    }

    [TestMethod]
    public async Task The_date_picker_works_as_a_plain_form()
    {
        var (page, _) = await OpenAsync(Day);

        await page.GetByTestId("scores-date-input").FillAsync("2025-03-11");
        await page.GetByTestId("scores-date-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, "mens-college-basketball/scores/2025-03-11").ToString());
        await Expect(page.GetByTestId("game-card")).ToHaveCountAsync(1);
    }

    [TestMethod]
    public async Task A_live_score_changes_in_place_without_a_reload()
    {
        var (page, errors) = await OpenAsync(Day);
        var homeScore = page.Locator($"[data-game-id='{site.Day.LiveId}'] [data-testid='game-card-home-score']");
        await Expect(homeScore).ToHaveTextAsync("52");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var box = await page.GetByTestId("scores-section-final").BoundingBoxAsync();

        await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = 55, HomeLineScores = [35, 20], Clock = "8:01" }, ScoreboardDay.Now);
        await site.Database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2025-03-08'");

        // htmx polls every 15 s; allow two polls.
        await Expect(homeScore).ToHaveTextAsync("55", new LocatorAssertionsToHaveTextOptions { Timeout = 40_000 });
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was not reloaded");
        await Expect(page.Locator($"[data-game-id='{site.Day.LiveId}'] [data-testid='game-card-state']")).ToHaveTextAsync("2nd 8:01");
        var after = await page.GetByTestId("scores-section-final").BoundingBoxAsync();
        Assert.AreEqual(box!.Y, after!.Y, "no layout shift below the changed score");
        Assert.IsEmpty(errors, "console errors: " + string.Join(" | ", errors));
    }

    [TestMethod]
    public async Task Without_JavaScript_every_game_is_still_on_the_page()
    {
        var (page, _) = await OpenAsync(Day, javaScript: false);

        await Expect(page.GetByTestId("game-card")).ToHaveCountAsync(8);
        await Expect(page.Locator($"[data-game-id='{site.Day.FinalId}'] [data-testid='game-card-home-score']")).ToHaveTextAsync("58");
    }

    [TestMethod]
    [DataRow(Day)]
    [DataRow("game")]
    [DataRow("mens-college-basketball/teams/duke")]
    [DataRow("mens-college-basketball/conferences/acc")]
    [DataRow("")]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violations(string path)
    {
        if (path == "game")
        {
            path = $"mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08";
        }

        var (page, errors) = await OpenAsync(path);
        // Evaluated through the DevTools protocol rather than added as a <script>: the site's CSP (script-src 'self')
        // rightly blocks an injected inline script, and the CSP stays on so the console-error checks mean something.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js")));

        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");

        Assert.AreEqual(0, violations.GetArrayLength(), violations.ToString());
        Assert.IsEmpty(errors, "console errors: " + string.Join(" | ", errors));
    }
}
