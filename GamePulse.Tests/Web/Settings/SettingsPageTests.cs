using System.Net;
using AngleSharp.Html.Dom;
using GamePulse.Data.Site;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Settings;

/// <summary>
/// /settings on real Kestrel over the seeded game day: the cookie signed out, the account signed in (and on a second
/// device), spoiler-free pages and their live fragments, bad input, and the output cache keeping every variant apart
/// while the anonymous page stays one cached entry.
/// </summary>
[TestClass]
public sealed class SettingsPageTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";

    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;
    private static KestrelWeb web = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
        // The league-day data cache off, so a render shows the database as it is now: what the cache test needs to tell
        // a page rendered now from a page served from the output cache. The output cache itself stays on.
        web = await KestrelWeb.StartAsync(database.ConnectionString, "Development", "--PageCache:DataEnabled=false");
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await web.DisposeAsync();
        await database.DisposeAsync();
    }

    private static SiteBrowser Browser() => SiteBrowser.Over(new Uri(web.BaseUrl));

    private static async Task<IHtmlDocument> PageAsync(SiteBrowser browser, string url)
    {
        var (response, document) = await browser.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {url}");
        response.Dispose();
        return document;
    }

    private static Task<HttpResponseMessage> SaveAsync(SiteBrowser browser, string timeZone, bool hide) =>
        browser.PostFormAsync(SiteUrls.Settings, SiteUrls.Settings, hide
            ? new Dictionary<string, string> { ["timeZone"] = timeZone, ["spoilers"] = SiteUrls.SpoilersHide }
            : new Dictionary<string, string> { ["timeZone"] = timeZone });

    private static string CardText(IHtmlDocument page, long id, string testId) =>
        page.QuerySelector($"[data-game-id='{id}'] [data-testid='{testId}']")?.TextContent.Trim() ?? throw new AssertFailedException($"no {testId} on card {id}");

    private static string Attribute(IHtmlDocument page, string selector, string attribute) =>
        page.QuerySelector(selector)?.GetAttribute(attribute) ?? throw new AssertFailedException($"no {attribute} on {selector}");

    private static string SelectedZone(IHtmlDocument page) =>
        (page.QuerySelector("[data-testid='settings-form-timezone'] option[selected]") as IHtmlOptionElement)?.Value ?? throw new AssertFailedException("no zone selected");

    [TestMethod]
    public async Task The_settings_page_is_at_the_url_SiteUrls_names_with_its_form()
    {
        using var browser = Browser();
        var page = await PageAsync(browser, SiteUrls.Settings);

        Assert.IsNotNull(page.QuerySelector("[data-testid='settings-form-timezone'] option[value='pt']"), "PT offered");
        Assert.IsNotNull(page.QuerySelector("[data-testid='settings-form-timezone'] option[value='auto']"), "automatic offered");
        Assert.AreEqual("et", SelectedZone(page), "ET by default");
        Assert.IsFalse(((IHtmlInputElement)page.QuerySelector("[data-testid='settings-form-spoilers']")!).IsChecked, "scores shown by default");
        Assert.IsNotNull(page.QuerySelector("form[method='post'] input[name='__RequestVerificationToken']"), "a posted form with antiforgery");
    }

    [TestMethod]
    public async Task Signed_out_the_choice_is_a_cookie_and_tip_off_times_read_in_that_zone()
    {
        using var browser = Browser();
        using var saved = await SaveAsync(browser, "pt", hide: false);

        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, "post, then redirect");
        Assert.AreEqual($"{SiteUrls.Settings}?saved=1", saved.Headers.Location!.OriginalString, "back to the settings");
        var cookie = saved.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gp_view=", StringComparison.Ordinal));
        StringAssert.StartsWith(cookie, "gp_view=pt.show;", "the cookie holds the choice");
        StringAssert.Contains(cookie, "samesite=lax", "same-site lax");

        var scoreboard = await PageAsync(browser, Day);
        Assert.AreEqual("5:10 PM PT", CardText(scoreboard, day.SoonId, "game-card-state"), "8:10 PM ET in Pacific time");
        Assert.AreEqual("2025-03-08T17:10:00-08:00", Attribute(scoreboard, $"[data-game-id='{day.SoonId}'] time", "datetime"), "machine-readable with PT's offset");
        var game = await PageAsync(browser, $"/mens-college-basketball/games/{day.SoonId}/kentucky-at-tennessee-2025-03-08");
        StringAssert.Contains(game.QuerySelector("[data-testid='game-details-start']")!.TextContent, "Sat, Mar 8, 5:10 PM PT", "game page details");
        StringAssert.Contains(game.Title!, "5:10 PM PT", "the game page's title");
        var settings = await PageAsync(browser, $"{SiteUrls.Settings}?saved=1");
        Assert.IsNotNull(settings.QuerySelector("[data-testid='settings-saved']"), "saved notice");
        Assert.AreEqual("pt", SelectedZone(settings), "the form shows the choice");
    }

    [TestMethod]
    public async Task Spoiler_free_hides_scores_winners_and_records_in_cards_titles_and_json_ld()
    {
        using var browser = Browser();
        using var saved = await SaveAsync(browser, "et", hide: true);
        var (response, scoreboard) = await browser.GetAsync(Day);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "scoreboard");
        Assert.AreEqual("", CardText(scoreboard, day.FinalId, "game-card-home-score"), "no home score");
        Assert.AreEqual("", CardText(scoreboard, day.FinalId, "game-card-away-score"), "no away score");
        Assert.AreEqual("", CardText(scoreboard, day.LiveId, "game-card-home-score"), "no live score");
        Assert.IsEmpty(scoreboard.QuerySelectorAll(".winner"), "no winner marked");
        Assert.IsNull(scoreboard.QuerySelector($"[data-game-id='{day.FinalId}'] [data-testid='game-card-record']"), "a final's record counts its result");
        var reveal = Attribute(scoreboard, $"[data-game-id='{day.FinalId}'] [data-testid='game-card-show-score']", "href");
        Assert.AreEqual($"/mens-college-basketball/games/{day.FinalId}/virginia-at-wake-forest-2025-03-08?spoilers=show", reveal, "a plain link shows one game's score");
        Assert.IsNull(scoreboard.QuerySelector($"[data-game-id='{day.SoonId}'] [data-testid='game-card-show-score']"), "a scheduled game has nothing to show");
        var names = SiteTestHost.JsonLd(scoreboard).GetProperty("itemListElement").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(names, "Virginia at Wake Forest — Final", "the JSON-LD names carry no score");
        CollectionAssert.Contains(names, "North Carolina at No. 2 Duke — 2nd 10:12", "nor a live one");
        Assert.DoesNotContain("Virginia 60", scoreboard.Source.Text, "nowhere in the page");
        var tooltip = Attribute(scoreboard, $"[data-game-id='{day.FinalId}'] [data-testid='game-card-pulse']", "title");
        Assert.DoesNotContain("Decided by", tooltip, "Pulse's factors are reworded");
    }

    [TestMethod]
    public async Task The_game_page_spoiler_free_has_no_score_in_text_title_or_preview_and_show_reveals_it()
    {
        using var browser = Browser();
        var path = $"/mens-college-basketball/games/{day.FinalId}/virginia-at-wake-forest-2025-03-08";
        var hidden = await PageAsync(browser, path + "?spoilers=hide");

        var text = hidden.Body!.TextContent;
        Assert.DoesNotContain("60", text, "no score in the page text");
        Assert.DoesNotContain("58", text, "neither side's");
        Assert.DoesNotContain("60", hidden.Title!, "nor in the title");
        Assert.DoesNotContain("60", SiteTestHost.Meta(hidden, "og:description") ?? "", "nor in the preview");
        Assert.DoesNotContain("60", SiteTestHost.Meta(hidden, "description") ?? "", "nor in the meta description");
        Assert.IsNull(hidden.QuerySelector("[data-testid='game-line-score']"), "no line score");
        Assert.IsNull(hidden.QuerySelector("[data-testid='game-details-records']"), "no records");
        Assert.IsNotNull(hidden.QuerySelector("[data-testid='game-pulse-score']"), "Pulse stays");
        Assert.AreEqual(path + "?spoilers=show", Attribute(hidden, "[data-testid='game-show-score']", "href"), "show score");

        var shown = await PageAsync(browser, path + "?spoilers=show");
        Assert.AreEqual("58", shown.QuerySelector("[data-testid='game-score-home-value']")!.TextContent, "revealed");

        // An old or missing slug redirects to the canonical path, keeping the mode (a shared link must not lose it).
        using (var redirect = await browser.Http.GetAsync($"/mens-college-basketball/games/{day.LiveId}?spoilers=hide"))
        {
            Assert.AreEqual($"/mens-college-basketball/games/{day.LiveId}/north-carolina-at-duke-2025-03-08?spoilers=hide", redirect.Headers.Location!.OriginalString, "the redirect keeps ?spoilers=hide");
        }

        var live = await PageAsync(browser, $"/mens-college-basketball/games/{day.LiveId}/north-carolina-at-duke-2025-03-08?spoilers=hide");
        var canonical = Attribute(live, "link[rel=canonical]", "href").Replace(web.BaseUrl, "", StringComparison.Ordinal);
        var pollUrl = Attribute(live, "#game-live", "hx-get");
        Assert.AreEqual($"{canonical}?spoilers=hide", pollUrl, "the poll keeps the mode");
        using var poll = new HttpRequestMessage(HttpMethod.Get, pollUrl);
        poll.Headers.Add("HX-Request", "true");
        using var fragment = await browser.Http.SendAsync(poll);
        var body = await fragment.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, fragment.StatusCode, "the fragment");
        Assert.Contains("game-spoiler-free", body, "the spoiler-free fragment");
        Assert.DoesNotContain(">52<", body, "no live score in the fragment");
    }

    [TestMethod]
    public async Task Spoiler_free_team_and_conference_pages_hide_records_and_standings()
    {
        using var browser = Browser();
        var plain = await PageAsync(browser, "/mens-college-basketball/teams/duke");
        var hidden = await PageAsync(browser, "/mens-college-basketball/teams/duke?spoilers=hide");

        Assert.IsNotNull(plain.QuerySelector("[data-testid='team-record-overall']"), "the record, normally");
        Assert.IsNull(hidden.QuerySelector("[data-testid='team-record-overall']"), "no record spoiler-free");
        Assert.DoesNotContain("overall", SiteTestHost.Meta(hidden, "description") ?? "overall", "nor in the description");

        var conference = await PageAsync(browser, "/mens-college-basketball/conferences/acc?spoilers=hide");
        Assert.IsNull(conference.QuerySelector("[data-testid='conference-standings']"), "no standings spoiler-free");
        Assert.IsNotNull(conference.QuerySelector("[data-testid='conference-standings-hidden']"), "a note and a link instead");
        Assert.IsNotEmpty(conference.QuerySelectorAll("[data-testid='conference-members'] [data-testid='conference-team-link']"), "the members, listed");
    }

    [TestMethod]
    public async Task The_scoreboards_poll_url_keeps_a_one_visit_mode()
    {
        using var browser = Browser();
        var page = await PageAsync(browser, Day + "?spoilers=hide");

        StringAssert.Contains(Attribute(page, "#scores-games", "hx-get"), "spoilers=hide", "the poll URL carries the mode");
        var plain = await PageAsync(browser, Day);
        Assert.DoesNotContain("spoilers", Attribute(plain, "#scores-games", "hx-get"), "and only then");
    }

    [TestMethod]
    public async Task A_spoiler_free_or_zoned_page_takes_no_pushed_card_but_refetches_its_own_part_on_each_change()
    {
        using var browser = Browser();
        var plain = await PageAsync(browser, Day);
        Assert.IsNotEmpty(plain.QuerySelectorAll("#scores-games li[sse-swap]"), "the default page swaps in the shared pushed cards");

        var hidden = await PageAsync(browser, Day + "?spoilers=hide");
        Assert.IsEmpty(hidden.QuerySelectorAll("#scores-games li[sse-swap]"), "the shared card shows scores, so a spoiler-free page never swaps it in");
        StringAssert.Contains(Attribute(hidden, "#scores-games", "hx-trigger"), "sse:changed", "a spoiler-free list fetches itself on each change");

        using (var zoned = Browser())
        {
            using (await SaveAsync(zoned, "pt", hide: false)) { }
            var page = await PageAsync(zoned, Day);
            Assert.IsEmpty(page.QuerySelectorAll("#scores-games li[sse-swap]"), "a PT page never takes the ET card");
            StringAssert.Contains(Attribute(page, "#scores-games", "hx-trigger"), "sse:changed", "a PT list fetches itself on each change");
        }

        var game = await PageAsync(browser, $"/mens-college-basketball/games/{day.LiveId}/north-carolina-at-duke-2025-03-08?spoilers=hide");
        StringAssert.Contains(Attribute(game, "#game-live", "hx-trigger"), $"sse:game-{day.LiveId}", "the spoiler-free live part fetches itself on the game's event, or the held-back poll would freeze it");
        StringAssert.Contains(SiteTestHost.Meta(game, "og:image") ?? "", "spoilers=hide", "its preview is the spoiler-free card");
    }

    [TestMethod]
    public async Task Bad_input_is_a_400_or_ignored_never_a_500()
    {
        using var browser = Browser();
        using (var unknown = await SaveAsync(browser, "utc", hide: false))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode, "an unknown zone");
        }

        using (var spoilers = await browser.PostFormAsync(SiteUrls.Settings, SiteUrls.Settings, new Dictionary<string, string> { ["timeZone"] = "pt", ["spoilers"] = "yes" }))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, spoilers.StatusCode, "an unknown spoilers value");
        }

        using var client = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        foreach (var url in new[] { Day + "?spoilers=maybe", Day + "?spoilers=hide&spoilers=hide", Day + "?spoilers=" })
        {
            using var response = await client.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, url);
        }

        foreach (var cookie in new[] { "gp_view=garbage", "gp_view=zz.hide", "gp_view=auto.show; gp_tz=Mars/Olympus_Mons", "gp_view=%ZZ%; gp_tz=%%%" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Day);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"cookie {cookie}");
            Assert.Contains("8:10 PM ET", html, $"cookie {cookie}: the default page");
        }
    }

    [TestMethod]
    public async Task Signed_in_the_account_keeps_the_settings_for_every_device()
    {
        using var laptop = Browser();
        await laptop.SignInAsync(database, "viewer@example.com");
        using var saved = await SaveAsync(laptop, "ht", hide: true);
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, "saved");
        var stored = await database.QueryAsync<string>("SELECT time_zone || '/' || hide_spoilers FROM viewer_settings s JOIN users u ON u.id = s.user_id WHERE u.email = 'viewer@example.com'");
        Assert.AreEqual("ht/true", stored.Single(), "one row in the account");

        using var phone = Browser();
        var before = await PageAsync(phone, Day);
        Assert.AreEqual("8:10 PM ET", CardText(before, day.SoonId, "game-card-state"), "a new device starts at the defaults");
        await phone.SignInAsync(database, "viewer@example.com");
        var (response, after) = await phone.GetAsync(Day);

        Assert.AreEqual("3:10 PM HT", CardText(after, day.SoonId, "game-card-state"), "the account's zone on the new device");
        Assert.AreEqual("", CardText(after, day.FinalId, "game-card-home-score"), "and its spoiler-free mode");
        var cacheControl = response.Headers.CacheControl!;
        Assert.IsTrue(cacheControl.Private && cacheControl.NoStore, $"a signed-in page stays private: {cacheControl}");
        response.Dispose();
    }

    /// <summary>
    /// The output cache: a PT or spoiler-free request renders its own entry and never replaces or is served the
    /// anonymous one, which stays cached (a score changed in the database without a NOTIFY is not seen by it).
    /// </summary>
    [TestMethod]
    public async Task Variants_are_cached_apart_and_the_anonymous_page_stays_cached()
    {
        const string previous = "/mens-college-basketball/scores/2025-03-05";
        using var client = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        async Task<string> HomeScoreAsync(string url, string? cookie = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            return CardText(page, day.PreviousDayId, "game-card-home-score") + "|" + page.QuerySelector("[data-testid='site-footer-zone']")?.TextContent;
        }

        Assert.AreEqual("70|Eastern (ET)", await HomeScoreAsync(previous), "anonymous, rendered and cached");
        await database.ExecuteAsync("UPDATE games SET home_score = 71, updated_at = now() WHERE id = @id", new { id = day.PreviousDayId });

        Assert.AreEqual("70|Eastern (ET)", await HomeScoreAsync(previous), "anonymous again: served from the cache");
        Assert.AreEqual("71|Pacific (PT)", await HomeScoreAsync(previous, "gp_view=pt.show"), "a PT visitor gets an entry of their own, rendered now");
        Assert.AreEqual("|Eastern (ET)", await HomeScoreAsync(previous, "gp_view=et.hide"), "a spoiler-free visitor gets no score");
        Assert.AreEqual("|Eastern (ET)", await HomeScoreAsync(previous + "?spoilers=hide"), "nor does a shared spoiler-free link");
        Assert.AreEqual("70|Eastern (ET)", await HomeScoreAsync(previous), "the anonymous entry is still the cached default page");
        Assert.AreEqual("71|Pacific (PT)", await HomeScoreAsync(previous, "gp_view=pt.show"), "and the PT one is its own");

        await database.ExecuteAsync("UPDATE games SET home_score = 70, updated_at = now() WHERE id = @id", new { id = day.PreviousDayId });
    }
}
