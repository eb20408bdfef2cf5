using System.Text;
using System.Text.Json.Nodes;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion.Summaries;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// The game page's detail in Debian's Chromium over a real loopback port, on data ingested the way production's is
/// (the 2026-03-03/04 scoreboards, then the summaries of the overtime final and the halftime game): box scores, sorting
/// and the play filters as plain links with JavaScript off, the win-probability chart, and a live game whose detail
/// follows a newer summary in place (htmx's poll, no reload).
/// </summary>
[TestClass]
public sealed class GameDetailBrowserTests
{
    private const string HalftimeSummary = "espn/summary-401851239-live-halftime.json";
    private static TestDatabase database = null!;
    private static SummaryHarness harness = null!;
    private static SiteFactory site = null!;
    private static Uri baseAddress = null!;
    private static ChromiumSession browser = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        harness = new SummaryHarness(database);
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-03-groups50-final.json");
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-04-groups50-live.json");
        await harness.StoreAsync("espn/summary-401808279-final-ot.json");
        await harness.StoreAsync(HalftimeSummary);
        // In the halftime of 2026-03-04, so that game's page polls.
        site = new SiteFactory(database.ConnectionString, new TestClock(new DateTimeOffset(2026, 3, 4, 20, 20, 0, TimeSpan.Zero)));
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

    private static async Task<IPage> OpenAsync(string espnId, bool javaScript = true, bool fakeTimers = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), JavaScriptEnabled = javaScript });
        // ESPN's logo CDN is unreachable from the test machine; the logos are not what these tests look at.
        await context.RouteAsync("https://a.espncdn.com/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        if (fakeTimers)
        {
            await page.Clock.InstallAsync();
        }

        var id = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = @espnId", new { espnId });
        await page.GotoAsync($"mens-college-basketball/games/{id}");
        return page;
    }

    private static async Task<List<int>> PointsColumnAsync(ILocator box) =>
        [.. (await box.GetByTestId("box-score-player").Locator("td:nth-of-type(2)").AllTextContentsAsync()).Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture))];

    [TestMethod]
    public async Task Box_scores_list_starters_first_then_the_bench_and_end_with_totals_and_shooting()
    {
        var page = await OpenAsync("401808279");

        var away = page.GetByTestId("box-score-away");
        await Expect(away.Locator("caption")).ToHaveTextAsync("Vanderbilt Commodores");
        var rows = away.GetByTestId("box-score-player");
        await Expect(rows).ToHaveCountAsync(16);
        var starterFlags = await rows.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.classList.contains('starter'))");
        CollectionAssert.AreEqual(Enumerable.Repeat(true, 5).Concat(Enumerable.Repeat(false, 11)).ToList(), starterFlags.ToList(), "five starters, then the bench");
        await Expect(away.Locator("tr.group")).ToHaveTextAsync("Bench");
        await Expect(away.GetByTestId("box-score-totals").Locator("td").Nth(1)).ToHaveTextAsync("89");
        await Expect(away.GetByTestId("box-score-fg-pct")).ToHaveTextAsync("38.7%");
        var totalsBelowPlayers = await away.EvaluateAsync<bool>("t => t.querySelector('[data-testid=box-score-totals]').getBoundingClientRect().top > [...t.querySelectorAll('[data-testid=box-score-player]')].at(-1).getBoundingClientRect().bottom - 1");
        Assert.IsTrue(totalsBelowPlayers, "the totals row is drawn below the last player");
        await Expect(page.GetByTestId("box-score-home").GetByTestId("box-score-player").First).ToHaveClassAsync("starter");
    }

    [TestMethod]
    public async Task Sorting_by_a_column_works_without_JavaScript_and_Starters_first_undoes_it()
    {
        var page = await OpenAsync("401808279", javaScript: false);
        var path = new Uri(page.Url).AbsolutePath;

        await page.GetByTestId("box-score-away").GetByTestId("box-score-sort-pts").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, $"{path.TrimStart('/')}?sort=pts#box-score").ToString());
        var points = await PointsColumnAsync(page.GetByTestId("box-score-away"));
        CollectionAssert.AreEqual(points.OrderByDescending(p => p).ToList(), points, "players by points, highest first");
        Assert.AreEqual(34, points[0], "Vanderbilt's top scorer first");
        await Expect(page.GetByTestId("box-score-away").Locator("th[aria-sort='descending']")).ToHaveTextAsync("PTS");
        await Expect(page.Locator("link[rel='canonical']")).ToHaveAttributeAsync("href", $"{SiteFactory.PublicBaseUrl}{path}");

        await page.GetByTestId("box-score-unsort").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, $"{path.TrimStart('/')}#box-score").ToString());
        await Expect(page.GetByTestId("box-score-sorted")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("box-score-away").GetByTestId("box-score-player").First).ToHaveClassAsync("starter");
    }

    [TestMethod]
    public async Task Scoring_plays_only_and_the_period_split_are_links_without_JavaScript()
    {
        var page = await OpenAsync("401808279", javaScript: false);
        await Expect(page.GetByTestId("game-plays-period").Locator("caption")).ToHaveTextAsync(["1st half"]);

        await page.GetByTestId("game-plays-periods").GetByRole(AriaRole.Link, new() { Name = "OT", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("game-plays-period").Locator("caption")).ToHaveTextAsync(["OT"]);
        await Expect(page.GetByTestId("game-plays-period").GetByTestId("game-play").Last).ToContainTextAsync("End of Game");

        await page.GetByTestId("game-plays-every-period").ClickAsync();
        await Expect(page.GetByTestId("game-plays-period").Locator("caption")).ToHaveTextAsync(["1st half", "2nd half", "OT"]);
        await Expect(page.GetByTestId("game-play")).ToHaveCountAsync(581);

        await page.GetByTestId("game-plays-scoring").ClickAsync();
        await Expect(page.GetByTestId("game-plays-scoring")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("game-play")).ToHaveCountAsync(103);
        var classes = await page.GetByTestId("game-play").EvaluateAllAsync<bool[]>("rows => rows.map(r => r.classList.contains('scoring'))");
        Assert.IsTrue(classes.All(c => c), "every listed play is a scoring play");

        await page.GetByTestId("game-plays-all").ClickAsync();
        await Expect(page.GetByTestId("game-plays-all")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("game-plays-period").Locator("caption")).ToHaveTextAsync(["1st half"]);
    }

    [TestMethod]
    public async Task The_win_probability_chart_is_drawn_and_has_a_text_alternative_and_a_data_table()
    {
        var page = await OpenAsync("401808279");

        var chart = page.GetByTestId("game-win-probability");
        var svg = chart.Locator("svg[role='img']");
        await Expect(svg).ToBeVisibleAsync();
        var box = (await svg.BoundingBoxAsync())!;
        Assert.IsGreaterThan(100f, box.Width, "the chart has a width on screen");
        var line = chart.GetByTestId("game-win-probability-line");
        var length = await line.EvaluateAsync<double>("l => l.getTotalLength()");
        Assert.IsGreaterThan(100d, length, "the line is drawn across the chart");
        await Expect(svg).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Ole Miss's chance to win over the game Ole Miss's chance to win went from"));
        await Expect(chart.GetByTestId("game-win-probability-text")).ToContainTextAsync("from 30% at the first play");
        await Expect(chart.GetByTestId("game-win-probability-row")).ToHaveCountAsync(3);
        await Expect(chart.GetByTestId("game-win-probability-data")).ToBeAttachedAsync();
    }

    [TestMethod]
    public async Task A_live_game_updates_its_plays_box_score_and_score_in_place_when_a_newer_summary_is_stored()
    {
        var page = await OpenAsync("401851239", fakeTimers: true);
        await Expect(page.GetByTestId("game-play").First).ToContainTextAsync("End of 1st half");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var malone = page.GetByTestId("box-score-home").GetByTestId("box-score-player").Filter(new() { HasText = "Isaiah Malone" });
        await Expect(malone.Locator("td").Nth(1)).ToHaveTextAsync("6");

        await StoreEvictedAsync(SecondHalfLayup());
        // htmx polls every 15 s; the page's clock is Playwright's, so run it past one poll instead of waiting.
        await page.Clock.RunForAsync(16_000);

        await Expect(page.GetByTestId("game-play").First).ToContainTextAsync("Isaiah Malone makes Layup.");
        await Expect(malone.Locator("td").Nth(1)).ToHaveTextAsync("8");
        await Expect(page.GetByTestId("game-score-home-value")).ToHaveTextAsync("31");
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "updated in place: no reload");
    }

    // The halftime summary ten seconds into the second half: Malone's layup, 29 → 31.
    private static byte[] SecondHalfLayup()
    {
        var summary = JsonNode.Parse(SummaryHarness.Fixture(HalftimeSummary))!;
        var competition = summary["header"]!["competitions"]![0]!;
        var status = competition["status"]!;
        status["type"]!["name"] = "STATUS_IN_PROGRESS";
        status["type"]!["state"] = "in";
        status["type"]!["detail"] = "19:50 - 2nd Half";
        status["type"]!["shortDetail"] = "19:50 - 2nd Half";
        status["period"] = 2;
        status["displayClock"] = "19:50";
        var home = competition["competitors"]!.AsArray().First(c => c!["homeAway"]!.GetValue<string>() == "home")!;
        home["score"] = "31";
        var plays = summary["plays"]!.AsArray();
        var layup = plays[^1]!.DeepClone();
        layup["id"] = "401851239999999999";
        layup["sequenceNumber"] = "999999999";
        layup["type"] = new JsonObject { ["id"] = "572", ["text"] = "LayUpShot" };
        layup["text"] = "Isaiah Malone makes Layup.";
        layup["homeScore"] = 31;
        layup["period"] = new JsonObject { ["number"] = 2, ["displayValue"] = "2nd Half" };
        layup["clock"] = new JsonObject { ["displayValue"] = "19:50" };
        layup["scoringPlay"] = true;
        layup["scoreValue"] = 2;
        layup["team"] = new JsonObject { ["id"] = home["id"]!.GetValue<string>() };
        plays.Add(layup);
        var athletes = summary["boxscore"]!["players"]!.AsArray().First(p => p!["team"]!["id"]!.GetValue<string>() == home["id"]!.GetValue<string>())!["statistics"]![0]!["athletes"]!.AsArray();
        var stats = athletes.First(a => a!["athlete"]!["displayName"]!.GetValue<string>() == "Isaiah Malone")!["stats"]!.AsArray();
        stats[1] = "8";
        stats[2] = "3-4";
        return Encoding.UTF8.GetBytes(summary.ToJsonString());
    }

    // The Worker's path: the summary is stored and NOTIFYs its league and date; the Web's listener evicts the cache.
    private static async Task StoreEvictedAsync(byte[] summary)
    {
        await site.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var evicted = new TaskCompletionSource();
        void OnEvicted(string tag) => evicted.TrySetResult();
        site.Listener.Evicted += OnEvicted;
        try
        {
            var stored = await harness.StoreAsync(summary);
            Assert.IsTrue(stored.Changed, "the newer summary changed the game");
            await evicted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            site.Listener.Evicted -= OnEvicted;
        }
    }
}
