using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Caching;

/// <summary>The htmx polling contract: HX-Request gets only the game list, 304 when unchanged, 286 once nothing is live.</summary>
[TestClass]
public sealed class LivePollingTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

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
        Assert.AreEqual(Day, list.GetAttribute("hx-get"));
        Assert.AreEqual("every 15s", list.GetAttribute("hx-trigger"));
        Assert.AreEqual("outerHTML", list.GetAttribute("hx-swap"));

        var poll = await PollAsync(Day);
        var body = await poll.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, poll.StatusCode);
        Assert.DoesNotContain("<html", body);
        var fragment = new HtmlParser().ParseDocument(body);
        Assert.HasCount(8, fragment.QuerySelectorAll("[data-testid='game-card']"));
        Assert.IsNotNull(poll.Headers.ETag);
        Assert.Contains("HX-Request", poll.Headers.Vary);
    }

    [TestMethod]
    public async Task An_unchanged_game_list_answers_304_and_a_changed_one_a_new_body()
    {
        var first = await PollAsync(Day);
        var etag = first.Headers.ETag!.ToString();

        var unchanged = await PollAsync(Day, etag);
        Assert.AreEqual(HttpStatusCode.NotModified, unchanged.StatusCode);

        await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = 54, HomeLineScores = [35, 19], Clock = "9:40" }, ScoreboardDay.Now);
        var eviction = ExpectEviction(); // subscribed before the NOTIFY, so a fast listener cannot be missed
        await site.Database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2025-03-08'");
        await eviction.WaitAsync(TimeSpan.FromSeconds(10));
        var changed = await PollAsync(Day, etag);

        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode);
        Assert.AreNotEqual(etag, changed.Headers.ETag!.ToString());
        StringAssert.Contains(await changed.Content.ReadAsStringAsync(), ">54<");
    }

    [TestMethod]
    public async Task A_day_with_nothing_live_or_starting_soon_answers_286_so_htmx_stops_polling()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/scores/2025-03-05");
        Assert.IsNull(page.QuerySelector("[data-testid='scores-games']")!.GetAttribute("hx-get"), "a settled day does not poll");

        var poll = await PollAsync("/mens-college-basketball/scores/2025-03-05");

        Assert.AreEqual(286, (int)poll.StatusCode);
        StringAssert.Contains(await poll.Content.ReadAsStringAsync(), "data-testid=\"game-card\"");
    }

    [TestMethod]
    public async Task A_game_page_polls_while_the_game_is_live_and_not_once_it_is_final()
    {
        var live = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.LiveId}/north-carolina-at-duke-2025-03-08")).Document;
        var final = (await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.FinalId}/virginia-at-wake-forest-2025-03-08")).Document;

        Assert.AreEqual("every 15s", live.QuerySelector("[data-testid='game-live']")!.GetAttribute("hx-trigger"));
        Assert.IsNull(final.QuerySelector("[data-testid='game-live']")!.GetAttribute("hx-trigger"));
        Assert.AreEqual(286, (int)(await PollAsync($"/mens-college-basketball/games/{site.Day.FinalId}/virginia-at-wake-forest-2025-03-08")).StatusCode);
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
