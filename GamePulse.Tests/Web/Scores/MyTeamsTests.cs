using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Scores;

/// <summary>
/// What a signed-in visitor gets on the public pages: follow buttons on team pages and game cards, the "My teams"
/// filter and followed-first order on scoreboards, and pages that are never cached for anyone else. The real app over
/// the seeded game day, signed in through the real emailed-link flow.
/// </summary>
[TestClass]
public sealed class MyTeamsTests : IAsyncDisposable
{
    private const string Scoreboard = "/mens-college-basketball/scores/2025-03-08";
    private const string Mine = Scoreboard + "?teams=mine";
    private const string DukePage = "/mens-college-basketball/teams/duke";

    private TestDatabase database = null!;
    private ScoreboardDay day = null!;
    private AccountSite site = null!;
    private SiteBrowser fan = null!;
    private SiteBrowser anonymous = null!;

    [TestInitialize]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
        site = new AccountSite(database.ConnectionString);
        fan = site.Browser();
        anonymous = site.Browser();
        await fan.RequestLinkAsync("fan@example.com");
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();
        using var confirm = await fan.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.IsTrue(await fan.IsSignedInAsync());
    }

    public async ValueTask DisposeAsync()
    {
        fan.Dispose();
        anonymous.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<IHtmlDocument> PageAsync(SiteBrowser browser, string url)
    {
        var (response, document) = await browser.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {url}");
        response.Dispose();
        return document;
    }

    /// <summary>Submits a follow form found on a page the way the browser would: its action, its fields, its token.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(IElement form, bool htmx)
    {
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await fan.Http.SendAsync(request);
    }

    private static IElement FollowForm(IParentNode scope, int teamId) =>
        scope.QuerySelectorAll("[data-testid=account-follow-form]").SingleOrDefault(f => f.GetAttribute("data-team-id") == teamId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? throw new AssertFailedException($"no follow form for team {teamId}");

    private static IElement Card(IParentNode page, long gameId) =>
        page.QuerySelectorAll("[data-testid=game-card]").SingleOrDefault(c => c.GetAttribute("data-game-id") == gameId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? throw new AssertFailedException($"no card for game {gameId}");

    private static long[] GameIds(IParentNode scope) =>
        [.. scope.QuerySelectorAll("[data-testid=game-card]").Select(c => long.Parse(c.GetAttribute("data-game-id")!, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task FollowAsync(params string[] slugs)
    {
        var page = await PageAsync(fan, Scoreboard);
        foreach (var slug in slugs)
        {
            using var response = await SubmitAsync(FollowForm(page, day.Team(slug)), htmx: false);
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [TestMethod]
    public async Task Following_from_the_team_page_with_a_plain_form_returns_to_it_with_the_button_pressed()
    {
        var page = await PageAsync(fan, DukePage);
        var actions = page.QuerySelector("[data-testid=team-actions]")!;
        var form = FollowForm(actions, day.Team("duke"));
        Assert.AreEqual("false", form.QuerySelector("[data-testid=account-follow-button]")!.GetAttribute("aria-pressed"));
        Assert.AreEqual("/account/follows/" + day.Team("duke"), form.GetAttribute("hx-post"), "htmx posts where the plain form does");

        using var response = await SubmitAsync(form, htmx: false);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual(DukePage, response.Headers.Location!.OriginalString);
        var after = await PageAsync(fan, DukePage);
        Assert.AreEqual("true", after.QuerySelector("[data-testid=team-actions] [data-testid=account-follow-button]")!.GetAttribute("aria-pressed"));
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM follows"));
    }

    [TestMethod]
    public async Task Following_from_a_game_card_with_htmx_swaps_that_button_and_shows_on_the_next_page()
    {
        var page = await PageAsync(fan, Scoreboard);
        var card = Card(page, day.SoonId);
        Assert.HasCount(2, card.QuerySelectorAll("[data-testid=game-card-follows] [data-testid=account-follow-form]"), "one button per team");
        var kentucky = FollowForm(card, day.Team("kentucky"));

        using var response = await SubmitAsync(kentucky, htmx: true);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.AreEqual("true", fragment.QuerySelector("[data-testid=account-follow-button]")!.GetAttribute("aria-pressed"));
        Assert.AreEqual(Scoreboard, fragment.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"), "the swapped form still returns to the scoreboard");
        var after = Card(await PageAsync(fan, Scoreboard), day.SoonId);
        Assert.AreEqual("true", FollowForm(after, day.Team("kentucky")).QuerySelector("[data-testid=account-follow-button]")!.GetAttribute("aria-pressed"));
        Assert.AreEqual("false", FollowForm(after, day.Team("tennessee")).QuerySelector("[data-testid=account-follow-button]")!.GetAttribute("aria-pressed"));
    }

    [TestMethod]
    public async Task Anonymous_visitors_get_a_sign_in_link_on_team_pages_and_bare_cards()
    {
        var team = await PageAsync(anonymous, DukePage);
        var signIn = team.QuerySelector("[data-testid=team-actions] [data-testid=account-follow-signin]");
        Assert.AreEqual("/account/login?returnUrl=%2Fmens-college-basketball%2Fteams%2Fduke", signIn!.GetAttribute("href"));
        Assert.IsNull(team.QuerySelector("[data-testid=account-follow-form]"));

        var scores = await PageAsync(anonymous, Scoreboard);
        Assert.IsNotEmpty(GameIds(scores));
        Assert.IsNull(scores.QuerySelector("[data-testid=game-card-follows]"));
        Assert.AreEqual(Mine, scores.QuerySelector("[data-testid=scores-filter-mine]")!.GetAttribute("href"));

        using var filter = await anonymous.Http.GetAsync(Mine);
        Assert.AreEqual(HttpStatusCode.Redirect, filter.StatusCode);
        Assert.AreEqual("/account/login?returnUrl=" + Uri.EscapeDataString(Mine), filter.Headers.Location!.OriginalString);
        using var poll = new HttpRequestMessage(HttpMethod.Get, Mine);
        poll.Headers.Add("HX-Request", "true");
        using var polled = await anonymous.Http.SendAsync(poll);
        Assert.AreEqual(HttpStatusCode.Unauthorized, polled.StatusCode);
        Assert.AreEqual("/account/login?returnUrl=" + Uri.EscapeDataString(Mine), polled.Headers.GetValues("HX-Redirect").Single());
    }

    [TestMethod]
    public async Task My_teams_shows_only_followed_teams_games_and_polls_with_the_filter()
    {
        await FollowAsync("duke", "kentucky");

        var page = await PageAsync(fan, Mine);

        CollectionAssert.AreEquivalent(new[] { day.LiveId, day.SoonId }, GameIds(page));
        Assert.AreEqual("page", page.QuerySelector("[data-testid=scores-filter-mine]")!.GetAttribute("aria-current"));
        Assert.AreEqual(Mine, page.QuerySelector("[data-testid=scores-games]")!.GetAttribute("hx-get"), "live polling keeps the filter");
        Assert.AreEqual("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content")!.Split(',')[0].Trim());

        using var poll = new HttpRequestMessage(HttpMethod.Get, Mine);
        poll.Headers.Add("HX-Request", "true");
        using var polled = await fan.Http.SendAsync(poll);
        Assert.AreEqual(HttpStatusCode.OK, polled.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await polled.Content.ReadAsStringAsync());
        CollectionAssert.AreEquivalent(new[] { day.LiveId, day.SoonId }, GameIds(fragment));
        Assert.AreEqual(Mine, fragment.QuerySelector("[data-testid=scores-games]")!.GetAttribute("hx-get"));
        Assert.IsTrue(polled.Headers.CacheControl!.Private);
    }

    [TestMethod]
    public async Task My_teams_without_followed_games_says_so()
    {
        var page = await PageAsync(fan, Mine);

        Assert.IsEmpty(GameIds(page));
        StringAssert.Contains(page.QuerySelector("[data-testid=scores-mine-empty]")!.TextContent, "don't follow any teams");
    }

    [TestMethod]
    public async Task Followed_teams_games_lead_each_section_for_the_signed_in_visitor_only()
    {
        static long[] Upcoming(IHtmlDocument page) => GameIds(page.QuerySelector("[data-testid=scores-section-upcoming]")!);
        CollectionAssert.AreEqual(new[] { day.SoonId, day.LaterNeutralId }, Upcoming(await PageAsync(fan, Scoreboard)), "tip-off order before following");

        await FollowAsync("purdue");

        CollectionAssert.AreEqual(new[] { day.LaterNeutralId, day.SoonId }, Upcoming(await PageAsync(fan, Scoreboard)));
        CollectionAssert.AreEqual(new[] { day.SoonId, day.LaterNeutralId }, Upcoming(await PageAsync(anonymous, Scoreboard)));
    }

    [TestMethod]
    public async Task A_signed_in_page_is_private_and_never_served_to_an_anonymous_visitor()
    {
        await FollowAsync("duke");
        foreach (var url in new[] { Scoreboard, DukePage })
        {
            // Signed-in first: if it were stored, the anonymous request would get it from the output cache.
            var (personal, personalPage) = await fan.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, personal.StatusCode, url);
            Assert.IsTrue(personal.Headers.CacheControl!.Private, $"{url}: {personal.Headers.CacheControl}");
            Assert.IsFalse(personal.Headers.CacheControl.Public, url);
            Assert.IsNotNull(personalPage.QuerySelector("[data-testid=account-follow-form]"), url);

            for (var i = 0; i < 2; i++)
            {
                var (shared, sharedPage) = await anonymous.GetAsync(url);
                Assert.AreEqual(HttpStatusCode.OK, shared.StatusCode, url);
                Assert.IsNull(sharedPage.QuerySelector("[data-testid=account-follow-form]"), $"{url}: anonymous request {i} saw a signed-in page");
                Assert.IsTrue(shared.Headers.CacheControl!.Public, url);
            }

            // And the other way round: the anonymous page now in the output cache is not served to the signed-in visitor.
            var (_, again) = await fan.GetAsync(url);
            Assert.IsNotNull(again.QuerySelector("[data-testid=account-follow-form]"), url);
        }
    }

    [TestMethod]
    [DataRow("?teams=all")]
    [DataRow("?teams=")]
    [DataRow("?teams=MINE")]
    [DataRow("?teams=mine&teams=mine")]
    [DataRow("?teams=mine&date=2025-03-09&teams=x")]
    public async Task Bad_filter_values_are_400(string query)
    {
        foreach (var browser in new[] { fan, anonymous })
        {
            var (response, page) = await browser.GetAsync(Scoreboard + query);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, query);
            Assert.IsNotNull(page.QuerySelector("h1"), "the site's own error page");
        }
    }

    [TestMethod]
    public async Task The_date_picker_and_date_links_keep_the_filter()
    {
        await FollowAsync("duke");
        var page = await PageAsync(fan, Mine);
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-11?teams=mine", page.QuerySelector("[data-testid=scores-date-next]")!.GetAttribute("href"));

        using var picked = await fan.Http.GetAsync("/mens-college-basketball/scores?date=2025-03-05&teams=mine");
        Assert.AreEqual(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-05?teams=mine", picked.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task Ordering_by_pulse_and_my_teams_combine_and_every_link_keeps_both()
    {
        await FollowAsync("duke");
        var page = await PageAsync(fan, Scoreboard + "?order=pulse&teams=mine");

        Assert.AreEqual("/mens-college-basketball/scores/2025-03-11?order=pulse&teams=mine", page.QuerySelector("[data-testid=scores-date-next]")!.GetAttribute("href"));
        StringAssert.EndsWith(page.QuerySelector("[data-testid=scores-order-time]")!.GetAttribute("href"), "?teams=mine");
        StringAssert.EndsWith(page.QuerySelector("[data-testid=scores-filter-all]")!.GetAttribute("href"), "?order=pulse");
        StringAssert.EndsWith(page.QuerySelector("[data-testid=scores-games]")!.GetAttribute("hx-get"), "?order=pulse&teams=mine");
        Assert.IsTrue(page.QuerySelectorAll("[data-testid=game-card-team-name]").Any(n => n.TextContent == "Duke"));

        using var picked = await fan.Http.GetAsync("/mens-college-basketball/scores?date=2025-03-05&order=pulse&teams=mine");
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-05?order=pulse&teams=mine", picked.Headers.Location!.OriginalString);
    }
}
