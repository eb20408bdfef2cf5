using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Games;

[TestClass]
public sealed class GamePageTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static string LivePath => $"/mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08";

    [TestMethod]
    public async Task The_canonical_game_URL_shows_score_state_line_score_venue_and_broadcast()
    {
        var (_, page) = await site.GetPageAsync(LivePath);

        Assert.AreEqual("52", page.QuerySelector("[data-testid='game-score-home-value']")!.TextContent);
        Assert.AreEqual("50", page.QuerySelector("[data-testid='game-score-away-value']")!.TextContent);
        Assert.AreEqual("2nd 10:12", page.QuerySelector("[data-testid='game-state']")!.TextContent.Trim());
        var home = page.QuerySelectorAll("[data-testid='game-line-score-home'] td").Select(td => td.TextContent).ToList();
        string[] expected = ["35", "17", "52"];
        CollectionAssert.AreEqual(expected, home);
        Assert.AreEqual("Cameron Indoor Stadium, Durham, NC", page.QuerySelector("[data-testid='game-details-venue']")!.TextContent);
        Assert.AreEqual("ESPN", page.QuerySelector("[data-testid='game-details-broadcast']")!.TextContent);
        Assert.AreEqual("North Carolina 20-10, Duke 26-3", page.QuerySelector("[data-testid='game-details-records']")!.TextContent);
    }

    [TestMethod]
    public async Task The_pre_game_line_names_the_favourite_and_the_total_and_is_absent_without_one()
    {
        var canonical = (await site.Client().GetAsync($"/mens-college-basketball/games/{site.Day.SoonId}")).Headers.Location!.OriginalString;
        var (_, without) = await site.GetPageAsync(canonical);
        Assert.IsNull(without.QuerySelector("[data-testid='game-details-line']"));

        try
        {
            // A positive home line: the away side is favoured.
            await site.Database.ExecuteAsync("UPDATE games SET home_spread = 3.5, over_under = 149.5 WHERE id = @id", new { id = site.Day.SoonId });
            await EvictDayAsync();
            var (_, page) = await site.GetPageAsync(canonical);
            var awayName = await site.Database.ScalarAsync<string>("SELECT t.short_name FROM games g JOIN teams t ON t.id = g.away_team_id WHERE g.id = @id", new { id = site.Day.SoonId });

            Assert.AreEqual($"{awayName} \u22123.5 · O/U 149.5", page.QuerySelector("[data-testid='game-details-line']")!.TextContent);
        }
        finally
        {
            await site.Database.ExecuteAsync("UPDATE games SET home_spread = NULL, over_under = NULL WHERE id = @id", new { id = site.Day.SoonId });
            await EvictDayAsync();
        }
    }

    // The Worker's NOTIFY after an upsert is what evicts cached pages; subscribe before sending it, then wait (bounded).
    private static async Task EvictDayAsync()
    {
        var evicted = new TaskCompletionSource();
        site.Factory.Listener.Evicted += _ => evicted.TrySetResult();
        await site.Database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2025-03-08'");
        await evicted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    public async Task Score_changes_come_from_the_snapshots_with_an_accessible_margin_chart()
    {
        var (_, page) = await site.GetPageAsync(LivePath);

        var rows = page.QuerySelectorAll("[data-testid='game-changes-row']").Select(r => string.Join(' ', r.QuerySelectorAll("td").Skip(2).Select(td => td.TextContent))).ToList();
        string[] expected = ["0 0 0", "15 12 -3", "30 35 +5", "50 52 +2"];
        CollectionAssert.AreEqual(expected, rows);
        var chart = page.QuerySelector("[data-testid='game-margin-chart'] svg")!;
        Assert.AreEqual("img", chart.GetAttribute("role"));
        Assert.AreEqual("Margin over time", chart.QuerySelector("title")!.TextContent);
        Assert.IsFalse(string.IsNullOrWhiteSpace(chart.QuerySelector("desc")!.TextContent));
        Assert.HasCount(4, chart.QuerySelector("polyline")!.GetAttribute("points")!.Split(' '));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("/")]
    [DataRow("/duke-at-north-carolina-2025-03-08")]
    [DataRow("/old-slug")]
    public async Task A_missing_or_wrong_slug_is_a_301_to_the_canonical_URL(string suffix)
    {
        var response = await site.Client().GetAsync($"/mens-college-basketball/games/{site.Day.LiveId}{suffix}");

        Assert.AreEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.AreEqual(LivePath, response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task A_game_under_the_wrong_league_is_a_301_to_its_own_league()
    {
        var response = await site.Client().GetAsync($"/womens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08");

        Assert.AreEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.AreEqual(LivePath, response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    [DataRow("/mens-college-basketball/games/999999999/x-at-y-2025-03-08")]
    [DataRow("/mens-college-basketball/games/0")]
    [DataRow("/mens-college-basketball/games/-5")]
    [DataRow("/mens-college-basketball/games/abc")]
    [DataRow("/mens-college-basketball/games/99999999999999999999999")]
    public async Task Unknown_or_malformed_game_ids_are_404(string path)
    {
        var (_, page) = await site.GetPageAsync(path, HttpStatusCode.NotFound);

        Assert.AreEqual("Page not found", page.QuerySelector("[data-testid='error-heading']")!.TextContent);
    }

    [TestMethod]
    public async Task A_neutral_site_game_reads_vs_in_its_URL()
    {
        var response = await site.Client().GetAsync($"/mens-college-basketball/games/{site.Day.LaterNeutralId}");

        Assert.AreEqual($"/mens-college-basketball/games/{site.Day.LaterNeutralId}/gonzaga-vs-purdue-2025-03-08", response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task Titles_read_like_headlines_for_final_and_upcoming_games()
    {
        var final = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.FinalId}/virginia-at-wake-forest-2025-03-08")).Document;
        var overtime = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.FinalOvertimeId}/villanova-at-uconn-2025-03-08")).Document;
        var upcoming = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.SoonId}/kentucky-at-tennessee-2025-03-08")).Document;

        Assert.AreEqual("Virginia 60, Wake Forest 58 — Final", final.Title);
        Assert.AreEqual("No. 18 UConn 80, Villanova 78 — Final OT", overtime.Title);
        Assert.AreEqual("No. 12 Kentucky at No. 6 Tennessee — Sat, Mar 8, 8:10 PM ET", upcoming.Title);
        Assert.AreEqual("Virginia 60, Wake Forest 58 — Final", SiteTestHost.Meta(final, "og:title"));
        StringAssert.Contains(SiteTestHost.Meta(final, "og:description")!, "Virginia Cavaliers 60, Wake Forest Demon Deacons 58");
        Assert.AreEqual("article", SiteTestHost.Meta(final, "og:type"));
        Assert.AreEqual("GamePulse", SiteTestHost.Meta(final, "og:site_name"));
        Assert.AreEqual("1200", SiteTestHost.Meta(final, "og:image:width"));
        Assert.AreEqual("630", SiteTestHost.Meta(final, "og:image:height"));
        Assert.AreEqual(final.Title, SiteTestHost.Meta(final, "twitter:title"));
    }

    [TestMethod]
    public async Task Game_pages_carry_SportsEvent_JSON_LD_with_the_required_properties()
    {
        var (_, page) = await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.LaterNeutralId}/gonzaga-vs-purdue-2025-03-08");

        var ld = SiteTestHost.JsonLd(page);
        Assert.AreEqual("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.AreEqual("SportsEvent", ld.GetProperty("@type").GetString());
        Assert.AreEqual("Gonzaga Bulldogs vs. Purdue Boilermakers", ld.GetProperty("name").GetString());
        Assert.AreEqual("2025-03-08T22:00:00-05:00", ld.GetProperty("startDate").GetString());
        Assert.AreEqual("https://schema.org/EventScheduled", ld.GetProperty("eventStatus").GetString());
        Assert.AreEqual("SportsTeam", ld.GetProperty("homeTeam").GetProperty("@type").GetString());
        Assert.AreEqual("Purdue Boilermakers", ld.GetProperty("homeTeam").GetProperty("name").GetString());
        Assert.AreEqual("Gonzaga Bulldogs", ld.GetProperty("awayTeam").GetProperty("name").GetString());
        Assert.AreEqual("T-Mobile Arena", ld.GetProperty("location").GetProperty("name").GetString());
        Assert.AreEqual("Las Vegas", ld.GetProperty("location").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}/mens-college-basketball/games/{site.Day.LaterNeutralId}/gonzaga-vs-purdue-2025-03-08", ld.GetProperty("url").GetString());
        Assert.AreEqual(ld.GetProperty("url").GetString(), SiteTestHost.Canonical(page));
    }

    [TestMethod]
    public async Task Postponed_and_canceled_games_say_so_in_their_JSON_LD()
    {
        var postponed = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.PostponedId}/alabama-at-auburn-2025-03-08")).Document;
        var canceled = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.CanceledId}/creighton-at-marquette-2025-03-08")).Document;

        Assert.AreEqual("https://schema.org/EventPostponed", SiteTestHost.JsonLd(postponed).GetProperty("eventStatus").GetString());
        Assert.AreEqual("https://schema.org/EventCancelled", SiteTestHost.JsonLd(canceled).GetProperty("eventStatus").GetString());
        Assert.AreEqual("Creighton at Marquette — Canceled", canceled.Title);
    }
}
