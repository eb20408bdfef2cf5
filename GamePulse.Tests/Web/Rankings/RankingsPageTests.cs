using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Rankings;

/// <summary>
/// The rankings page and the scoreboard's Top 25 filter over stored games: each game keeps both teams' ranks of its
/// date (ESPN's curatedRank), which is what movement since last week is computed from.
/// </summary>
[TestClass]
public sealed class RankingsPageTests
{
    private static readonly DateOnly WeekAgo = new(2026, 2, 2);
    private static readonly DateOnly Tuesday = new(2026, 2, 10);
    private static readonly DateOnly Thursday = new(2026, 2, 12);
    private static TestDatabase database = null!;
    private static SiteFactory site = null!;
    private static HttpClient client = null!;
    private static Dictionary<string, int> ids = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        ids = [];
        foreach (var (key, espnId) in new[] { ("a", "150"), ("b", "41"), ("c", "2305"), ("d", "2250"), ("e", "2000"), ("f", "2005") })
        {
            ids[key] = await database.MensTeamIdAsync(espnId);
        }

        var observed = new DateTimeOffset(2026, 2, 11, 12, 0, 0, TimeSpan.Zero);
        await database.UpsertGamesAsync(1, ScoreSource.Espn,
        [
            // A week ago: a 5th, b 1st, c unranked, d 10th.
            GameBuilder.Scheduled("r1", ids["a"], ids["b"], WeekAgo) with { HomeRank = 5, AwayRank = 1, HomeRecord = "15-4", AwayRecord = "18-1" },
            GameBuilder.Scheduled("r2", ids["c"], ids["d"], WeekAgo) with { AwayRank = 10 },
            // This week: a up to 2nd, b down to 4th, c new at 20th, d still 10th; e and f unranked.
            GameBuilder.Scheduled("r3", ids["a"], ids["c"], Tuesday) with { HomeRank = 2, AwayRank = 20, HomeRecord = "17-4", AwayRecord = "16-6" },
            GameBuilder.Scheduled("r4", ids["d"], ids["b"], Tuesday) with { HomeRank = 10, AwayRank = 4 },
            GameBuilder.Scheduled("r5", ids["e"], ids["f"], Tuesday),
            GameBuilder.Scheduled("r6", ids["e"], ids["a"], Thursday) with { AwayRank = 2 },
        ], observed);
        site = new SiteFactory(database.ConnectionString, new TestClock(observed));
        client = site.CreateClient(new() { AllowAutoRedirect = false });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        client.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [TestMethod]
    public async Task The_rankings_show_each_team_with_its_movement_since_last_week()
    {
        var (response, document) = await GetAsync("/mens-college-basketball/rankings");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "status");
        var rows = document.QuerySelectorAll("[data-testid='rankings-row']")
            .Select(r => $"{r.QuerySelector("[data-testid='rankings-rank']")!.TextContent} {r.QuerySelector("[data-testid='rankings-movement']")!.TextContent} {r.QuerySelector("[data-testid='rankings-team-link']")!.GetAttribute("href")}")
            .ToArray();
        string[] expectedRows =
        [
                "2 ▲3 /mens-college-basketball/teams/duke",
                "4 ▼3 /mens-college-basketball/teams/uconn",
                "10 – /mens-college-basketball/teams/gonzaga",
                "20 new /mens-college-basketball/teams/kansas",
        ];
        CollectionAssert.AreEqual(
            expectedRows,
            rows,
            "rank, movement and team: " + string.Join(" | ", rows));
        var duke = document.QuerySelectorAll("[data-testid='rankings-row']")[0];
        Assert.AreEqual("17-4", duke.QuerySelector("[data-testid='rankings-record']")!.TextContent, "the latest record");
        Assert.HasCount(2, duke.QuerySelectorAll("[data-testid='rankings-game-link']"), "this week's two games (Tuesday and Thursday)");
        Assert.AreEqual("https://scores.example.test/mens-college-basketball/rankings", SiteTestHost.Canonical(document), "canonical");
    }

    [TestMethod]
    public async Task The_top_25_filter_keeps_games_with_a_ranked_team_and_combines_with_the_order()
    {
        var (all, allDocument) = await GetAsync("/mens-college-basketball/scores/2026-02-10");
        var (top, topDocument) = await GetAsync("/mens-college-basketball/scores/2026-02-10?teams=top25");
        var (ordered, orderedDocument) = await GetAsync("/mens-college-basketball/scores/2026-02-10?order=pulse&teams=top25");

        Assert.AreEqual(HttpStatusCode.OK, all.StatusCode, "statuses: all.StatusCode");
        Assert.AreEqual(HttpStatusCode.OK, top.StatusCode, "statuses: top.StatusCode");
        Assert.AreEqual(HttpStatusCode.OK, ordered.StatusCode, "statuses: ordered.StatusCode");
        Assert.HasCount(3, allDocument.QuerySelectorAll("[data-testid='game-card']"), "all games");
        Assert.HasCount(2, topDocument.QuerySelectorAll("[data-testid='game-card']"), "the unranked game is left out");
        Assert.HasCount(2, orderedDocument.QuerySelectorAll("[data-testid='game-card']"), "with the Pulse order too");
        Assert.AreEqual("https://scores.example.test/mens-college-basketball/scores/2026-02-10", SiteTestHost.Canonical(topDocument), "canonical unchanged");
        Assert.AreEqual("https://scores.example.test/mens-college-basketball/scores/2026-02-10", SiteTestHost.Canonical(orderedDocument), "canonical unchanged");
        Assert.AreEqual("page", topDocument.QuerySelector("[data-testid='scores-filter-top25']")!.GetAttribute("aria-current"), "the filter shows as chosen");
        Assert.AreEqual("/mens-college-basketball/scores/2026-02-10?order=pulse&teams=mine,top25", orderedDocument.QuerySelector("[data-testid='scores-filter-mine']")!.GetAttribute("href"), "My teams keeps the Top 25 and the order");
    }

    [TestMethod]
    [DataRow("?teams=top25,top25", HttpStatusCode.BadRequest)]
    [DataRow("?teams=top20", HttpStatusCode.BadRequest)]
    [DataRow("?teams=top25&teams=mine", HttpStatusCode.BadRequest)]
    [DataRow("?teams=mine,top25", HttpStatusCode.Redirect)]
    [DataRow("?teams=top25,mine", HttpStatusCode.Redirect)]
    public async Task Filter_values_are_read_strictly_and_mine_still_asks_to_sign_in(string query, HttpStatusCode expected)
    {
        var (response, _) = await GetAsync("/mens-college-basketball/scores/2026-02-10" + query);

        Assert.AreEqual(expected, response.StatusCode, query);
    }
}
