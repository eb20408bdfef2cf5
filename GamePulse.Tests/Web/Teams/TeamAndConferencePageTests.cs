using System.Globalization;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Teams;

[TestClass]
public sealed class TeamAndConferencePageTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    [TestMethod]
    public async Task A_team_page_shows_its_season_results_upcoming_games_and_records()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/teams/kansas");

        Assert.AreEqual("1–0 overall", page.QuerySelector("[data-testid='team-record-overall']")!.TextContent);
        Assert.AreEqual("1–0 conference", page.QuerySelector("[data-testid='team-record-conference']")!.TextContent);
        Assert.AreEqual("/mens-college-basketball/conferences/big-12", page.QuerySelector("[data-testid='team-conference-link']")!.GetAttribute("href"));
        Assert.AreEqual(site.Day.PreviousDayId.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid='team-results'] [data-testid='game-card']")!.GetAttribute("data-game-id"));
        Assert.AreEqual(site.Day.HalftimeId.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid='team-upcoming'] [data-testid='game-card']")!.GetAttribute("data-game-id"));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}/mens-college-basketball/teams/kansas", SiteTestHost.Canonical(page));
        StringAssert.StartsWith(page.Title, "Kansas Jayhawks 2024–25");
    }

    [TestMethod]
    public async Task A_non_conference_result_counts_overall_only()
    {
        await site.Database.ExecuteAsync("UPDATE games SET state = 'final', home_score = 90, away_score = 70, period = 2 WHERE id = @id", new { id = site.Day.LaterNeutralId });
        try
        {
            var (_, page) = await site.GetPageAsync("/mens-college-basketball/teams/gonzaga");

            Assert.AreEqual("0–1 overall", page.QuerySelector("[data-testid='team-record-overall']")!.TextContent);
            Assert.AreEqual("0–0 conference", page.QuerySelector("[data-testid='team-record-conference']")!.TextContent);
        }
        finally
        {
            await site.Database.ExecuteAsync("UPDATE games SET state = 'scheduled', home_score = NULL, away_score = NULL, period = NULL WHERE id = @id", new { id = site.Day.LaterNeutralId });
        }
    }

    [TestMethod]
    public async Task A_conference_page_ranks_its_teams_by_conference_record_from_final_games()
    {
        var (_, page) = await site.GetPageAsync("/mens-college-basketball/conferences/acc");

        var rows = page.QuerySelectorAll("[data-testid='conference-standings-row']");
        Assert.IsGreaterThan(10, rows.Length);
        Assert.AreEqual("Virginia", rows[0].QuerySelector("[data-testid='conference-team-link']")!.TextContent);
        Assert.AreEqual("1–0", rows[0].QuerySelector("[data-testid='conference-standings-conference']")!.TextContent);
        var wake = rows.Single(r => r.QuerySelector("[data-testid='conference-team-link']")!.TextContent == "Wake Forest");
        Assert.AreEqual("0–1", wake.QuerySelector("[data-testid='conference-standings-conference']")!.TextContent);
        Assert.AreEqual(rows.Length - 1, rows.ToList().IndexOf(wake), "the only conference loss ranks last");
        Assert.AreEqual("/mens-college-basketball/teams/duke", rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")).Single(h => h!.EndsWith("/duke", StringComparison.Ordinal)));
    }
}
