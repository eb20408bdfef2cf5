using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Tests.Worker.Ingestion.Espn;

namespace GamePulse.Tests.Web.Brackets;

/// <summary>
/// The bracket page over data ingested the way production data arrives: a 68-team field of real seeded teams in ESPN
/// groups=100 payloads built from real shapes (<see cref="TournamentPayloads.FullField"/>; no recorded NCAA Tournament
/// scoreboard exists), and the recorded 2026-03-14 conference-championship Saturday for the conference pages.
/// </summary>
[TestClass]
public sealed class BracketPageTests
{
    private const string Bracket = "/mens-college-basketball/tournament/2026";
    private const string Base = "https://scores.example.test";
    private static readonly DateTimeOffset Thursday = new(2026, 3, 19, 18, 0, 0, TimeSpan.Zero);
    private static TestDatabase database = null!;
    private static SiteFactory site = null!;
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task IngestAndStart(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        var harness = IngestHarness.Create(database);
        await harness.BytesAsync(TournamentPayloads.Scoreboard(TournamentPayloads.FullField()));
        await harness.FileAsync("espn/scoreboard-2026-03-14-conf-tourneys-final.json");
        site = new SiteFactory(database.ConnectionString, new TestClock(Thursday));
        client = site.CreateClient(new() { AllowAutoRedirect = false });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        client.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<IHtmlDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, $"GET {path}");
        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>The Worker's NOTIFY, waited for until this site's listener has evicted what it names.</summary>
    private static async Task NotifyAndWaitAsync(string payload)
    {
        var evicted = new TaskCompletionSource();
        void OnEvicted(string tag)
        {
            if (tag == payload)
            {
                evicted.TrySetResult();
            }
        }

        site.Listener.Evicted += OnEvicted;
        try
        {
            await database.ExecuteAsync($"NOTIFY gamepulse_games, '{payload}'");
            await evicted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            site.Listener.Evicted -= OnEvicted;
        }
    }

    private static List<string> Names(IHtmlDocument document, string scope) =>
        [.. document.QuerySelectorAll($"{scope} [data-testid='game-card-team-name']").Select(n => n.TextContent)];

    [TestMethod]
    public async Task The_bracket_shows_the_full_field_by_region_and_round_with_TBD_slots()
    {
        var document = await PageAsync(Bracket);

        Assert.HasCount(4, document.QuerySelectorAll("[data-testid='bracket-round-first-four'] [data-testid='game-card']"), "First Four games");
        CollectionAssert.AreEqual(TournamentPayloads.Regions, document.QuerySelectorAll("[data-testid='bracket-region']").Select(r => r.GetAttribute("data-region")).ToArray(), "the four regions in tip-off order");
        foreach (var region in document.QuerySelectorAll("[data-testid='bracket-region']"))
        {
            Assert.HasCount(8, region.QuerySelectorAll("[data-testid='bracket-round-first-round'] [data-testid='game-card']"), $"{region.GetAttribute("data-region")}: first-round games");
            var seeds = region.QuerySelectorAll("[data-testid='bracket-round-first-round'] [data-testid='game-card']")
                .Select(c => c.QuerySelectorAll("[data-testid='game-card-seed']").Select(s => int.Parse(s.TextContent.Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture)).Min()).ToArray();
            int[] bracketOrder = [1, 8, 5, 4, 6, 3, 7, 2];
            CollectionAssert.AreEqual(bracketOrder, seeds, $"{region.GetAttribute("data-region")}: first-round games in bracket order, by the better seed: {string.Join(",", seeds)}");
        }

        var teams = Names(document, "[data-testid='bracket']").Where(n => n != "TBD" && !n.StartsWith("Winner", StringComparison.Ordinal)).Distinct().ToList();
        Assert.HasCount(68, teams, "all 68 teams of the field appear");
        Assert.HasCount(30, document.QuerySelectorAll("[data-testid='bracket-tbd-slot']"), "15 second-round, 8, 4, 2 and 1 slots not listed yet");
        Assert.HasCount(2, document.QuerySelectorAll("[data-testid='bracket-round-final-four'] [data-testid='bracket-tbd-slot']"), "the Final Four is two TBD slots");
        var secondRound = document.QuerySelector("[data-region='South'] [data-testid='bracket-round-second-round'] [data-testid='game-card']")!;
        StringAssert.Contains(secondRound.TextContent, "Winner of 8/9", "a listed game with an unknown side shows the slot's label");
    }

    [TestMethod]
    public async Task The_bracket_has_its_title_canonical_and_open_graph_and_polls_while_a_game_is_live()
    {
        var document = await PageAsync(Bracket);

        Assert.AreEqual("2026 Men's NCAA Tournament bracket | GamePulse", document.Title, "title");
        Assert.AreEqual(Base + Bracket, SiteTestHost.Canonical(document), "canonical");
        Assert.AreEqual(Base + Bracket, SiteTestHost.Meta(document, "og:url"), "og:url");
        Assert.AreEqual(Bracket, document.QuerySelector("#bracket")!.GetAttribute("hx-get"), "a live game: the bracket polls itself");
        var live = document.QuerySelector($"[data-testid='bracket'] .state-live")!;
        Assert.IsNotNull(live, "the live game is shown live");
    }

    [TestMethod]
    public async Task A_poll_answers_only_the_bracket_and_reflects_a_new_score_after_the_notify()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Bracket);
        request.Headers.Add("HX-Request", "true");
        var first = await client.SendAsync(request);
        var fragment = await first.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, "poll status");
        Assert.StartsWith("<div id=\"bracket\"", fragment.Trim(), "only the bracket");

        await database.ExecuteAsync("UPDATE games SET home_score = 55, updated_at = now() WHERE espn_id = @id", new { id = TournamentPayloads.LiveFirstRoundId });
        await NotifyAndWaitAsync("mens-college-basketball:2026-03-19");
        var document = await PageAsync(Bracket);

        var card = document.QuerySelector($"[data-testid='bracket-round-first-round'] [data-testid='game-card'].state-live")!;
        Assert.AreEqual("55", card.QuerySelector("[data-testid='game-card-home-score']")!.TextContent, "the new score");
    }

    [TestMethod]
    public async Task The_scoreboard_and_home_page_link_the_bracket_while_the_tournament_is_on_and_the_sitemap_lists_it()
    {
        var scoreboard = await PageAsync("/mens-college-basketball/scores/2026-03-19");
        var home = await PageAsync("/");
        var regular = await PageAsync("/mens-college-basketball/scores/2026-03-13");
        var sitemap = await client.GetStringAsync(new Uri("/sitemaps/mens-college-basketball-2026.xml", UriKind.Relative));

        Assert.AreEqual(Bracket, scoreboard.QuerySelector("[data-testid='scores-bracket-link']")!.GetAttribute("href"), "scoreboard link");
        Assert.AreEqual(Bracket, home.QuerySelector("[data-testid='home-bracket-link']")!.GetAttribute("href"), "home link");
        Assert.IsNull(home.QuerySelectorAll("[data-testid='home-bracket-link']").Skip(1).FirstOrDefault(), "only the men's tournament is on");
        Assert.IsNull(regular.QuerySelector("[data-testid='scores-bracket-link']"), "four days before the First Four the tournament is not on yet");
        StringAssert.Contains(sitemap, "<loc>" + Base + Bracket + "</loc>", "the bracket is in the season's sitemap");
    }

    [TestMethod]
    [DataRow("/mens-college-basketball/tournament/2025")]
    [DataRow("/womens-college-basketball/tournament/2026")]
    [DataRow("/mens-college-basketball/tournament/1999")]
    [DataRow("/mens-college-basketball/tournament/twenty")]
    [DataRow("/no-such-league/tournament/2026")]
    public async Task A_season_without_a_tournament_is_not_found(string path) =>
        await PageAsync(path, HttpStatusCode.NotFound);

    [TestMethod]
    public async Task A_game_with_an_unknown_side_opens_and_links_only_the_known_team()
    {
        var bracket = await PageAsync(Bracket);
        var link = bracket.QuerySelector("[data-region='South'] [data-testid='bracket-round-second-round'] [data-testid='game-card-link']")!.GetAttribute("href")!;

        var game = await PageAsync(link);

        StringAssert.Contains(link, "/tbd-vs-", "the unknown side's slug in the game's URL");
        Assert.AreEqual("Winner of 8/9", game.QuerySelector("[data-testid='game-heading-placeholder']")!.TextContent, "the unknown side, not a link");
        Assert.HasCount(1, game.QuerySelectorAll("[data-testid='game-heading'] a"), "only the known team links its page");
    }

    [TestMethod]
    public async Task A_conference_tournament_has_its_page_reached_from_the_conference_page()
    {
        var conference = await PageAsync("/mens-college-basketball/conferences/acc");
        var link = conference.QuerySelector("[data-testid='conference-tournament-link']")!;
        Assert.AreEqual("2026 T. Rowe Price ACC Tournament", link.TextContent, "the ACC's tournament of the season");

        var page = await PageAsync(link.GetAttribute("href")!);

        Assert.AreEqual("/mens-college-basketball/conferences/acc/tournament/2026", link.GetAttribute("href"), "its URL");
        Assert.AreEqual("Final (1)", page.QuerySelector("[data-testid='conference-tournament-round'] h2")!.TextContent, "the round the recorded day has");
        string[] accFinal = ["Virginia", "Duke"];
        CollectionAssert.AreEquivalent(accFinal, Names(page, "[data-testid='conference-tournament']"), "the ACC final");
    }

    [TestMethod]
    public async Task The_season_sitemap_lists_the_bracket_and_each_conference_tournament_page()
    {
        var response = await client.GetAsync(new Uri("/sitemaps/mens-college-basketball-2026.xml", UriKind.Relative));
        var urls = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants()
            .Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();

        CollectionAssert.Contains(urls, Base + Bracket, "the NCAA bracket");
        CollectionAssert.Contains(urls, Base + "/mens-college-basketball/conferences/acc/tournament/2026", "the ACC tournament page");
        foreach (var url in urls.Where(u => u.Contains("/tournament/", StringComparison.Ordinal)))
        {
            var page = await client.GetAsync(new Uri(url[Base.Length..], UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, $"{url} is a canonical page");
        }
    }
}
