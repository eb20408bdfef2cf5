using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Teams;

/// <summary>
/// Team and conference pages are output-cached and evicted by the Worker's NOTIFY: a team page by the league-day of
/// any game it shows, a conference page by today's or yesterday's league-day. Real Kestrel over loopback; the data is
/// changed behind the cache, as the Worker would, before the NOTIFY.
/// </summary>
[TestClass]
public sealed class TeamAndConferenceCachingTests
{
    private const string Kansas = "/mens-college-basketball/teams/kansas";
    private const string Acc = "/mens-college-basketball/conferences/acc";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        site.StartOnLoopback();
        await site.Factory.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<string> KansasRecordAsync() =>
        (await site.GetPageAsync(Kansas)).Document.QuerySelector("[data-testid='team-record-overall']")!.TextContent;

    private static async Task<string> AccLeaderAsync() =>
        (await site.GetPageAsync(Acc)).Document.QuerySelector("[data-testid='conference-standings-row'] [data-testid='conference-team-link']")!.TextContent;

    [TestMethod]
    public async Task A_team_page_is_evicted_by_a_NOTIFY_for_a_date_of_its_games_and_only_by_such_a_date()
    {
        Assert.AreEqual("1–0 overall", await KansasRecordAsync(), "Kansas beat Baylor on March 5");
        // A score correction of that game, three days before "today".
        await site.Database.ExecuteAsync("UPDATE games SET home_score = 60, updated_at = now() WHERE id = @id", new { id = site.Day.PreviousDayId });
        Assert.AreEqual("1–0 overall", await KansasRecordAsync(), "served from the output cache");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-11");
        Assert.AreEqual("1–0 overall", await KansasRecordAsync(), "a date Kansas does not play leaves its page cached");
        await site.NotifyAndWaitAsync("womens-college-basketball:2025-03-05");
        Assert.AreEqual("1–0 overall", await KansasRecordAsync(), "the same date in the other league leaves it cached");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-05");
        Assert.AreEqual("0–1 overall", await KansasRecordAsync(), "the NOTIFY for the corrected game's date evicted the page");
    }

    [TestMethod]
    public async Task A_conference_page_is_evicted_by_a_NOTIFY_for_today_or_yesterday_in_its_league()
    {
        Assert.AreEqual("Virginia", await AccLeaderAsync(), "Virginia won at Wake Forest today");
        await site.Database.ExecuteAsync("UPDATE games SET home_score = 70, updated_at = now() WHERE id = @id", new { id = site.Day.FinalId });
        Assert.AreEqual("Virginia", await AccLeaderAsync(), "served from the output cache");

        await site.NotifyAndWaitAsync("womens-college-basketball:2025-03-08");
        Assert.AreEqual("Virginia", await AccLeaderAsync(), "another league's day leaves the standings cached");
        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-11");
        Assert.AreEqual("Virginia", await AccLeaderAsync(), "a day that is neither today nor yesterday leaves them cached");

        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-07");
        Assert.AreEqual("Wake Forest", await AccLeaderAsync(), "yesterday's NOTIFY (a game that ended after midnight) evicted the standings");

        await site.Database.ExecuteAsync("UPDATE games SET home_score = 58, updated_at = now() WHERE id = @id", new { id = site.Day.FinalId });
        await site.NotifyAndWaitAsync("mens-college-basketball:2025-03-08");
        Assert.AreEqual("Virginia", await AccLeaderAsync(), "today's NOTIFY evicted them too");
    }
}
