using System.Globalization;
using GamePulse.Data.Site;

namespace GamePulse.Tests.Data.Site;

/// <summary>The URL scheme writes what the pages read back, and the same under any culture.</summary>
[TestClass]
public sealed class SiteUrlsTests
{
    [TestMethod]
    [DataRow("ar-SA")]
    [DataRow("fa-IR")]
    [DataRow("th-TH")]
    [DataRow("en-US")]
    public void Scoreboard_dates_round_trip_in_ASCII_Gregorian_under_any_culture(string culture)
    {
        var current = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var days = new[] { new DateOnly(2000, 1, 1), new DateOnly(2025, 3, 8), new DateOnly(2100, 12, 31) };
            var paths = days.Select(d => SiteUrls.Scoreboard("mens-college-basketball", d)).ToList();

            string[] expected = ["/mens-college-basketball/scores/2000-01-01", "/mens-college-basketball/scores/2025-03-08", "/mens-college-basketball/scores/2100-12-31"];
            CollectionAssert.AreEqual(expected, paths, culture);
            var read = paths.Select(p => SiteUrls.TryParseDate(p[(p.LastIndexOf('/') + 1)..], out var d) ? d : default).ToList();
            CollectionAssert.AreEqual(days, read, $"what the links write, the page reads (under {culture})");
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
        }
    }

    [TestMethod]
    [DataRow("1999-12-31")]
    [DataRow("2101-01-01")]
    [DataRow("2025-3-8")]
    [DataRow("2025-03-08T00:00")]
    [DataRow("٢٠٢٥-٠٣-٠٨")]
    [DataRow("")]
    [DataRow(null)]
    public void A_scoreboard_date_outside_the_scheme_is_not_read(string? text) =>
        Assert.IsFalse(SiteUrls.TryParseDate(text, out _), $"'{text}' is not a scoreboard date");

    [TestMethod]
    public void A_game_path_is_league_id_and_a_slug_of_its_teams_and_date()
    {
        var date = new DateOnly(2025, 3, 8);

        Assert.AreEqual("/mens-college-basketball/games/42/st-johns-at-texas-am-2025-03-08", SiteUrls.Game("mens-college-basketball", 42, "st-johns", "texas-am", false, date));
        Assert.AreEqual("gonzaga-vs-purdue-2025-03-08", SiteUrls.GameSlug("gonzaga", "purdue", true, date), "a neutral floor has no host");
    }

    [TestMethod]
    public void Team_conference_and_scoreboard_paths_sit_under_their_league()
    {
        Assert.AreEqual("/womens-college-basketball/teams/south-carolina", SiteUrls.Team("womens-college-basketball", "south-carolina"));
        Assert.AreEqual("/mens-college-basketball/conferences/acc", SiteUrls.Conference("mens-college-basketball", "acc"));
        Assert.AreEqual("/mens-college-basketball/scores", SiteUrls.Scoreboard("mens-college-basketball"));
    }

    [TestMethod]
    public void Sitemap_file_names_round_trip()
    {
        var season = SiteUrls.SeasonSitemap("mens-college-basketball", 2025);
        var pages = SiteUrls.LeaguePagesSitemap("womens-college-basketball");

        Assert.AreEqual("/sitemaps/mens-college-basketball-2025.xml", season, "season");
        Assert.AreEqual("/sitemaps/womens-college-basketball-pages.xml", pages, "pages");
        Assert.IsTrue(SiteUrls.TryParseSitemap(season["/sitemaps/".Length..], out var seasonLeague, out var year), season);
        Assert.AreEqual("mens-college-basketball", seasonLeague, "the season file names its league and season: seasonLeague");
        Assert.AreEqual((int?)2025, year, "the season file names its league and season: year");
        Assert.IsTrue(SiteUrls.TryParseSitemap(pages["/sitemaps/".Length..], out var pagesLeague, out var none), pages);
        Assert.AreEqual("womens-college-basketball", pagesLeague, "the pages file names its league and no season: pagesLeague");
        Assert.AreEqual((int?)null, none, "the pages file names its league and no season: none");
    }

    [TestMethod]
    [DataRow("mens-college-basketball-1999.xml")]
    [DataRow("mens-college-basketball-2102.xml")]
    [DataRow("mens-college-basketball-x.xml")]
    [DataRow("mens-college-basketball-2025")]
    [DataRow("-2025.xml")]
    [DataRow("2025.xml")]
    public void Other_sitemap_names_are_not_read(string file) =>
        Assert.IsFalse(SiteUrls.TryParseSitemap(file, out _, out _), file);
}
