using System.Globalization;
using System.Net;
using System.Xml.Linq;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Seo;

[TestClass]
public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<XDocument> XmlAsync(string path)
    {
        var response = await site.Client().GetAsync(path);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
        Assert.AreEqual("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Local(string absolute)
    {
        StringAssert.StartsWith(absolute, SiteFactory.PublicBaseUrl + "/");
        return absolute[SiteFactory.PublicBaseUrl.Length..];
    }

    [TestMethod]
    public async Task Robots_txt_points_to_the_absolute_sitemap()
    {
        var robots = await site.Client().GetStringAsync("/robots.txt");

        StringAssert.Contains(robots, $"Sitemap: {SiteFactory.PublicBaseUrl}/sitemap.xml");
    }

    [TestMethod]
    public async Task The_sitemap_index_lists_league_children_whose_URLs_all_resolve_to_canonical_pages()
    {
        var index = await XmlAsync("/sitemap.xml");

        Assert.AreEqual(Ns + "sitemapindex", index.Root!.Name);
        var children = index.Root.Elements(Ns + "sitemap").Select(e => Local(e.Element(Ns + "loc")!.Value)).ToList();
        string[] expected = ["/sitemaps/mens-college-basketball-pages.xml", "/sitemaps/mens-college-basketball-2025.xml", "/sitemaps/womens-college-basketball-2025.xml"];
        CollectionAssert.IsSubsetOf(expected, children);
        foreach (var lastmod in index.Root.Elements(Ns + "sitemap").Select(e => e.Element(Ns + "lastmod")!.Value))
        {
            Assert.IsTrue(DateTimeOffset.TryParse(lastmod, out _), lastmod);
        }

        var season = await XmlAsync("/sitemaps/mens-college-basketball-2025.xml");
        var urls = season.Root!.Elements(Ns + "url").Select(e => Local(e.Element(Ns + "loc")!.Value)).ToList();
        Assert.AreEqual(Ns + "urlset", season.Root.Name);
        Assert.IsLessThan(50_000, urls.Count);
        CollectionAssert.Contains(urls, "/mens-college-basketball/scores/2025-03-08");
        CollectionAssert.Contains(urls, $"/mens-college-basketball/games/{site.Day.LaterNeutralId}/gonzaga-vs-purdue-2025-03-08");
        Assert.AreEqual(3 + 11 - 1, urls.Count, "three dates and the ten men's games");
        foreach (var url in urls)
        {
            var response = await site.Client().GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{url} must be a canonical 200, not a redirect");
        }
    }

    [TestMethod]
    public async Task A_game_lastmod_is_the_games_own_last_change()
    {
        var updated = await site.Database.ScalarAsync<DateTime>("SELECT updated_at FROM games WHERE id = @id", new { id = site.Day.LiveId });
        var season = await XmlAsync("/sitemaps/mens-college-basketball-2025.xml");

        var entry = season.Root!.Elements(Ns + "url").Single(e => e.Element(Ns + "loc")!.Value.Contains($"/games/{site.Day.LiveId}/", StringComparison.Ordinal));
        Assert.AreEqual(updated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), entry.Element(Ns + "lastmod")!.Value);
    }

    [TestMethod]
    public async Task The_league_pages_sitemap_lists_teams_and_conferences()
    {
        var pages = await XmlAsync("/sitemaps/mens-college-basketball-pages.xml");

        var urls = pages.Root!.Elements(Ns + "url").Select(e => Local(e.Element(Ns + "loc")!.Value)).ToList();
        CollectionAssert.Contains(urls, "/mens-college-basketball/teams/duke");
        CollectionAssert.Contains(urls, "/mens-college-basketball/conferences/acc");
        CollectionAssert.Contains(urls, "/mens-college-basketball/rankings", "the rankings page");
        Assert.IsGreaterThan(300, urls.Count);
    }

    [TestMethod]
    [DataRow("/sitemaps/nba-2025.xml")]
    [DataRow("/sitemaps/mens-college-basketball-1800.xml")]
    [DataRow("/sitemaps/mens-college-basketball-2030.xml")]
    [DataRow("/sitemaps/mens-college-basketball-x.xml")]
    [DataRow("/sitemaps/whatever")]
    public async Task Unknown_sitemaps_are_404(string path)
    {
        Assert.AreEqual(HttpStatusCode.NotFound, (await site.Client().GetAsync(path)).StatusCode);
    }
}
