using Microsoft.Extensions.Options;
using SkiaSharp;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// The two typefaces every card draws with, loaded once from the font files of <see cref="ShareCardOptions"/>. A file
/// that loads but has no glyph for "A" (not a font, a broken one) stops start-up instead of rendering blank cards.
/// </summary>
public sealed class CardFonts : IDisposable
{
    public CardFonts(IOptions<ShareCardOptions> options)
    {
        Regular = Load(options.Value.RegularFontFile);
        Bold = Load(options.Value.BoldFontFile);
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    private static SKTypeface Load(string path)
    {
        var typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"Setting ShareCards: '{path}' is not a font SkiaSharp can load.");
        using var font = new SKFont(typeface);
        if (font.GetGlyph('A') == 0)
        {
            typeface.Dispose();
            throw new InvalidOperationException($"Setting ShareCards: the font '{path}' has no Latin glyphs.");
        }

        return typeface;
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
