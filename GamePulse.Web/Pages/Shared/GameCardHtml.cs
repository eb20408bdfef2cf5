using System.Globalization;
using System.Text.Encodings.Web;
using GamePulse.Data.Games;
using GamePulse.Data.Site;
using GamePulse.Data.Viewing;
using GamePulse.Web.Viewing;
using Microsoft.AspNetCore.Html;

namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// One game as every list shows it (scoreboards, home, team pages); teams read away first, as US scoreboards do.
/// Written straight to the response instead of through a Razor partial: a 150-game day renders this 150 times, and a
/// partial per card (view lookup, view context, page activation) cost more than everything else on the page together
/// (docs/decisions/0411). Every value goes through the page's <see cref="HtmlEncoder"/>, exactly as Razor's @ does.
/// The markup is deliberately flat: whitespace would be a third of a big scoreboard's bytes.
/// A card depends on its game alone (not on the visitor or the clock), so a list that many requests render passes a
/// <see cref="GameCardMemo"/>, and each game version's card is rendered once and then copied.
/// </summary>
/// <param name="Actions">Per-visitor controls rendered inside the card (follow buttons), or null for anonymous pages.</param>
/// <param name="Memo">The memo of the list the game belongs to, or null for a list rendered once.</param>
/// <param name="View">The viewer's variant (time zone, spoiler-free); null is the default. The memo serves the default only.</param>
public sealed record GameCardHtml(GameSummary Game, IHtmlContent? Actions, GameCardMemo? Memo = null, ViewVariant? View = null) : IHtmlContent
{
    private const string DefaultAccent = "8a8f98";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var view = View ?? ViewVariant.Default;
        if (Memo is { } memo && view.IsDefault)
        {
            memo.WriteCard(writer, encoder, Game, WriteDefaultCard);
        }
        else
        {
            WriteCard(writer, encoder, Game, GameLabel.For(Game, view), view);
        }

        Actions?.WriteTo(writer, encoder);
        writer.Write("</article>");
    }

    private static void WriteDefaultCard(TextWriter writer, HtmlEncoder encoder, GameSummary game, GameLabel label) =>
        WriteCard(writer, encoder, game, label, ViewVariant.Default);

    /// <summary>Everything of the card up to the per-visitor actions slot.</summary>
    private static void WriteCard(TextWriter writer, HtmlEncoder encoder, GameSummary game, GameLabel label, ViewVariant view)
    {
        var final = game.State == GameState.Final;
        var hidden = view.Hides(game);
        var showScores = !hidden && game.Home.Score is not null && game.Away.Score is not null
            && game.State is not (GameState.Scheduled or GameState.Postponed or GameState.Canceled);

        writer.Write("<article class=\"game-card state-");
        encoder.Encode(writer, game.State);
        writer.Write("\" data-testid=\"game-card\" data-game-id=\"");
        Number(writer, game.Id);
        writer.Write("\" aria-label=\"");
        encoder.Encode(writer, label.Title);
        writer.Write("\">\n<a class=\"game-card-link\" href=\"");
        encoder.Encode(writer, label.Path);
        writer.Write("\" data-testid=\"game-card-link\"><span class=\"game-card-teams\">\n");
        TeamRow(writer, encoder, game.Away, "away", game.Home.Score, final && showScores, showScores, hidden);
        TeamRow(writer, encoder, game.Home, "home", game.Away.Score, final && showScores, showScores, hidden);
        writer.Write("</span><span class=\"game-card-status\">");
        Status(writer, encoder, game, view, hidden);
        writer.Write("</span></a>\n");
        if (hidden)
        {
            // The one way to a result from a spoiler-free list: a plain link, so it works without JavaScript.
            writer.Write("<a class=\"game-card-reveal\" rel=\"nofollow\" data-testid=\"game-card-show-score\" href=\"");
            encoder.Encode(writer, SiteUrls.WithSpoilers(label.Path, SiteUrls.SpoilersShow));
            writer.Write("\">Show score</a>\n");
        }
    }

    /// <param name="hidden">Spoiler-free: the record too is hidden, since a final game's record already counts it.</param>
    private static void TeamRow(TextWriter writer, HtmlEncoder encoder, GameTeam team, string side, int? opponentScore, bool markWinner, bool showScores, bool hidden)
    {
        writer.Write(markWinner && team.Score > opponentScore ? "<span class=\"team-row winner\" data-testid=\"game-card-" : "<span class=\"team-row\" data-testid=\"game-card-");
        writer.Write(side);
        writer.Write("\"><svg class=\"team-accent\" width=\"4\" height=\"24\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"4\" height=\"24\" fill=\"#");
        encoder.Encode(writer, team.Color ?? DefaultAccent);
        writer.Write("\" /></svg>");
        if (team.LogoUrl is { Length: > 0 } logo)
        {
            writer.Write("<img class=\"team-logo\" src=\"");
            encoder.Encode(writer, logo);
            writer.Write("\" width=\"24\" height=\"24\" alt=\"");
            encoder.Encode(writer, team.DisplayName);
            writer.Write(" logo\" loading=\"lazy\" decoding=\"async\">");
        }
        else
        {
            writer.Write("<span class=\"team-logo\" aria-hidden=\"true\"></span>");
        }

        writer.Write("<span class=\"team-name\">");
        if (team.Rank is { } rank and > 0)
        {
            writer.Write("<span class=\"team-rank\" data-testid=\"game-card-rank\" title=\"AP rank\">");
            Number(writer, rank);
            writer.Write("</span> ");
        }

        if (team.Seed is { } seed and > 0)
        {
            writer.Write("<span class=\"team-seed\" data-testid=\"game-card-seed\" title=\"Seed\">(");
            Number(writer, seed);
            writer.Write(")</span> ");
        }

        writer.Write("<span data-testid=\"game-card-team-name\">");
        encoder.Encode(writer, team.ShortName);
        writer.Write("</span>");
        if (!hidden && team.Record is { Length: > 0 } record)
        {
            writer.Write("<span class=\"team-record\" data-testid=\"game-card-record\">");
            encoder.Encode(writer, record);
            writer.Write("</span>");
        }

        writer.Write("</span><span class=\"team-score\" data-testid=\"game-card-");
        writer.Write(side);
        writer.Write("-score\">");
        if (showScores && team.Score is { } score)
        {
            Number(writer, score);
        }

        writer.Write("</span></span>\n");
    }

    private static void Status(TextWriter writer, HtmlEncoder encoder, GameSummary game, ViewVariant view, bool hidden)
    {
        if (PulseText.Shows(game))
        {
            writer.Write("<span class=\"pulse-badge ");
            writer.Write(PulseText.Level(game.PulseScore!.Value));
            writer.Write("\" data-testid=\"game-card-pulse\" title=\"");
            encoder.Encode(writer, PulseText.Tooltip(game, view));
            writer.Write("\"><span class=\"visually-hidden\">Pulse </span><span data-testid=\"game-card-pulse-score\">");
            Number(writer, game.PulseScore.Value);
            writer.Write("</span><span class=\"visually-hidden\"> out of 100");
            if (view.Factors(game) is { Count: > 0 } factors)
            {
                encoder.Encode(writer, ": " + factors[0]);
            }

            writer.Write("</span></span>");
        }
        else
        {
            writer.Write("<span class=\"pulse-badge pulse-none\" aria-hidden=\"true\"></span>");
        }

        if (game.State == GameState.Scheduled && game.StartTime is { } start)
        {
            writer.Write("<time datetime=\"");
            encoder.Encode(writer, view.IsDefault ? GameText.IsoEastern(start) : GameText.Iso(start, view));
            writer.Write("\" data-testid=\"game-card-state\">");
            encoder.Encode(writer, view.IsDefault ? GameText.StartTime(start) : GameText.StartTime(start, game.GameDate, view));
            writer.Write("</time>");
        }
        else
        {
            writer.Write("<span class=\"game-state\" data-testid=\"game-card-state\">");
            encoder.Encode(writer, GameText.State(game));
            writer.Write("</span>");
        }

        if (game.Broadcast is { Length: > 0 } broadcast)
        {
            writer.Write("<span class=\"game-broadcast\" data-testid=\"game-card-broadcast\">");
            encoder.Encode(writer, broadcast);
            writer.Write("</span>");
        }

        if (game.Notes is { Length: > 0 } notes)
        {
            writer.Write("<span class=\"game-notes\" data-testid=\"game-card-notes\">");
            encoder.Encode(writer, notes);
            writer.Write("</span>");
        }

        // From the game's summary, while it is being played: what just happened and who leads the scoring.
        if (!hidden && game.IsInProgress && game.LastPlay is { Length: > 0 } play)
        {
            writer.Write("<span class=\"game-last-play\" data-testid=\"game-card-last-play\">");
            encoder.Encode(writer, play);
            writer.Write("</span>");
        }

        if (!hidden && game.IsInProgress && game.Leader is { Length: > 0 } leader)
        {
            writer.Write("<span class=\"game-leader\" data-testid=\"game-card-leader\">");
            encoder.Encode(writer, leader);
            writer.Write("</span>");
        }
    }

    // Digits only: no culture may put a group separator or a different minus sign into a score or an id.
    private static void Number(TextWriter writer, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.Write(digits[..length]);
    }
}
