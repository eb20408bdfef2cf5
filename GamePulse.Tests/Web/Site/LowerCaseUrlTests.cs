using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

/// <summary>
/// URLs are lower-case: an upper-case GET is one stable 301 to the lower-case URL, whether or not the lower-case page
/// is in the output cache (the cache's keys ignore case, the page's league and slug checks do not).
/// </summary>
[TestClass]
public sealed class LowerCaseUrlTests
{
    [TestMethod]
    public async Task An_upper_case_url_is_a_301_to_the_lower_case_one_before_and_after_the_cached_page_expires()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ScoreboardDay.SeedAsync(database);
        await using var web = await WebAppServer.StartAsync(database.ConnectionString, "--PageCache:ServerSafetySeconds=1");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        const string upper = "/MENS-COLLEGE-BASKETBALL/SCORES/2025-03-08";

        using var lower = await client.GetAsync(SiteRoutes.Scoreboard);
        using var whileCached = await client.GetAsync(upper);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var afterExpiry = await client.GetAsync(upper);
        using var withQuery = await client.GetAsync("/Mens-College-Basketball/Scores?date=2025-03-08");

        Assert.AreEqual(HttpStatusCode.OK, lower.StatusCode, "the lower-case page");
        foreach (var (name, response) in new[] { ("while cached", whileCached), ("after expiry", afterExpiry) })
        {
            Assert.AreEqual(HttpStatusCode.MovedPermanently, response.StatusCode, $"upper-case URL {name}");
            Assert.AreEqual(SiteRoutes.Scoreboard, response.Headers.Location!.OriginalString, $"Location {name}");
        }

        Assert.AreEqual(HttpStatusCode.MovedPermanently, withQuery.StatusCode, "mixed case with a query");
        Assert.AreEqual("/mens-college-basketball/scores?date=2025-03-08", withQuery.Headers.Location!.OriginalString, "the query is kept as it was");
    }
}
