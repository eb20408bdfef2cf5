using System.Globalization;
using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Scores;

[TestClass]
public sealed class ScoreboardPageTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    [TestMethod]
    public async Task Shows_the_day_in_sections_live_upcoming_final_then_postponed_and_canceled()
    {
        var (_, page) = await site.GetPageAsync(Day);

        var sections = page.QuerySelectorAll("[data-testid^='scores-section-']").Select(s => s.GetAttribute("data-testid")).ToList();
        string[] expected = ["scores-section-live", "scores-section-upcoming", "scores-section-final", "scores-section-off"];
        CollectionAssert.AreEqual(expected, sections);
        long[] Ids(string section) => [.. page.QuerySelectorAll($"[data-testid='scores-section-{section}'] [data-testid='game-card']").Select(c => long.Parse(c.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture))];
        CollectionAssert.AreEqual(new[] { site.Day.LiveId, site.Day.HalftimeId }, Ids("live"), "live games in tip-off order");
        CollectionAssert.AreEqual(new[] { site.Day.SoonId, site.Day.LaterNeutralId }, Ids("upcoming"), "the soonest tip-off first");
        CollectionAssert.AreEqual(new[] { site.Day.FinalId, site.Day.FinalOvertimeId }, Ids("final"));
        CollectionAssert.AreEquivalent(new[] { site.Day.PostponedId, site.Day.CanceledId }, Ids("off"));
    }

    [TestMethod]
    public async Task A_game_card_shows_teams_ranks_records_scores_state_broadcast_and_a_link_to_the_game()
    {
        var (_, page) = await site.GetPageAsync(Day);
        var card = page.QuerySelector($"[data-game-id='{site.Day.LiveId}']")!;

        Assert.AreEqual("North Carolina", card.QuerySelector("[data-testid='game-card-away'] [data-testid='game-card-team-name']")!.TextContent);
        Assert.AreEqual("2", card.QuerySelector("[data-testid='game-card-home'] [data-testid='game-card-rank']")!.TextContent);
        Assert.AreEqual("26-3", card.QuerySelector("[data-testid='game-card-home'] [data-testid='game-card-record']")!.TextContent);
        Assert.AreEqual("52", card.QuerySelector("[data-testid='game-card-home-score']")!.TextContent);
        Assert.AreEqual("50", card.QuerySelector("[data-testid='game-card-away-score']")!.TextContent);
        Assert.AreEqual("2nd 10:12", card.QuerySelector("[data-testid='game-card-state']")!.TextContent);
        Assert.AreEqual("ESPN", card.QuerySelector("[data-testid='game-card-broadcast']")!.TextContent);
        // No logo stored by the Worker here: the colour disc (stored logos: Web/Logos/LogoEndpointTests).
        Assert.IsNull(card.QuerySelector("[data-testid='game-card-home'] img"), "no third-party logo URL reaches the page");
        Assert.IsNotNull(card.QuerySelector("[data-testid='game-card-home'] span.team-logo"), "the disc stands in for the logo");
        Assert.AreEqual($"/mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08", card.QuerySelector("a[data-testid='game-card-link']")!.GetAttribute("href"));
        Assert.AreEqual("Final OT", page.QuerySelector($"[data-game-id='{site.Day.FinalOvertimeId}'] [data-testid='game-card-state']")!.TextContent);
        Assert.AreEqual("Final", page.QuerySelector($"[data-game-id='{site.Day.FinalId}'] [data-testid='game-card-state']")!.TextContent);
        Assert.AreEqual("Postponed", page.QuerySelector($"[data-game-id='{site.Day.PostponedId}'] [data-testid='game-card-state']")!.TextContent);
    }

    [TestMethod]
    public async Task An_upcoming_game_shows_its_US_Eastern_start_in_a_time_element()
    {
        var (_, page) = await site.GetPageAsync(Day);
        var time = page.QuerySelector($"[data-game-id='{site.Day.SoonId}'] time[data-testid='game-card-state']")!;

        Assert.AreEqual("2025-03-08T20:10:00-05:00", time.GetAttribute("datetime"));
        Assert.AreEqual("8:10 PM ET", time.TextContent);
        Assert.AreEqual("Las Vegas Showcase", page.QuerySelector($"[data-game-id='{site.Day.LaterNeutralId}'] [data-testid='game-card-notes']")!.TextContent);
    }

    [TestMethod]
    public async Task Previous_and_next_links_skip_empty_days_and_the_date_picker_is_a_GET_form()
    {
        var (_, page) = await site.GetPageAsync(Day);

        Assert.AreEqual("/mens-college-basketball/scores/2025-03-05", page.QuerySelector("[data-testid='scores-date-previous']")!.GetAttribute("href"));
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-11", page.QuerySelector("[data-testid='scores-date-next']")!.GetAttribute("href"));
        var form = page.QuerySelector("form[data-testid='scores-date-form']")!;
        Assert.AreEqual("get", form.GetAttribute("method"));

        var picked = await site.Client().GetAsync("/mens-college-basketball/scores?date=2025-03-05");
        Assert.AreEqual(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-05", picked.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task Without_a_date_the_scoreboard_is_today_in_US_Eastern_time()
    {
        // 01:00 UTC on March 9 is still March 8 in the East.
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores");

        Assert.HasCount(8, page.QuerySelectorAll("[data-testid='game-card']"));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}/mens-college-basketball/scores", SiteTestHost.Canonical(page));
    }

    [TestMethod]
    public async Task A_day_without_games_has_a_friendly_empty_state_with_a_way_on()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores/2025-03-07");

        var empty = page.QuerySelector("[data-testid='scores-empty']")!;
        StringAssert.Contains(empty.TextContent, "No NCAA Men's Basketball games on Friday, March 7, 2025.");
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-08", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.AreEqual("noindex", SiteTestHost.Meta(page, "robots"));
    }

    [TestMethod]
    [DataRow("/nba/scores")]
    [DataRow("/mens-college-basketball/scores/2025-02-30")]
    [DataRow("/mens-college-basketball/scores/2025-3-8")]
    [DataRow("/mens-college-basketball/scores/99999-01-01")]
    [DataRow("/mens-college-basketball/scores/1850-01-01")]
    [DataRow("/mens-college-basketball/scores/2025-03-08/extra")]
    [DataRow("/mens-college-basketball/scores/2025-03-08%27%20or%201=1")] // lower case: capitals are a 301 first (LowerCaseUrlTests)
    [DataRow("/mens-college-basketball/teams/no-such-team")]
    [DataRow("/mens-college-basketball/conferences/no-such-conference")]
    [DataRow("/mens-college-basketball/teams/drop%20table")]
    public async Task Malformed_or_unknown_addresses_get_the_sites_404_page(string path)
    {
        var (_, page) = await site.GetPageAsync(path, HttpStatusCode.NotFound);

        Assert.AreEqual("Page not found", page.QuerySelector("[data-testid='error-heading']")!.TextContent);
    }

    [TestMethod]
    [DataRow("garbage")]
    [DataRow("2025-13-01")]
    [DataRow("")]
    public async Task A_bad_date_from_the_picker_is_a_400_with_the_sites_error_page(string date)
    {
        var (_, page) = await site.GetPageAsync($"/mens-college-basketball/scores?date={Uri.EscapeDataString(date)}", HttpStatusCode.BadRequest);

        Assert.AreEqual("Bad request", page.QuerySelector("[data-testid='error-heading']")!.TextContent);
    }

    [TestMethod]
    public async Task An_absurd_date_value_is_a_400_while_unknown_tracking_parameters_are_ignored()
    {
        var absurd = await site.Client().GetAsync($"/mens-college-basketball/scores?date={new string('9', 5_000)}");
        var (_, tracked) = await site.GetPageAsync($"{Day}?utm_source=chat&x={new string('x', 2_000)}");

        Assert.AreEqual(HttpStatusCode.BadRequest, absurd.StatusCode);
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{Day}", SiteTestHost.Canonical(tracked), "the canonical drops the query");
    }

    [TestMethod]
    public async Task The_scoreboard_carries_an_ItemList_of_absolute_game_URLs_and_share_tags()
    {
        var (_, page) = await site.GetPageAsync(Day);

        var list = SiteTestHost.JsonLd(page);
        Assert.AreEqual("ItemList", list.GetProperty("@type").GetString());
        Assert.AreEqual(8, list.GetProperty("numberOfItems").GetInt32());
        var urls = list.GetProperty("itemListElement").EnumerateArray().Select(e => e.GetProperty("url").GetString()!).ToList();
        Assert.HasCount(8, urls);
        Assert.IsTrue(urls.All(u => u.StartsWith($"{SiteFactory.PublicBaseUrl}/mens-college-basketball/games/", StringComparison.Ordinal)), string.Join(", ", urls));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{Day}", SiteTestHost.Canonical(page));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{Day}", SiteTestHost.Meta(page, "og:url"));
        // The day's own share card (its top games by Pulse), not the site's default image (decision 0440).
        StringAssert.StartsWith(SiteTestHost.Meta(page, "og:image"), $"{SiteFactory.PublicBaseUrl}{Day}/card.png?v=", "og:image is the day card");
        Assert.AreEqual("summary_large_image", SiteTestHost.Meta(page, "twitter:card"));
        Assert.AreEqual("NCAA Men's Basketball scores — Saturday, March 8, 2025 | GamePulse", page.Title);
    }

    [TestMethod]
    public async Task The_canonical_URL_comes_from_configuration_never_from_the_Host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Day);
        request.Headers.Host = "evil.example";
        var response = await site.Client().SendAsync(request);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{Day}", SiteTestHost.Canonical(page));
    }

    [TestMethod]
    public async Task Cache_control_is_short_with_stale_while_revalidate_while_games_are_open_and_long_once_all_are_final()
    {
        var open = await site.Client().GetAsync(Day);
        var settled = await site.Client().GetAsync("/mens-college-basketball/scores/2025-03-05");

        Assert.AreEqual("public, max-age=15, stale-while-revalidate=30", open.Headers.CacheControl!.ToString());
        Assert.AreEqual("public, max-age=86400", settled.Headers.CacheControl!.ToString());
        Assert.Contains("HX-Request", open.Headers.Vary);
    }
}
