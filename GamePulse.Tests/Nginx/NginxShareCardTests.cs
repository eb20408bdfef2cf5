using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>Share cards and logos through the repository's nginx: kept in its cache as the app's immutable headers say.</summary>
[TestClass]
public sealed class NginxShareCardTests
{
    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
    }

    [ClassCleanup]
    public static async Task Stop() => await database.DisposeAsync();

    [TestMethod]
    public async Task A_versioned_card_is_cached_by_nginx_and_stays_immutable_and_an_old_version_redirects()
    {
        await using var stack = await NginxFrontedSite.StartAsync(database.ConnectionString);
        using var bare = await stack.SendAsync(HttpMethod.Get, $"/mens-college-basketball/games/{day.FinalId}/card.png");
        Assert.AreEqual(HttpStatusCode.Redirect, bare.StatusCode, "without a version: a redirect to the current card");
        var card = bare.Headers.Location!.OriginalString;

        using var first = await stack.SendAsync(HttpMethod.Get, card);
        using var second = await stack.SendAsync(HttpMethod.Get, card);

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, $"GET {card} through nginx");
        Assert.AreEqual("image/png", first.Content.Headers.ContentType!.MediaType, "content type");
        Assert.AreEqual("public, max-age=31536000, immutable", Header(first, "Cache-Control"), "the app's caching headers pass through");
        Assert.AreEqual("MISS", Header(first, "X-Cache-Status"), "first request reaches the app");
        Assert.AreEqual("HIT", Header(second, "X-Cache-Status"), "the second is nginx's");
        Assert.HasCount(1, first.Headers.GetValues("Content-Security-Policy"), "one CSP header, not the app's and nginx's");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : null;
}
