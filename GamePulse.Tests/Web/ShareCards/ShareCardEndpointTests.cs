using System.Net;
using GamePulse.Tests.Support;
using GamePulse.Web.ShareCards;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace GamePulse.Tests.Web.ShareCards;

[TestClass]
public sealed class ShareCardEndpointTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        site.StartOnLoopback();
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<string> GamePageAsync(long id) =>
        (await site.Client().GetAsync($"/mens-college-basketball/games/{id}")).Headers.Location!.OriginalString;

    private static async Task<string> OgImagePathAsync(string pagePath)
    {
        var (_, page) = await site.GetPageAsync(pagePath);
        var image = SiteTestHost.Meta(page, "og:image")!;
        Assert.StartsWith(SiteFactory.PublicBaseUrl + "/", image, "og:image is absolute on the public base URL");
        return image[SiteFactory.PublicBaseUrl.Length..];
    }

    [TestMethod]
    public async Task The_game_page_previews_its_own_card_with_size_and_a_descriptive_alt()
    {
        var (_, page) = await site.GetPageAsync(await GamePageAsync(site.Day.FinalOvertimeId));

        var image = SiteTestHost.Meta(page, "og:image")!;
        StringAssert.Contains(image, $"/mens-college-basketball/games/{site.Day.FinalOvertimeId}/card.png?v=", "og:image is the game's versioned card");
        Assert.AreEqual(image, SiteTestHost.Meta(page, "twitter:image"), "twitter:image is the same card");
        Assert.AreEqual("1200", SiteTestHost.Meta(page, "og:image:width"), "og:image:width");
        Assert.AreEqual("630", SiteTestHost.Meta(page, "og:image:height"), "og:image:height");
        var alt = SiteTestHost.Meta(page, "og:image:alt")!;
        StringAssert.Contains(alt, "Final OT", $"the alt text names the result: {alt}");
    }

    [TestMethod]
    public async Task A_card_is_an_immutable_1200_by_630_PNG_with_an_ETag_and_a_304_on_revalidation()
    {
        var path = await OgImagePathAsync(await GamePageAsync(site.Day.FinalId));

        var response = await site.Client().GetAsync(path);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {path}");
        Assert.AreEqual("image/png", response.Content.Headers.ContentType!.MediaType, "content type");
        using (var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()))
        {
            Assert.AreEqual(1200, bitmap.Width, "width");
            Assert.AreEqual(630, bitmap.Height, "height");
        }

        var cacheControl = response.Headers.CacheControl!;
        Assert.IsTrue(cacheControl.Public, "public");
        Assert.AreEqual(TimeSpan.FromDays(365), cacheControl.MaxAge, "max-age a year");
        StringAssert.Contains(response.Headers.CacheControl!.ToString(), "immutable", "immutable");
        var etag = response.Headers.ETag!;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await site.Client().SendAsync(revalidate);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode, "If-None-Match with the card's ETag");
        Assert.AreEqual(etag, notModified.Headers.ETag, "the 304 repeats the ETag");
    }

    [TestMethod]
    public async Task A_missing_or_old_version_redirects_to_the_current_card()
    {
        var current = await OgImagePathAsync(await GamePageAsync(site.Day.HalftimeId));
        var bare = current[..current.IndexOf('?', StringComparison.Ordinal)];

        foreach (var asked in new[] { bare, bare + "?v=000000000000" })
        {
            var response = await site.Client().GetAsync(asked);
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, $"GET {asked}");
            Assert.AreEqual(current, response.Headers.Location!.OriginalString, $"{asked} leads to the current card");
            Assert.AreEqual(TimeSpan.FromSeconds(60), response.Headers.CacheControl!.MaxAge, "the redirect is cached briefly: the current version moves on");
        }
    }

    [TestMethod]
    public async Task Bad_input_is_a_4xx_and_an_unknown_game_a_404()
    {
        var id = site.Day.FinalId;
        var cases = new (string Path, HttpStatusCode Expected)[]
        {
            ($"/mens-college-basketball/games/{id}/card.png?v=xyz", HttpStatusCode.BadRequest),
            ($"/mens-college-basketball/games/{id}/card.png?v=000000000000&v=111111111111", HttpStatusCode.BadRequest),
            ($"/mens-college-basketball/games/{id}/card.png?v=000000000000&spoilers=show", HttpStatusCode.BadRequest),
            ("/mens-college-basketball/games/999999999/card.png?v=000000000000", HttpStatusCode.NotFound),
            ("/mens-college-basketball/games/-4/card.png", HttpStatusCode.NotFound),
            ("/mens-college-basketball/scores/2025-02-30/card.png", HttpStatusCode.NotFound),
            ("/mens-college-basketball/scores/2024-07-04/card.png", HttpStatusCode.NotFound),
            ("/mens-college-basketball/teams/no-such-team/card.png", HttpStatusCode.NotFound),
            ("/no-such-league/scores/2025-03-08/card.png", HttpStatusCode.NotFound),
        };
        foreach (var (path, expected) in cases)
        {
            var response = await site.Client().GetAsync(path);
            Assert.AreEqual(expected, response.StatusCode, $"GET {path}");
        }
    }

    [TestMethod]
    public async Task The_spoiler_free_card_is_its_own_picture_at_its_own_URL()
    {
        var shown = await OgImagePathAsync(await GamePageAsync(site.Day.FinalId));
        var bare = shown[..shown.IndexOf('?', StringComparison.Ordinal)];
        var redirect = await site.Client().GetAsync(bare + "?spoilers=hide");
        var hidden = redirect.Headers.Location!.OriginalString;
        StringAssert.EndsWith(hidden, "&spoilers=hide", "the current spoiler-free card keeps its form");

        var a = await site.Client().GetByteArrayAsync(shown);
        var b = await site.Client().GetByteArrayAsync(hidden);
        CollectionAssert.AreNotEqual(a, b, "the spoiler-free card is a different picture");
    }

    [TestMethod]
    public async Task A_burst_of_requests_for_a_new_card_renders_it_once()
    {
        var path = await OgImagePathAsync(await GamePageAsync(site.Day.LaterNeutralId));
        var cache = site.Factory.Services.GetRequiredService<ShareCardCache>();
        var before = cache.Renders;

        var client = site.Client();
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync(path)));

        Assert.IsTrue(answers.All(a => a.StatusCode == HttpStatusCode.OK), "every request of the burst is answered with the card");
        Assert.AreEqual(before + 1, cache.Renders, "40 concurrent requests, one render");
        var lengths = await Task.WhenAll(answers.Select(a => a.Content.ReadAsByteArrayAsync()));
        Assert.AreEqual(1, lengths.Select(l => l.Length).Distinct().Count(), "all got the same picture");
    }

    [TestMethod]
    public async Task The_scoreboard_previews_the_day_card_and_the_team_page_the_team_card()
    {
        foreach (var page in new[] { "/mens-college-basketball/scores/2025-03-08", "/mens-college-basketball/teams/duke" })
        {
            var path = await OgImagePathAsync(page);
            StringAssert.Contains(path, "/card.png?v=", $"{page} has its own card");
            var response = await site.Client().GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {path} (from {page})");
            Assert.AreEqual("image/png", response.Content.Headers.ContentType!.MediaType, $"{path} content type");
        }
    }

    [TestMethod]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        var path = await OgImagePathAsync(await GamePageAsync(site.Day.SoonId));
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var response = await site.Client().SendAsync(head);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"HEAD {path}");
        Assert.IsEmpty(await response.Content.ReadAsByteArrayAsync(), "no body");
    }
}
