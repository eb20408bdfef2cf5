using System.Net;
using GamePulse.Data.Teams.Logos;
using GamePulse.Tests.Web.ShareCards;
using SkiaSharp;

namespace GamePulse.Tests.Web.Logos;

[TestClass]
public sealed class LogoEndpointTests
{
    private static readonly byte[] Png = CardRendererTests.SolidPng(new SKColor(0x00, 0xC0, 0x00));
    private static SiteTestHost site = null!;
    private static int duke;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        duke = site.Day.Team("duke");
        await new TeamLogoRepository(site.Database.Databases).StoreAsync(new TeamLogo
        {
            TeamId = duke,
            SourceUrl = "https://a.espncdn.com/i/teamlogos/ncaa/500/150.png",
            Content = Png,
            ContentType = "image/png",
            Version = LogoImages.Version(Png),
            FetchedAt = DateTimeOffset.UtcNow,
            CheckedAt = DateTimeOffset.UtcNow,
        });
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static string LogoPath => $"/logos/{duke}?v={LogoImages.Version(Png)}";

    [TestMethod]
    public async Task Cards_show_the_stored_logo_from_the_sites_origin_and_the_disc_without_one()
    {
        var (response, page) = await site.GetPageAsync("/mens-college-basketball/scores/2025-03-08");

        var images = page.QuerySelectorAll("[data-testid='game-card'] img.team-logo").Select(i => i.GetAttribute("src")).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { LogoPath }, images, "only Duke has a stored logo, served from /logos");
        var logo = page.QuerySelector("[data-testid='game-card'] img.team-logo")!;
        Assert.AreEqual("24", logo.GetAttribute("width"), "logo width");
        Assert.AreEqual("24", logo.GetAttribute("height"), "logo height");
        Assert.AreEqual("Duke Blue Devils logo", logo.GetAttribute("alt"), "logo alt");
        Assert.IsNotEmpty(page.QuerySelectorAll("[data-testid='game-card'] span.team-logo"), "teams without one get the disc");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        StringAssert.Contains(csp, "img-src 'self' data:;", $"images from the site's origin only: {csp}");
        Assert.DoesNotContain("https:", csp, "no third-party image host");
    }

    [TestMethod]
    public async Task A_logo_is_immutable_at_its_versioned_URL_and_any_other_version_redirects()
    {
        var response = await site.Client().GetAsync(LogoPath);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {LogoPath}");
        Assert.AreEqual("image/png", response.Content.Headers.ContentType!.MediaType, "content type");
        CollectionAssert.AreEqual(Png, await response.Content.ReadAsByteArrayAsync(), "the stored bytes");
        StringAssert.Contains(response.Headers.CacheControl!.ToString(), "immutable", "immutable");
        Assert.AreEqual(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge, "a year");

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, LogoPath);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.AreEqual(HttpStatusCode.NotModified, (await site.Client().SendAsync(revalidate)).StatusCode, "If-None-Match with its ETag");

        var old = await site.Client().GetAsync($"/logos/{duke}?v=0123456789abcdef");
        Assert.AreEqual(HttpStatusCode.Redirect, old.StatusCode, "an old version");
        Assert.AreEqual(LogoPath, old.Headers.Location!.OriginalString, "to the current one");
    }

    [TestMethod]
    public async Task The_game_card_draws_the_stored_logo()
    {
        var game = (await site.Client().GetAsync($"/mens-college-basketball/games/{site.Day.LiveId}")).Headers.Location!.OriginalString;
        var (_, page) = await site.GetPageAsync(game);
        var image = SiteTestHost.Meta(page, "og:image")![Support.SiteFactory.PublicBaseUrl.Length..];

        using var bitmap = SKBitmap.Decode(await site.Client().GetByteArrayAsync(image));
        // Duke is at home: the right-hand emblem's centre is the logo's green.
        Assert.AreEqual(0xC0, bitmap.GetPixel(970, 230).Green, "the card's home emblem is the stored logo");
    }

    [TestMethod]
    public async Task Unknown_teams_teams_without_a_logo_and_bad_input_are_4xx()
    {
        var other = site.Day.Team("north-carolina");
        var cases = new (string Path, HttpStatusCode Expected)[]
        {
            ($"/logos/{other}?v=0123456789abcdef", HttpStatusCode.NotFound),
            ("/logos/999999", HttpStatusCode.NotFound),
            ("/logos/abc", HttpStatusCode.NotFound),
            ("/logos/-1", HttpStatusCode.NotFound),
            ($"/logos/{duke}?v=a&v=b", HttpStatusCode.BadRequest),
        };
        foreach (var (path, expected) in cases)
        {
            Assert.AreEqual(expected, (await site.Client().GetAsync(path)).StatusCode, $"GET {path}");
        }
    }
}
