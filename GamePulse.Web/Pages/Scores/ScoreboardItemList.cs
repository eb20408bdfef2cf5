using System.Buffers;
using System.Text;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Viewing;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// The scoreboard's schema.org ItemList (JSON-LD): the games' canonical URLs and headlines in page order. Written with
/// a <see cref="Utf8JsonWriter"/>: serialising a dictionary (or records) by reflection cost more than the rest of a
/// 150-game page. Its default encoder escapes &lt;, &gt; and &amp;, so the JSON cannot close the &lt;script&gt; it sits in.
/// </summary>
public static class ScoreboardItemList
{
    /// <param name="cards">The memo of the shared day the games belong to, whose labels the cards already made.</param>
    /// <param name="view">The viewer's variant: its own titles (zone, no scores when spoiler-free); the memo's are the default's.</param>
    public static string Json(string name, IReadOnlyList<GameSummary> games, SiteOptions site, GameCardMemo? cards = null, ViewVariant? view = null)
    {
        view ??= ViewVariant.Default;
        if (!view.IsDefault)
        {
            cards = null;
        }

        var buffer = new ArrayBufferWriter<byte>(256 + (games.Count * 200));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ItemList");
            json.WriteString("name", name);
            json.WriteNumber("numberOfItems", games.Count);
            json.WriteStartArray("itemListElement");
            for (var i = 0; i < games.Count; i++)
            {
                var label = cards?.Label(games[i]) ?? GameLabel.For(games[i], view);
                json.WriteStartObject();
                json.WriteString("@type", "ListItem");
                json.WriteNumber("position", i + 1);
                json.WriteString("url", site.Absolute(label.Path));
                json.WriteString("name", label.Title);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
