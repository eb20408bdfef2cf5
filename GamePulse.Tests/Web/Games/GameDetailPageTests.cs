using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Tests.Worker.Ingestion.Summaries;

namespace GamePulse.Tests.Web.Games;

/// <summary>
/// The game page's detail over data ingested the way production's is: the 2026-03-03/04 scoreboards, then the
/// summaries of the overtime final, the halftime game and a pre-game; an NCAA-only game for the source notice.
/// The clock is in the halftime of 2026-03-04, so that game's page polls.
/// </summary>
[TestClass]
public sealed class GameDetailPageTests
{
    private static TestDatabase database = null!;
    private static SiteFactory site = null!;
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task IngestAndStart(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        var harness = new SummaryHarness(database);
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-03-groups50-final.json");
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-04-groups50-live.json");
        await harness.Scoreboards.FileAsync("ncaa/scoreboard-women-2025-04-06-final.json", Leagues.Womens, GamePulse.Data.Teams.ScoreSource.Ncaa);
        foreach (var summary in new[] { "espn/summary-401808279-final-ot.json", "espn/summary-401851239-live-halftime.json", "espn/summary-401820689-pre.json" })
        {
            await harness.StoreAsync(summary);
        }

        site = new SiteFactory(database.ConnectionString, new TestClock(new DateTimeOffset(2026, 3, 4, 20, 20, 0, TimeSpan.Zero)));
        client = site.CreateClient(new() { AllowAutoRedirect = false });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        client.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<string> PathOfAsync(string espnId)
    {
        var id = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = @espnId", new { espnId });
        return (await client.GetAsync(new Uri($"/mens-college-basketball/games/{id}", UriKind.Relative))).Headers.Location!.OriginalString;
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static IReadOnlyList<string> Texts(IParentNode page, string selector) => [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];

    [TestMethod]
    public async Task The_overtime_final_shows_leaders_first_then_both_box_scores_starters_first_with_totals_and_shooting()
    {
        var (response, page) = await GetAsync(await PathOfAsync("401808279"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "status");
        var leaders = page.QuerySelector("[data-testid='game-leaders']")!;
        var box = page.QuerySelector("[data-testid='game-box-score']")!;
        Assert.IsTrue(leaders.CompareDocumentPosition(box).HasFlag(DocumentPositions.Following), "leaders come before the box score");
        Assert.HasCount(3, leaders.QuerySelectorAll("tbody tr"), "points, rebounds and assists");
        var away = page.QuerySelector("[data-testid='box-score-away']")!;
        Assert.HasCount(16, away.QuerySelectorAll("[data-testid='box-score-player']"), "Vanderbilt's players");
        Assert.IsTrue(away.QuerySelectorAll("[data-testid='box-score-player']").Take(5).All(r => r.ClassList.Contains("starter")), "the first five rows are the starters");
        Assert.HasCount(7, away.QuerySelectorAll("[data-testid='box-score-dnp']"), "Vanderbilt players who did not play");
        var totals = Texts(away, "[data-testid='box-score-totals'] td");
        Assert.AreEqual("89", totals[1], "Vanderbilt's points");
        Assert.AreEqual("29-75", totals[2], "Vanderbilt's field goals");
        Assert.AreEqual("38.7%", away.QuerySelector("[data-testid='box-score-fg-pct']")!.TextContent, "29 of 75");
        Assert.AreEqual("28.1%", away.QuerySelector("[data-testid='box-score-3pt-pct']")!.TextContent, "9 of 32");
        Assert.AreEqual("73.3%", away.QuerySelector("[data-testid='box-score-ft-pct']")!.TextContent, "22 of 30");
        Assert.IsNull(page.QuerySelector("[data-testid='game-detail-unavailable']"), "an ESPN game has no source notice");
    }

    [TestMethod]
    public async Task Sorting_by_a_column_is_a_link_without_script_and_keeps_the_canonical_URL()
    {
        var path = await PathOfAsync("401808279");
        var (_, page) = await GetAsync(path);
        var link = page.QuerySelector("[data-testid='box-score-away'] [data-testid='box-score-sort-pts']")!.GetAttribute("href")!;
        Assert.AreEqual($"{path}?sort=pts#box-score", link, "the PTS header links to the sorted view");

        var (_, sorted) = await GetAsync($"{path}?sort=pts");

        var points = sorted.QuerySelectorAll("[data-testid='box-score-away'] [data-testid='box-score-player']")
            .Select(r => r.QuerySelectorAll("td")).Where(c => c.Length > 1).Select(c => int.Parse(c[1].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(points.OrderByDescending(p => p).ToList(), points, "players by points, highest first");
        Assert.AreEqual(34, points[0], "Vanderbilt's top scorer");
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{path}", sorted.QuerySelector("link[rel='canonical']")!.GetAttribute("href"), "canonical of the sorted view");
        Assert.AreEqual("descending", sorted.QuerySelector("[data-testid='box-score-away'] th[aria-sort]")!.GetAttribute("aria-sort"), "the sorted column says so");
    }

    [TestMethod]
    [DataRow("?sort=height")]
    [DataRow("?sort=pts&sort=reb")]
    [DataRow("?plays=all")]
    [DataRow("?period=0")]
    [DataRow("?period=10")]
    [DataRow("?period=01")]
    public async Task A_malformed_view_is_a_400(string query)
    {
        var (response, _) = await GetAsync(await PathOfAsync("401808279") + query);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, query);
    }

    [TestMethod]
    public async Task A_long_final_log_shows_one_period_at_a_time_and_all_of_it_on_request_in_game_order()
    {
        var path = await PathOfAsync("401808279");
        var (_, page) = await GetAsync(path);
        string[] expected1 = ["1st half"];
        CollectionAssert.AreEqual(expected1, Texts(page, "[data-testid='game-plays-period'] caption").ToArray(), "a final's long log opens at the first half");
        Assert.HasCount(4, page.QuerySelectorAll("[data-testid='game-plays-periods'] a"), "1st half, 2nd half, OT and all periods");

        var (_, all) = await GetAsync($"{path}?period=all");
        string[] expected2 = ["1st half", "2nd half", "OT"];
        CollectionAssert.AreEqual(expected2, Texts(all, "[data-testid='game-plays-period'] caption").ToArray(), "every period in order");
        Assert.HasCount(581, all.QuerySelectorAll("[data-testid='game-play']"), "every play");
        Assert.AreEqual("End of Game", all.QuerySelectorAll("[data-testid='game-play'] .play-text")[^1].TextContent, "the last play ends the game");

        var (_, overtime) = await GetAsync($"{path}?period=3");
        string[] expected3 = ["OT"];
        CollectionAssert.AreEqual(expected3, Texts(overtime, "[data-testid='game-plays-period'] caption").ToArray(), "one period on request");
    }

    [TestMethod]
    public async Task Scoring_plays_only_keeps_the_plays_that_changed_the_score()
    {
        var path = await PathOfAsync("401808279");
        var (_, page) = await GetAsync($"{path}?plays=scoring");

        var rows = page.QuerySelectorAll("[data-testid='game-play']");
        Assert.HasCount(103, rows, "48 free throws, 38 twos and 17 threes made");
        Assert.IsTrue(rows.All(r => r.ClassList.Contains("scoring")), "only scoring plays");
        Assert.AreEqual("page", page.QuerySelector("[data-testid='game-plays-scoring']")!.GetAttribute("aria-current"), "the filter shows as current");
    }

    [TestMethod]
    public async Task The_win_probability_chart_is_an_SVG_step_line_with_a_text_alternative()
    {
        var (_, page) = await GetAsync(await PathOfAsync("401808279"));

        var chart = page.QuerySelector("[data-testid='game-win-probability']")!;
        Assert.IsNotNull(chart.QuerySelector("svg[role='img'] polyline[data-testid='game-win-probability-line']"), "the line");
        var text = chart.QuerySelector("[data-testid='game-win-probability-text']")!.TextContent;
        StringAssert.StartsWith(text, "Ole Miss's chance to win went from 30% at the first play", "the text alternative starts at tip-off");
        StringAssert.Contains(text, "to 0% after the last (580 plays)", "and ends with Vanderbilt's win");
        Assert.HasCount(3, chart.QuerySelectorAll("[data-testid='game-win-probability-row']"), "one row per period's end");
    }

    [TestMethod]
    public async Task A_live_game_lists_its_latest_play_first_and_its_poll_keeps_the_view_and_brings_the_detail()
    {
        var path = await PathOfAsync("401851239");
        var (_, page) = await GetAsync($"{path}?plays=scoring");

        var live = page.QuerySelector("[data-testid='game-live']")!;
        Assert.AreEqual($"{path}?plays=scoring", live.GetAttribute("hx-get"), "the poll asks for the same view");
        var (_, all) = await GetAsync(path);
        Assert.AreEqual("End of 1st half", all.QuerySelector("[data-testid='game-play'] .play-text")!.TextContent, "latest play first while live");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        var fragment = await client.SendAsync(request);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, fragment.StatusCode, "the live fragment");
        StringAssert.Contains(html, "data-testid=\"game-box-score\"", "the fragment carries the box score");
        StringAssert.Contains(html, "data-testid=\"game-plays\"", "and the plays");
        StringAssert.DoesNotMatch(html, new System.Text.RegularExpressions.Regex("<html"), "a fragment, not a page");
    }

    [TestMethod]
    public async Task A_pre_game_summary_shows_season_leaders_and_no_box_score()
    {
        var (response, page) = await GetAsync(await PathOfAsync("401820689"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "status");
        Assert.AreEqual("Season leaders", page.QuerySelector("#game-leaders-heading")!.TextContent, "leaders heading before tip-off");
        Assert.IsNull(page.QuerySelector("[data-testid='game-box-score']"), "no box score before tip-off");
        Assert.IsNull(page.QuerySelector("[data-testid='game-plays']"), "no plays before tip-off");
    }

    [TestMethod]
    public async Task An_NCAA_only_game_says_its_detail_is_not_available()
    {
        var id = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id IS NULL LIMIT 1");
        var path = (await client.GetAsync(new Uri($"/womens-college-basketball/games/{id}", UriKind.Relative))).Headers.Location!.OriginalString;
        var (_, page) = await GetAsync(path);

        StringAssert.Contains(page.QuerySelector("[data-testid='game-detail-unavailable']")!.TextContent, "not available", "the notice");
        Assert.IsNull(page.QuerySelector("[data-testid='game-box-score']"), "no box score");
    }

    [TestMethod]
    public async Task A_live_card_shows_the_last_play_and_the_game_leader_and_a_final_card_does_not()
    {
        var live = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = '401851239'");
        var final = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = '401808279'");

        var (_, today) = await GetAsync("/mens-college-basketball/scores/2026-03-04");
        var card = today.QuerySelector($"[data-testid='game-card'][data-game-id='{live}']")!;
        Assert.AreEqual("End of 1st half", card.QuerySelector("[data-testid='game-card-last-play']")!.TextContent, "the halftime game's last play");
        Assert.AreEqual("J.R. Konieczny (FGCU) 7 pts", card.QuerySelector("[data-testid='game-card-leader']")!.TextContent, "its leading scorer");

        var (_, yesterday) = await GetAsync("/mens-college-basketball/scores/2026-03-03");
        var finalCard = yesterday.QuerySelector($"[data-testid='game-card'][data-game-id='{final}']")!;
        Assert.IsNull(finalCard.QuerySelector("[data-testid='game-card-last-play']"), "a final card has no last play");
        Assert.IsNull(finalCard.QuerySelector("[data-testid='game-card-leader']"), "nor a leader");
    }
}
