using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Tests.Worker.Ingestion.Espn;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// The bracket in Debian's Chromium: a live score updating in place, the page complete without JavaScript, and the
/// regions stacked on a phone. The field is <see cref="TournamentPayloads.FullField"/> (68 real seeded teams in
/// payloads built from real ESPN shapes), ingested by the Worker's pipeline.
/// </summary>
[TestClass]
public sealed class BracketBrowserTests
{
    private const string Bracket = "mens-college-basketball/tournament/2026";
    private static TestDatabase database = null!;
    private static SiteFactory site = null!;
    private static Uri baseAddress = null!;
    private static ChromiumSession browser = null!;
    private static readonly byte[] LogoPng = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "GamePulse.Web", "wwwroot", "img", "og-default.png"));

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        await IngestHarness.Create(database).BytesAsync(TournamentPayloads.Scoreboard(TournamentPayloads.FullField()));
        site = new SiteFactory(database.ConnectionString, new TestClock(new DateTimeOffset(2026, 3, 19, 18, 0, 0, TimeSpan.Zero)));
        baseAddress = site.StartOnLoopback();
        browser = await ChromiumSession.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await browser.DisposeAsync();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<IPage> OpenAsync(bool javaScript = true, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), JavaScriptEnabled = javaScript, ViewportSize = viewport });
        await context.RouteAsync("https://a.espncdn.com/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = LogoPng }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(Bracket);
        return page;
    }

    [TestMethod]
    public async Task A_live_score_changes_in_place_without_a_reload()
    {
        var page = await OpenAsync();
        var id = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = @id", new { id = TournamentPayloads.LiveFirstRoundId });
        var homeScore = page.Locator($"[data-testid='bracket'] [data-game-id='{id}'] [data-testid='game-card-home-score']");
        await Expect(homeScore).ToHaveTextAsync("40");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await database.ExecuteAsync("UPDATE games SET home_score = 47, updated_at = now() WHERE id = @id", new { id });
        await database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2026-03-19'");

        // htmx polls every 15 s; allow two polls.
        await Expect(homeScore).ToHaveTextAsync("47", new LocatorAssertionsToHaveTextOptions { Timeout = 40_000 });
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was not reloaded");
    }

    [TestMethod]
    public async Task Without_JavaScript_the_whole_bracket_is_on_the_page()
    {
        var page = await OpenAsync(javaScript: false);

        await Expect(page.GetByTestId("bracket-region")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid='bracket'] [data-testid='game-card']")).ToHaveCountAsync(37);
        await Expect(page.GetByTestId("bracket-tbd-slot")).ToHaveCountAsync(30);
    }

    [TestMethod]
    public async Task On_a_phone_the_regions_are_stacked_and_nothing_overflows_the_page()
    {
        var page = await OpenAsync(viewport: new ViewportSize { Width = 390, Height = 844 });

        var regions = page.GetByTestId("bracket-region");
        var first = (await regions.Nth(0).BoundingBoxAsync())!;
        var second = (await regions.Nth(1).BoundingBoxAsync())!;
        Assert.IsGreaterThanOrEqualTo(first.Y + first.Height, second.Y, "the second region starts below the first");
        Assert.IsLessThanOrEqualTo(390.0, (double)first.Width, "a region fits the phone's width");
        var rounds = regions.Nth(0).Locator("[data-testid^='bracket-round-']");
        var firstRound = (await rounds.Nth(0).BoundingBoxAsync())!;
        var secondRound = (await rounds.Nth(1).BoundingBoxAsync())!;
        Assert.IsGreaterThanOrEqualTo(firstRound.Y + firstRound.Height, secondRound.Y, "a region's rounds are stacked too");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.IsLessThanOrEqualTo(390, scrollWidth, "no sideways scrolling");
    }
}
