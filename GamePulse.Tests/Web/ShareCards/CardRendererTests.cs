using GamePulse.Web.ShareCards;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace GamePulse.Tests.Web.ShareCards;

/// <summary>The renderer with the fonts of the default settings (Debian's fonts-dejavu-core, as the Dockerfile installs).</summary>
[TestClass]
public sealed class CardRendererTests
{
    private static CardFonts fonts = null!;
    private static CardRenderer renderer = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        fonts = new CardFonts(Options.Create(new ShareCardOptions()));
        renderer = new CardRenderer(fonts);
    }

    [ClassCleanup]
    public static void Stop() => fonts.Dispose();

    private static CardSide Side(string name, int? score, bool winner = false, int? logoTeamId = null) =>
        new(name, name[..3].ToUpperInvariant(), "1f4e9c", 3, null, "20-5", score, winner, logoTeamId, logoTeamId is null ? null : "/logos/1?v=x");

    private static MatchupScene Final(bool hide = false) =>
        new("GamePulse", hide, "Men's college basketball", Side("North Carolina", 74), Side("Duke", 78, winner: true), false, "Final", null, !hide, 82, "Tied with 0:45 left");

    [TestMethod]
    public void A_card_is_a_1200_by_630_PNG()
    {
        using var bitmap = SKBitmap.Decode(renderer.Render(Final(), new Dictionary<int, byte[]>()));

        Assert.IsNotNull(bitmap, "the renderer's output decodes as an image");
        Assert.AreEqual(1200, bitmap.Width, "width");
        Assert.AreEqual(630, bitmap.Height, "height");
    }

    [TestMethod]
    public void Team_names_score_and_site_name_draw_pixels_with_the_loaded_font()
    {
        // The same card with and without its words: text drawn with no usable typeface would leave both identical.
        using var withText = SKBitmap.Decode(renderer.Render(Final(), new Dictionary<int, byte[]>()));
        var card = Final();
        var blank = card with
        {
            Away = card.Away with { Name = "", Rank = null, Record = null },
            Home = card.Home with { Name = "", Rank = null, Record = null },
            StateLine = "",
            PulseNote = null,
            SiteName = "",
        };
        using var withoutText = SKBitmap.Decode(renderer.Render(blank, new Dictionary<int, byte[]>()));

        var nameArea = Differing(withText, withoutText, new SKRectI(30, 360, 430, 420));
        var footer = Differing(withText, withoutText, new SKRectI(0, 560, 600, 630));
        Assert.IsGreaterThan(800, nameArea, $"pixels the away team's name changes in its area: {nameArea}");
        Assert.IsGreaterThan(500, footer, $"pixels the site name changes in the footer: {footer}");
    }

    [TestMethod]
    public void A_stored_logo_is_drawn_in_place_of_the_colour_disc()
    {
        var logo = SolidPng(new SKColor(0x00, 0xC0, 0x00));
        var scene = Final() with { Home = Side("Duke", 78, winner: true, logoTeamId: 7) };

        using var drawn = SKBitmap.Decode(renderer.Render(scene, new Dictionary<int, byte[]> { [7] = logo }));
        using var missing = SKBitmap.Decode(renderer.Render(scene, new Dictionary<int, byte[]>()));

        var centre = drawn.GetPixel(970, 230);
        Assert.AreEqual(0xC0, centre.Green, $"the home emblem's centre is the logo's green, not {centre}");
        Assert.AreNotEqual(centre, missing.GetPixel(970, 230), "without the stored logo the disc is drawn instead");
    }

    [TestMethod]
    public void The_spoiler_free_card_has_its_own_version_and_no_score()
    {
        var shown = Final();
        var hidden = Final(hide: true) with { PulseNote = null };

        Assert.AreNotEqual(shown.Version, hidden.Version, "the two forms are different pictures, so different versions");
        Assert.AreEqual(shown.Version, Final().Version, "the version is a function of what the card shows");
        using var a = SKBitmap.Decode(renderer.Render(shown, new Dictionary<int, byte[]>()));
        using var b = SKBitmap.Decode(renderer.Render(hidden, new Dictionary<int, byte[]>()));
        Assert.IsGreaterThan(1000, Differing(a, b, new SKRectI(400, 170, 800, 320)), "the middle shows Pulse instead of the score");
    }

    [TestMethod]
    public void A_spoiler_free_card_before_tip_off_still_shows_the_tip_off_time()
    {
        var scheduled = new MatchupScene("GamePulse", true, "Men's college basketball", Side("Kentucky", null), Side("Tennessee", null), false,
            "8:10 PM ET", "Sat, Mar 8, 8:10 PM ET", false, 37, null);

        using var withTime = SKBitmap.Decode(renderer.Render(scheduled, new Dictionary<int, byte[]>()));
        using var withoutTime = SKBitmap.Decode(renderer.Render(scheduled with { WhenLine = "Sat, Mar 8, " }, new Dictionary<int, byte[]>()));

        Assert.IsGreaterThan(500, Differing(withTime, withoutTime, new SKRectI(420, 340, 780, 400)), "the time line under the day");
    }

    [TestMethod]
    public void A_list_card_draws_its_rows()
    {
        var row = new CardRow(Side("North Carolina", 74), Side("Duke", 78, winner: true), "Final", 82, true);
        using var one = SKBitmap.Decode(renderer.Render(new ListScene("GamePulse", false, "Men's college basketball · Saturday", "9 games", null, [row]), new Dictionary<int, byte[]>()));
        using var none = SKBitmap.Decode(renderer.Render(new ListScene("GamePulse", false, "Men's college basketball · Saturday", "9 games", null, []), new Dictionary<int, byte[]>()));

        Assert.IsGreaterThan(1000, Differing(one, none, new SKRectI(40, 175, 1160, 255)), "the first row's teams, scores and Pulse");
    }

    internal static byte[] SolidPng(SKColor color)
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static int Differing(SKBitmap a, SKBitmap b, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
