using System.Globalization;
using SkiaSharp;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// Draws a <see cref="CardScene"/> as the 1200×630 PNG chat apps show for a shared link (Open Graph's large image).
/// Logos are the stored ones (decoded per render: a card is rendered once per version); a team without one gets a disc
/// of its colour with its abbreviation. Stateless apart from the fonts; safe to call from many threads.
/// </summary>
public sealed partial class CardRenderer(CardFonts fonts)
{
    public const int Width = 1200;

    public const int Height = 630;

    private static readonly SKColor Ink = new(0xF8, 0xFA, 0xFC);

    private static readonly SKColor Muted = new(0xA8, 0xB3, 0xC4);

    private static readonly SKColor Dim = new(0x6B, 0x75, 0x86);

    private static readonly SKColor Background = new(0x0F, 0x17, 0x2A);

    public byte[] Render(CardScene scene, IReadOnlyDictionary<int, byte[]> logos)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var images = new LogoImages(logos);
        switch (scene)
        {
            case MatchupScene matchup:
                DrawMatchup(canvas, matchup, images);
                break;
            case ListScene list:
                DrawList(canvas, list, images);
                break;
        }

        DrawFooter(canvas, scene);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }

    private void DrawMatchup(SKCanvas canvas, MatchupScene scene, LogoImages images)
    {
        // Each half washed in its team's colour, fading to the dark middle.
        Wash(canvas, scene.Away.Color, new SKRect(0, 0, Width / 2f, Height), fromLeft: true);
        Wash(canvas, scene.Home.Color, new SKRect(Width / 2f, 0, Width, Height), fromLeft: false);

        Text(canvas, scene.Headline.ToUpperInvariant(), Width / 2f, 64, 26, fonts.Bold, Muted, SKTextAlign.Center, Width - 120);
        var decided = scene.Away.Winner || scene.Home.Winner;
        DrawTeam(canvas, scene.Away, 230, images, decided);
        DrawTeam(canvas, scene.Home, 970, images, decided);

        if (scene.ShowScores)
        {
            Text(canvas, Score(scene.Away.Score), 520, 300, 120, fonts.Bold, scene.Home.Winner ? Dim : Ink, SKTextAlign.Right, 200);
            Text(canvas, "–", Width / 2f, 290, 72, fonts.Bold, Dim, SKTextAlign.Center, 60);
            Text(canvas, Score(scene.Home.Score), 680, 300, 120, fonts.Bold, scene.Away.Winner ? Dim : Ink, SKTextAlign.Left, 200);
            Text(canvas, scene.StateLine, Width / 2f, 380, 40, fonts.Bold, Ink, SKTextAlign.Center, 380);
        }
        else if (scene.HideScore && scene.Pulse is { } hidden && scene.WhenLine is null)
        {
            // Spoiler-free, once the game has begun: the worth-watching number where the score would be.
            Text(canvas, "PULSE", Width / 2f, 190, 30, fonts.Bold, Muted, SKTextAlign.Center, 380);
            Text(canvas, hidden.ToString(CultureInfo.InvariantCulture), Width / 2f, 310, 120, fonts.Bold, PulseColor(hidden), SKTextAlign.Center, 380);
            Text(canvas, scene.StateLine, Width / 2f, 380, 40, fonts.Bold, Ink, SKTextAlign.Center, 380);
        }
        else
        {
            Text(canvas, scene.NeutralSite ? "vs." : "at", Width / 2f, 250, 48, fonts.Regular, Muted, SKTextAlign.Center, 380);
            var when = scene.WhenLine ?? scene.StateLine;
            var comma = when.IndexOf(", ", StringComparison.Ordinal);
            // "Sat, Mar 8, 7:00 PM ET": the day above, the time below, each fits the middle column.
            var last = when.LastIndexOf(", ", StringComparison.Ordinal);
            if (scene.WhenLine is not null && last > comma)
            {
                Text(canvas, when[..last], Width / 2f, 330, 38, fonts.Regular, Ink, SKTextAlign.Center, 380);
                Text(canvas, when[(last + 2)..], Width / 2f, 385, 44, fonts.Bold, Ink, SKTextAlign.Center, 380);
            }
            else
            {
                Text(canvas, when, Width / 2f, 360, 44, fonts.Bold, Ink, SKTextAlign.Center, 380);
            }
        }

        // Before tip-off the badge gives nothing away, spoiler-free or not.
        if (scene.Pulse is { } pulse && (!scene.HideScore || scene.WhenLine is not null))
        {
            PulseBadge(canvas, pulse, Width / 2f - 90, 420, 180);
        }

        if (scene.PulseNote is { } note)
        {
            Text(canvas, note, Width / 2f, 510, 26, fonts.Regular, Muted, SKTextAlign.Center, 700);
        }
    }

    private void DrawTeam(SKCanvas canvas, CardSide side, float centerX, LogoImages images, bool decided)
    {
        Emblem(canvas, side, centerX, 230, 110, images);
        // After a final the loser's name dims with its score, so the result reads at a glance.
        var dimmed = decided && !side.Winner;
        Text(canvas, side.Label, centerX, 405, 40, fonts.Bold, dimmed ? Muted : Ink, SKTextAlign.Center, 400);
        if (side.Record is { Length: > 0 } record)
        {
            Text(canvas, record, centerX, 450, 28, fonts.Regular, Muted, SKTextAlign.Center, 400);
        }
    }

    /// <summary>The stored logo on a light disc (logos are drawn for light backgrounds), else a disc of the team's colour with its abbreviation.</summary>
    private void Emblem(SKCanvas canvas, CardSide side, float cx, float cy, float radius, LogoImages images)
    {
        if (side.LogoTeamId is { } teamId && images.Get(teamId) is { } logo)
        {
            using var disc = new SKPaint { Color = new SKColor(0xF8, 0xFA, 0xFC), IsAntialias = true };
            canvas.DrawCircle(cx, cy, radius, disc);
            var size = radius * 1.5f;
            var scale = Math.Min(size / logo.Width, size / logo.Height);
            var rect = SKRect.Create(cx - logo.Width * scale / 2, cy - logo.Height * scale / 2, logo.Width * scale, logo.Height * scale);
            canvas.DrawImage(logo, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            return;
        }

        var color = ParseColor(side.Color);
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        using var ring = new SKPaint { Color = Ink.WithAlpha(0x60), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        canvas.DrawCircle(cx, cy, radius, fill);
        canvas.DrawCircle(cx, cy, radius, ring);
        var text = Luminance(color) > 0.6 ? Background : Ink;
        Text(canvas, side.Abbreviation, cx, cy + radius * 0.22f, radius * 0.62f, fonts.Bold, text, SKTextAlign.Center, radius * 1.7f);
    }

    private void PulseBadge(SKCanvas canvas, int pulse, float x, float y, float width)
    {
        using var fill = new SKPaint { Color = PulseColor(pulse), IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Create(x, y, width, 56), 28, 28, fill);
        Text(canvas, $"PULSE {pulse.ToString(CultureInfo.InvariantCulture)}", x + width / 2, y + 39, 30, fonts.Bold, Background, SKTextAlign.Center, width - 20);
    }

    private void DrawFooter(SKCanvas canvas, CardScene scene)
    {
        using var bar = new SKPaint { Color = new SKColor(0x0B, 0x11, 0x20) };
        canvas.DrawRect(SKRect.Create(0, Height - 70, Width, 70), bar);
        Text(canvas, scene.SiteName, 40, Height - 24, 32, fonts.Bold, Ink, SKTextAlign.Left, 500);
        if (scene.HideScore)
        {
            Text(canvas, "Spoiler-free", Width - 40, Height - 24, 28, fonts.Regular, Muted, SKTextAlign.Right, 500);
        }
    }

    private static void Wash(SKCanvas canvas, string color, SKRect rect, bool fromLeft)
    {
        var tint = ParseColor(color);
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(fromLeft ? rect.Left : rect.Right, 0), new SKPoint(fromLeft ? rect.Right : rect.Left, 0),
            [tint.WithAlpha(0xC0), tint.WithAlpha(0x00)], null, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(rect, paint);
    }

    /// <summary>Draws one line, shrinking the font until it fits <paramref name="maxWidth"/> (team names vary from "UK" to "Southeast Missouri State").</summary>
    private static void Text(SKCanvas canvas, string text, float x, float baseline, float size, SKTypeface typeface, SKColor color, SKTextAlign align, float maxWidth)
    {
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var width = font.MeasureText(text);
        if (width > maxWidth)
        {
            font.Size = Math.Max(12, size * maxWidth / width);
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, font, paint);
    }

    private static string Score(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static SKColor PulseColor(int pulse) => pulse switch
    {
        >= 70 => new SKColor(0xF9, 0x73, 0x16),
        >= 40 => new SKColor(0xFA, 0xCC, 0x15),
        _ => new SKColor(0x94, 0xA3, 0xB8),
    };

    private static SKColor ParseColor(string hex) =>
        SKColor.TryParse("#" + hex, out var color) ? color : new SKColor(0x8A, 0x8F, 0x98);

    private static double Luminance(SKColor color) => (0.2126 * color.Red + 0.7152 * color.Green + 0.0722 * color.Blue) / 255;

    /// <summary>The logos of one render, decoded on first use and disposed with it; a logo that does not decode is left out (the disc is drawn).</summary>
    private sealed class LogoImages(IReadOnlyDictionary<int, byte[]> logos) : IDisposable
    {
        private readonly Dictionary<int, SKImage?> decoded = [];

        public SKImage? Get(int teamId)
        {
            if (!decoded.TryGetValue(teamId, out var image))
            {
                image = logos.TryGetValue(teamId, out var bytes) ? SKImage.FromEncodedData(bytes) : null;
                decoded[teamId] = image;
            }

            return image;
        }

        public void Dispose()
        {
            foreach (var image in decoded.Values)
            {
                image?.Dispose();
            }
        }
    }
}
