using System.Net;
using GamePulse.Data.Games;
using GamePulse.Data.Live;
using GamePulse.Tests.Support;
using GamePulse.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.Web.Live;

/// <summary>
/// The server-sent event streams over real Kestrel on loopback, fed by real writes to PostgreSQL and a real NOTIFY:
/// the changed card only, Last-Event-ID replay and resync, heartbeats, the end of a stream and the subscriber bound.
/// </summary>
[TestClass]
public sealed class LiveStreamTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private const string DayTag = "mens-college-basketball:2025-03-08";
    private const int MaxSubscribers = 6;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static SiteTestHost site = null!;
    private static int clock;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["LiveStreams:HeartbeatSeconds"] = "1",
            ["LiveStreams:MaxSubscribers"] = MaxSubscribers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        site.StartOnLoopback();
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    /// <summary>The server lets a subscriber go when a write finds its connection closed: each test starts with none left.</summary>
    [TestInitialize]
    public async Task WaitForNoSubscribers()
    {
        for (var waited = 0; Hubs.Subscribers > 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.AreEqual(0, Hubs.Subscribers, "streams of the previous test were let go");
    }

    private static LiveHubs Hubs => site.Factory.Services.GetRequiredService<LiveHubs>();

    private static string DayStream => LiveStreams.Scoreboard(new LiveStreamKey("mens-college-basketball", ScoreboardDay.Date, LiveView.Default));

    /// <summary>The stream URL the scoreboard page itself connects to (with its watermark).</summary>
    private static async Task<string> PageStreamAsync()
    {
        var (_, page) = await site.GetPageAsync(Day);
        var stream = page.QuerySelector("[sse-connect]") ?? throw new AssertFailedException("the live page has no sse-connect element");
        Assert.AreEqual("sse", stream.GetAttribute("hx-ext"), "the element loads htmx's SSE extension");
        Assert.AreEqual(LiveStreams.EndEvent, stream.GetAttribute("sse-close"), "the page closes its EventSource on the end event");
        return stream.GetAttribute("sse-connect")!;
    }

    /// <summary>A new score for the live game, stored as the Worker stores it, then its NOTIFY; returns the new home score.</summary>
    /// <param name="published">Wait until an open hub published it (false when no stream is open).</param>
    private static async Task<short> ScoreAsync(bool published = true)
    {
        var step = Interlocked.Increment(ref clock);
        var home = (short)(60 + step);
        var publishing = new TaskCompletionSource();
        void OnPublished(LiveStreamKey key, int events) => publishing.TrySetResult();
        Hubs.Published += OnPublished;
        try
        {
            await site.Day.UpsertLiveAsync(site.Day.Live with { HomeScore = home, HomeLineScores = [35, (short)(home - 35)], Clock = $"9:{59 - step:00}" }, ScoreboardDay.Now);
            await site.Database.ExecuteAsync($"NOTIFY {GameChanges.Channel}, '{DayTag}'");
            if (published)
            {
                await publishing.Task.WaitAsync(Wait);
            }
        }
        finally
        {
            Hubs.Published -= OnPublished;
        }

        return home;
    }

    [TestMethod]
    public async Task A_stored_change_reaches_an_open_stream_as_the_changed_card_alone()
    {
        await using var stream = await EventStreamReader.OpenAsync(site.Client(), await PageStreamAsync());
        Assert.AreEqual(HttpStatusCode.OK, stream.Response.StatusCode, "the stream's status");
        Assert.AreEqual("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType, "the stream's type");
        Assert.AreEqual("no", string.Join(",", stream.Response.Headers.GetValues("X-Accel-Buffering")), "proxies are told not to buffer");
        var first = await stream.NextAsync(Wait);
        Assert.IsTrue(first is { IsComment: true }, $"a page that is up to date gets no resync, only the opening comment: {first}");

        var home = await ScoreAsync();
        var (card, before) = await stream.UntilAsync(LiveStreams.CardEvent(site.Day.LiveId), Wait);
        var changed = await stream.NextAsync(Wait);

        Assert.IsTrue(before.All(e => e.IsComment), $"nothing but heartbeats before the card: {string.Join(" | ", before.Select(e => e.Event))}");
        StringAssert.StartsWith(card.Data, $"<article class=\"game-card state-live\" data-testid=\"game-card\" data-game-id=\"{site.Day.LiveId}\"", "the card's markup, as the page writes it");
        StringAssert.Contains(card.Data, $">{home}<", "the new score");
        Assert.IsNotNull(card.Id, "every event has an id to resume from");
        Assert.AreEqual(LiveStreams.ChangedEvent, changed!.Event, "after the cards, one 'changed' event");
        Assert.AreEqual(site.Day.LiveId.ToString(System.Globalization.CultureInfo.InvariantCulture), changed.Data, "naming the changed game only");
    }

    [TestMethod]
    public async Task A_reconnect_with_Last_Event_ID_gets_what_it_missed_from_the_replay_buffer()
    {
        // Another visitor keeps the day's hub open while this one is away.
        await using var other = await EventStreamReader.OpenAsync(site.Client(), await PageStreamAsync());
        string lastId;
        await using (var stream = await EventStreamReader.OpenAsync(site.Client(), await PageStreamAsync()))
        {
            await ScoreAsync();
            lastId = (await stream.UntilAsync(LiveStreams.ChangedEvent, Wait)).Found.Id!;
        }

        var missed = await ScoreAsync();
        await using var resumed = await EventStreamReader.OpenAsync(site.Client(), DayStream, lastEventId: lastId);
        var (card, before) = await resumed.UntilAsync(LiveStreams.CardEvent(site.Day.LiveId), Wait);

        Assert.IsFalse(before.Any(e => e.Event == LiveStreams.ResyncEvent), "a known id is resumed, not resynced");
        StringAssert.Contains(card.Data, $">{missed}<", "the change made while away");
    }

    [TestMethod]
    public async Task A_reconnect_the_stream_cannot_resume_and_a_stale_page_get_a_resync()
    {
        await using var unknown = await EventStreamReader.OpenAsync(site.Client(), DayStream, lastEventId: "0badbeef.12");
        var first = await unknown.NextAsync(Wait);
        Assert.AreEqual(LiveStreams.ResyncEvent, first!.Event, "an id of another epoch: fetch the list again");

        await using var stale = await EventStreamReader.OpenAsync(site.Client(), $"{DayStream}?{LiveStreams.SinceKey}=1");
        Assert.AreEqual(LiveStreams.ResyncEvent, (await stale.NextAsync(Wait))!.Event, "a page older than the stream: fetch the list again");
    }

    [TestMethod]
    public async Task A_game_page_connects_to_its_games_stream_and_later_changes_of_other_games_need_no_resync()
    {
        await ScoreAsync(published: false); // another game of the day changes after the game below was last written
        var (_, page) = await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.SoonId}/kentucky-at-tennessee-2025-03-08");
        var url = page.QuerySelector("[sse-connect]")?.GetAttribute("sse-connect") ?? throw new AssertFailedException("the live game page has no stream");
        StringAssert.StartsWith(url, $"/live/mens-college-basketball/2025-03-08/games/{site.Day.SoonId}?since=", "the game's stream URL");

        await using var stream = await EventStreamReader.OpenAsync(site.Client(), url);
        var first = await stream.NextAsync(Wait);

        Assert.IsTrue(first is { IsComment: true }, $"the page shows its game as the stream knows it: no resync ({first})");
    }

    [TestMethod]
    public async Task An_idle_stream_sends_heartbeat_comments()
    {
        await using var stream = await EventStreamReader.OpenAsync(site.Client(), await PageStreamAsync());
        await stream.NextAsync(Wait); // the opening comment

        var heartbeat = await stream.NextAsync(TimeSpan.FromSeconds(5));

        Assert.IsTrue(heartbeat is { IsComment: true, Data: "heartbeat" }, $"a comment line within the 1 s heartbeat (and slack): {heartbeat}");
    }

    [TestMethod]
    public async Task A_stream_ends_when_nothing_on_it_can_change()
    {
        var pastDay = LiveStreams.Scoreboard(new LiveStreamKey("mens-college-basketball", ScoreboardDay.PreviousDate, LiveView.Default));
        await using (var past = await EventStreamReader.OpenAsync(site.Client(), pastDay))
        {
            Assert.AreEqual(HttpStatusCode.OK, past.Response.StatusCode, "a settled day's stream is there");
            var ended = await past.NextAsync(Wait);
            Assert.AreEqual(LiveStreams.EndEvent, ended!.Event, $"a settled day's stream says end at once: {ended}");
            Assert.IsNull(await past.NextAsync(Wait), "and closes");
        }

        var key = new LiveStreamKey("mens-college-basketball", ScoreboardDay.Date, LiveView.Default);
        await using var game = await EventStreamReader.OpenAsync(site.Client(), LiveStreams.Game(key, site.Day.HalftimeId) + "?since=" + long.MaxValue);
        await game.NextAsync(Wait);
        await site.Database.ExecuteAsync("UPDATE games SET state = 'final', home_score = 70, away_score = 66, updated_at = now() WHERE id = @id", new { id = site.Day.HalftimeId });
        await site.Database.ExecuteAsync($"NOTIFY {GameChanges.Channel}, '{DayTag}'");

        var (card, _) = await game.UntilAsync(LiveStreams.CardEvent(site.Day.HalftimeId), Wait);
        StringAssert.Contains(card.Data, "state-final", "the game's last card");
        var (end, _) = await game.UntilAsync(LiveStreams.EndEvent, Wait);
        Assert.IsNotNull(end.Id, "the end event");
        Assert.IsNull(await game.NextAsync(Wait), "a final game's stream closes");
    }

    [TestMethod]
    public async Task Beyond_the_subscriber_bound_the_stream_answers_503_with_Retry_After()
    {
        var open = new List<EventStreamReader>();
        try
        {
            while (Hubs.Subscribers < MaxSubscribers)
            {
                var stream = await EventStreamReader.OpenAsync(site.Client(), DayStream);
                open.Add(stream);
                await stream.NextAsync(Wait);
            }

            await using var refused = await EventStreamReader.OpenAsync(site.Client(), DayStream);

            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, refused.Response.StatusCode, "one stream beyond LiveStreams:MaxSubscribers");
            Assert.AreEqual("30", string.Join(",", refused.Response.Headers.GetValues("Retry-After")), "Retry-After from LiveStreams:RetryAfterSeconds");
        }
        finally
        {
            foreach (var stream in open)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [TestMethod]
    [DataRow("/live/no-such-league/2025-03-08")]
    [DataRow("/live/mens-college-basketball/2025-13-45")]
    [DataRow("/live/mens-college-basketball/2025-03-08/spoilers")]
    [DataRow("/live/mens-college-basketball/2025-03-08?since=soon")]
    public async Task A_stream_URL_that_names_nothing_is_a_404(string path)
    {
        using var response = await site.Client().GetAsync(path);
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, path);
    }
}
