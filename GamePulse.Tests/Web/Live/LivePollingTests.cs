using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Live;

/// <summary>
/// The htmx polling contract, over real Kestrel on loopback: HX-Request gets only the game list, 304 when unchanged,
/// 286 once nothing is live; the polled elements' URLs are generated from their pages and match <c>SiteUrls</c>.
/// </summary>
[TestClass]
public sealed class LivePollingTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        site.StartOnLoopback(); // from here on the factory's clients talk to Kestrel over 127.0.0.1
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<HttpResponseMessage> PollAsync(string path, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("HX-Request", "true");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        return await site.Client().SendAsync(request);
    }

    [TestMethod]
    public async Task A_live_day_page_polls_every_15_seconds_and_a_poll_returns_only_the_game_list()
    {
        var (_, page) = await site.GetPageAsync(Day);
        var list = page.QuerySelector("[data-testid='scores-games']")!;
        Assert.AreEqual(Day, list.GetAttribute("hx-get"), "the poll URL, generated from the scoreboard page's route");
        Assert.AreEqual("every 15s, sse:resync", list.GetAttribute("hx-trigger"), "the trigger, from LiveUpdates.Interval, and the stream's resync");
        Assert.AreEqual("outerHTML", list.GetAttribute("hx-swap"), "the swap");
        Assert.IsFalse(list.HasAttribute("live-poll") || list.HasAttribute("hx-page") || list.HasAttribute("hx-route-date"), "the tag helpers' own attributes are not written");

        var poll = await PollAsync(Day);
        var body = await poll.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, poll.StatusCode, "a live day's poll");
        Assert.DoesNotContain("<html", body, "the fragment alone");
        var fragment = new HtmlParser().ParseDocument(body);
        Assert.HasCount(8, fragment.QuerySelectorAll("[data-testid='game-card']"), "every card of the day");
        Assert.IsNotNull(poll.Headers.ETag, "the fragment's validator");
        Assert.AreEqual("no-cache", poll.Headers.CacheControl!.ToString(), "polls revalidate every time");
        Assert.AreEqual(1, poll.Headers.Vary.Count(v => v == "HX-Request"), $"Vary names HX-Request once: {string.Join(", ", poll.Headers.Vary)}");
    }

    [TestMethod]
    public async Task An_unchanged_game_list_answers_304_and_a_changed_one_a_new_body()
    {
        var first = await PollAsync(Day);
        var etag = first.Headers.ETag!.ToString();

        var unchanged = await PollAsync(Day, etag);
        Assert.AreEqual(HttpStatusCode.NotModified, unchanged.StatusCode, "an unchanged list");
        Assert.AreEqual(etag, unchanged.Headers.ETag!.ToString(), "the 304 repeats the validator");

        await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = 54, HomeLineScores = [35, 19], Clock = "9:40" }, ScoreboardDay.Now);
        var eviction = ExpectEviction(); // subscribed before the NOTIFY, so a fast listener cannot be missed
        await site.Database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2025-03-08'");
        await eviction.WaitAsync(TimeSpan.FromSeconds(10));
        var changed = await PollAsync(Day, etag);

        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, "a changed list");
        Assert.AreNotEqual(etag, changed.Headers.ETag!.ToString(), "a new validator");
        StringAssert.Contains(await changed.Content.ReadAsStringAsync(), ">54<", "the new score");
    }

    [TestMethod]
    public async Task A_day_with_nothing_live_or_starting_soon_answers_286_so_htmx_stops_polling()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores/2025-03-05");
        var list = page.QuerySelector("[data-testid='scores-games']")!;
        Assert.IsNull(list.GetAttribute("hx-get"), "a settled day does not poll");
        Assert.IsNull(list.GetAttribute("hx-trigger"), "nor has it a trigger");

        var poll = await PollAsync("/mens-college-basketball/scores/2025-03-05");

        Assert.AreEqual(286, (int)poll.StatusCode, "stop polling");
        var fragment = new HtmlParser().ParseDocument(await poll.Content.ReadAsStringAsync());
        Assert.HasCount(1, fragment.QuerySelectorAll("[data-testid='game-card']"), "the last fragment is still swapped in");
        Assert.IsNull(fragment.QuerySelector("[data-testid='scores-games']")!.GetAttribute("hx-get"), "and carries no polling attributes");
    }

    [TestMethod]
    public async Task A_game_page_polls_while_the_game_is_live_and_not_once_it_is_final()
    {
        var livePath = $"/mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08";
        var live = (await site.GetPageAsync(livePath)).Document.QuerySelector("[data-testid='game-live']")!;
        var final = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.FinalId}/virginia-at-wake-forest-2025-03-08")).Document.QuerySelector("[data-testid='game-live']")!;

        Assert.AreEqual(livePath, live.GetAttribute("hx-get"), "the game page polls its own canonical URL, generated from its route");
        Assert.AreEqual($"every 15s, sse:resync, sse:game-{site.Day.LiveId}", live.GetAttribute("hx-trigger"), "live game trigger: the timed poll, and the game's stream events");
        Assert.AreEqual("outerHTML", live.GetAttribute("hx-swap"), "live game swap");
        Assert.IsNull(final.GetAttribute("hx-trigger"), "a final game has no trigger");
        Assert.IsNull(final.GetAttribute("hx-get"), "nor a poll URL");
        Assert.AreEqual(286, (int)(await PollAsync($"/mens-college-basketball/games/{site.Day.FinalId}/virginia-at-wake-forest-2025-03-08")).StatusCode, "a final game's poll stops polling");
    }

    [TestMethod]
    public async Task Todays_scoreboard_without_a_date_in_its_path_polls_the_dated_URL()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores");

        Assert.AreEqual(Day, page.QuerySelector("[data-testid='scores-games']")!.GetAttribute("hx-get"), "the route's date is filled in, not left to the ambient request");
    }

    [TestMethod]
    public async Task The_site_is_served_over_kestrel_on_loopback()
    {
        var client = site.Client();

        Assert.AreEqual("127.0.0.1", client.BaseAddress!.Host, "these tests reach the app over a real socket");
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode, "the loopback server answers");
    }

    private static Task ExpectEviction()
    {
        // The NOTIFY is asynchronous: wait (bounded) for the listener to report the eviction rather than sleeping.
        var evicted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEvicted(string tag)
        {
            site.Factory.Listener.Evicted -= OnEvicted;
            evicted.TrySetResult();
        }

        site.Factory.Listener.Evicted += OnEvicted;
        return evicted.Task;
    }
}
