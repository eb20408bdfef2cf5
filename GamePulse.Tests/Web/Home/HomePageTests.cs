using System.Globalization;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Home;

[TestClass]
public sealed class HomePageTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    [TestMethod]
    public async Task Shows_todays_games_of_both_leagues_live_first_with_links_to_each_scoreboard()
    {
        var (_, page) = await site.GetPageAsync("/");

        var sections = page.QuerySelectorAll("[data-testid='home-league-section']");
        Assert.HasCount(2, sections);
        var mens = sections[0].QuerySelectorAll("[data-testid='game-card']").Select(c => long.Parse(c.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(new[] { site.Day.LiveId, site.Day.HalftimeId }, mens.Take(2).ToList(), "live games lead");
        Assert.HasCount(8, mens);
        Assert.AreEqual(site.Day.WomensId.ToString(CultureInfo.InvariantCulture), sections[1].QuerySelector("[data-testid='game-card']")!.GetAttribute("data-game-id"));
        Assert.AreEqual("/womens-college-basketball/scores", sections[1].QuerySelector("[data-testid='home-league-link']")!.GetAttribute("href"));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}/", SiteTestHost.Canonical(page));
    }
}
