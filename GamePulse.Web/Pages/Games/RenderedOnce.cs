using System.Text.Encodings.Web;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// Markup rendered once and then copied: a view of a game's detail (<see cref="GameDetailView"/>) is shared between
/// requests until the game changes, so its box score and play rows are the same bytes for every request. The copy is
/// kept per encoder, as <see cref="Shared.GameCardMemo"/> does; races only render the same markup twice.
/// </summary>
public sealed class RenderedOnce
{
    private (HtmlEncoder Encoder, string Html)? kept;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder, Action<TextWriter, HtmlEncoder> render)
    {
        if (kept is { } copy && ReferenceEquals(copy.Encoder, encoder))
        {
            writer.Write(copy.Html);
            return;
        }

        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        render(buffer, encoder);
        var html = buffer.ToString();
        kept = (encoder, html);
        writer.Write(html);
    }
}
