using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;

namespace GamePulse.Tests.Web.Ingested;

/// <summary>
/// The site over data that arrived the way production data does: the Worker's ingest of the real recorded payloads
/// (ESPN men's 2025-02-04, NCAA men's 2021-02-13 with postponed TBA games, NCAA women's 2025-04-06 final).
/// </summary>
[TestClass]
public sealed class IngestedFixturePagesTests
{
    private static TestDatabase database = null!;
    private static SiteFactory site = null!;
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task IngestAndStart(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        var harness = IngestHarness.Create(database);
        await harness.FileAsync("espn/scoreboard-2025-02-04-mixed-early.json");
        await harness.FileAsync("espn/scoreboard-2025-02-04-mixed.json");
        await harness.FileAsync("ncaa/scoreboard-men-2021-02-13-pre.json", Leagues.Mens, GamePulse.Data.Teams.ScoreSource.Ncaa);
        await harness.FileAsync("ncaa/scoreboard-women-2025-04-06-final.json", Leagues.Womens, GamePulse.Data.Teams.ScoreSource.Ncaa);
        site = new SiteFactory(database.ConnectionString, new TestClock(new DateTimeOffset(2025, 2, 5, 1, 0, 0, TimeSpan.Zero)));
        client = site.CreateClient(new() { AllowAutoRedirect = false });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        client.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    [TestMethod]
    [DataRow("mens-college-basketball", "2025-02-04")]
    [DataRow("mens-college-basketball", "2021-02-13")]
    [DataRow("womens-college-basketball", "2025-04-06")]
    public async Task A_scoreboard_shows_every_ingested_game_of_the_date_and_each_game_page_opens(string league, string date)
    {
        var leagueId = league.StartsWith("mens", StringComparison.Ordinal) ? 1 : 2;
        var stored = await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE league_id = @leagueId AND game_date = @day", new { leagueId, day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.IsGreaterThan(0L, stored);

        var response = await client.GetAsync(new Uri($"/{league}/scores/{date}", UriKind.Relative));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll("[data-testid='game-card-link']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.HasCount((int)stored, links, "every stored game has a card");
        foreach (var link in links.Take(12))
        {
            var game = await client.GetAsync(new Uri(link, UriKind.RelativeOrAbsolute));
            Assert.AreEqual(HttpStatusCode.OK, game.StatusCode, link);
            var jsonLd = new HtmlParser().ParseDocument(await game.Content.ReadAsStringAsync()).QuerySelector("script[type='application/ld+json']");
            Assert.IsNotNull(jsonLd, link);
            Assert.AreEqual("SportsEvent", JsonDocument.Parse(jsonLd.TextContent).RootElement.GetProperty("@type").GetString());
        }
    }

    [TestMethod]
    public async Task Postponed_games_with_no_start_time_are_listed_under_postponed_not_dropped()
    {
        var postponed = await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE state = 'postponed' AND game_date = DATE '2021-02-13'");
        Assert.AreEqual(7L, postponed, "the 2021 NCAA payload has 7 postponed games");

        var html = await client.GetStringAsync(new Uri("/mens-college-basketball/scores/2021-02-13", UriKind.Relative));

        StringAssert.Contains(html, "Postponed");
    }
}
