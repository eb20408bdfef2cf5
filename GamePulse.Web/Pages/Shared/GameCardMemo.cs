using System.Globalization;
using System.Text.Encodings.Web;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// The labels and card markup of one fixed set of game objects, for a list that many requests render (a scoreboard
/// day shared until the Worker changes it): made once per game version and copied after (docs/decisions/0411).
/// A card is kept from the second time it is asked for; the first is written straight to the response, so a list
/// rendered only once (sharing off) costs what it did without a memo, and a shared one renders each card at most twice.
/// Only the very objects it was made from are memoised: another object with the same id is another version.
/// </summary>
public sealed class GameCardMemo
{
    private readonly Dictionary<long, Slot> slots;

    public GameCardMemo(IReadOnlyCollection<GameSummary> games)
    {
        slots = new Dictionary<long, Slot>(games.Count);
        foreach (var game in games)
        {
            slots.TryAdd(game.Id, new Slot(game));
        }
    }

    public GameLabel Label(GameSummary game) => SlotOf(game) is { } slot ? slot.Label : GameLabel.For(game);

    /// <summary>
    /// Writes a game's card (given its label) through <paramref name="render"/> the first time, through it into a kept
    /// copy the second, and that copy from then on.
    /// </summary>
    public void WriteCard(TextWriter writer, HtmlEncoder encoder, GameSummary game, Action<TextWriter, HtmlEncoder, GameSummary, GameLabel> render)
    {
        if (SlotOf(game) is not { } slot)
        {
            render(writer, encoder, game, GameLabel.For(game));
            return;
        }

        // Races are harmless: two requests may both render the same markup, and either copy is kept.
        if (slot.Card is { } kept && ReferenceEquals(kept.Encoder, encoder))
        {
            writer.Write(kept.Html);
        }
        else if (!slot.AskedBefore)
        {
            slot.AskedBefore = true;
            render(writer, encoder, game, slot.Label);
        }
        else
        {
            using var buffer = new StringWriter(CultureInfo.InvariantCulture);
            render(buffer, encoder, game, slot.Label);
            var html = buffer.ToString();
            slot.Card = new CardMarkup(encoder, html);
            writer.Write(html);
        }
    }

    private Slot? SlotOf(GameSummary game) => slots.TryGetValue(game.Id, out var slot) && ReferenceEquals(slot.Game, game) ? slot : null;

    private sealed class Slot(GameSummary game)
    {
        private GameLabel? label;

        public GameSummary Game { get; } = game;

        public GameLabel Label => label ??= GameLabel.For(Game);

        public bool AskedBefore { get; set; }

        public CardMarkup? Card { get; set; }
    }

    // One reference, so a reader never sees one request's encoder with another's markup.
    private sealed record CardMarkup(HtmlEncoder Encoder, string Html);
}
