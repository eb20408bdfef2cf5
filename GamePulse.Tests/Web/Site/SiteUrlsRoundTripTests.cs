using System.Net;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

/// <summary>Every kind of path the URL scheme writes is served by its page as a canonical 200 naming that same path.</summary>
[TestClass]
public sealed class SiteUrlsRoundTripTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<GameSummary> GameAsync(long id) => (await site.Database.Games.FindByIdAsync(id))!;

    [TestMethod]
    public async Task Game_scoreboard_team_and_conference_paths_are_their_pages_canonical_URLs()
    {
        var neutral = await GameAsync(site.Day.LaterNeutralId);
        var paths = new[]
        {
            SiteUrls.Game(neutral),
            SiteUrls.Game(await GameAsync(site.Day.FinalId)),
            SiteUrls.Scoreboard(League.MensSlug, ScoreboardDay.Date),
            SiteUrls.Team(League.MensSlug, "duke"),
            SiteUrls.Conference(League.MensSlug, "acc"),
        };

        foreach (var path in paths)
        {
            var (_, page) = await site.GetPageAsync(path);
            Assert.AreEqual(SiteFactory.PublicBaseUrl + path, SiteTestHost.Canonical(page), $"{path} is its page's canonical URL");
        }

        Assert.AreEqual($"/mens-college-basketball/games/{neutral.Id}/gonzaga-vs-purdue-2025-03-08", paths[0], "the neutral-site game's path");
    }

    [TestMethod]
    public async Task The_navigation_and_the_sitemaps_link_paths_the_site_serves()
    {
        var (_, home) = await site.GetPageAsync(SiteUrls.Home);
        string[] testIds = ["site-nav-mens", "site-nav-womens"];
        var nav = testIds.Select(id => home.QuerySelector($"[data-testid='{id}']")!.GetAttribute("href")).ToList();

        CollectionAssert.AreEqual(new[] { SiteUrls.Scoreboard(League.MensSlug), SiteUrls.Scoreboard(League.WomensSlug) }, nav, "the layout's league links");
        foreach (var path in nav.Append(SiteUrls.SitemapIndex).Append(SiteUrls.LeaguePagesSitemap(League.MensSlug)).Append(SiteUrls.SeasonSitemap(League.WomensSlug, Season.Of(ScoreboardDay.Date))))
        {
            var response = await site.Client().GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {path}");
        }
    }
}
