using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// What the site writes for a game object that many requests render: <see cref="Caching.GameDayCache"/> shares one
/// object per game version until the Worker changes its day, so its label and card markup are made once and copied
/// after. Only shared objects get a memo (one per read of a day, not per request): for objects read by a single
/// request, remembering would cost more than it saves. The memo lives exactly as long as its game object.
/// </summary>
public sealed class SharedGameText
{
    private static readonly ConditionalWeakTable<GameSummary, SharedGameText> Memos = new();

    private GameLabel? label;
    private CardMarkup? card;

    /// <summary>Marks games that will be rendered by many requests.</summary>
    public static void Share(IEnumerable<GameSummary> games)
    {
        foreach (var game in games)
        {
            Memos.AddOrUpdate(game, new SharedGameText());
        }
    }

    public static SharedGameText? Of(GameSummary game) => Memos.TryGetValue(game, out var memo) ? memo : null;

    // Races are harmless: two requests may both make the same value, and either copy is kept.
    public GameLabel Label(GameSummary game) => label ??= GameLabel.Make(game);

    public string Card(GameSummary game, HtmlEncoder encoder, Func<GameSummary, HtmlEncoder, string> render)
    {
        if (card is { } made && ReferenceEquals(made.Encoder, encoder))
        {
            return made.Html;
        }

        var html = render(game, encoder);
        card = new CardMarkup(encoder, html);
        return html;
    }

    // One reference, so a reader never sees one request's encoder with another's markup.
    private sealed record CardMarkup(HtmlEncoder Encoder, string Html);
}
