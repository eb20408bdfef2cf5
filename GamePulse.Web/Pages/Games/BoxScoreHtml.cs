using System.Text.Encodings.Web;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using Microsoft.AspNetCore.Html;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// Both teams' box scores (the <c>game-box-score</c> section): players in the view's order, the bench row, the totals
/// and shooting percentages. Written by hand like <see cref="Shared.GameCardHtml"/> (decision 0411): ~35 rows of 14
/// cells through Razor were most of the page's render; the columns come from <see cref="BoxScoreSort.Columns"/>, so a
/// header, a player row and the totals row cannot disagree. Rendered once per view and game version (<see cref="RenderedOnce"/>).
/// </summary>
public sealed record BoxScoreHtml(GameSummary Game, GameDetailView Detail) : IHtmlContent
{
    private static readonly int ColumnCount = BoxScoreSort.Columns.Count;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Detail.BoxScoreRendered.WriteTo(writer, encoder, Write);

    private void Write(TextWriter writer, HtmlEncoder encoder)
    {
        var query = Detail.Query;
        var path = GamePulse.Data.Site.SiteUrls.Game(Game);
        writer.Write("<section id=\"box-score\" class=\"box-scores\" aria-labelledby=\"box-score-heading\" data-testid=\"game-box-score\">\n<h2 id=\"box-score-heading\">Box score</h2>\n");
        if (query.Sort != BoxScoreSort.Default)
        {
            writer.Write("<p class=\"subtle\" data-testid=\"box-score-sorted\">Sorted by ");
            encoder.Encode(writer, BoxScoreSort.Columns.First(c => c.Key == query.Sort).Title.ToLowerInvariant());
            writer.Write(". <a href=\"");
            encoder.Encode(writer, path + query.With(sort: BoxScoreSort.Default));
            writer.Write("#box-score\" data-testid=\"box-score-unsort\">Starters first</a></p>\n");
        }

        foreach (var box in Detail.BoxScores.Where(b => b.Players.Count > 0))
        {
            Table(writer, encoder, box, path, query);
        }

        writer.Write("</section>\n");
    }

    private static void Table(TextWriter writer, HtmlEncoder encoder, TeamBoxScore box, string path, GamePageQuery query)
    {
        writer.Write("<div class=\"table-scroll\">\n<table class=\"box\" data-testid=\"box-score-");
        writer.Write(box.Side);
        writer.Write("\">\n<caption>");
        encoder.Encode(writer, box.Team.DisplayName);
        writer.Write("</caption>\n<thead><tr><th scope=\"col\" class=\"player\">Player</th>");
        foreach (var column in BoxScoreSort.Columns)
        {
            writer.Write(query.Sort == column.Key ? "<th scope=\"col\" aria-sort=\"descending\"><a href=\"" : "<th scope=\"col\"><a href=\"");
            encoder.Encode(writer, path + query.With(sort: column.Key));
            writer.Write("#box-score\" title=\"");
            encoder.Encode(writer, column.Title);
            writer.Write("\" data-testid=\"box-score-sort-");
            encoder.Encode(writer, column.Key);
            writer.Write("\">");
            encoder.Encode(writer, column.Label);
            writer.Write("</a></th>");
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        var starters = box.Players.Count(p => p.Starter);
        for (var i = 0; i < box.Players.Count; i++)
        {
            if (query.Sort == BoxScoreSort.Default && i == starters && i > 0)
            {
                writer.Write("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"14\">Bench</th></tr>\n");
            }

            Player(writer, encoder, box.Players[i]);
        }

        writer.Write("</tbody>\n");
        if (box.Totals is { } totals)
        {
            Totals(writer, totals);
        }

        writer.Write("</table>\n</div>\n");
    }

    private static void Player(TextWriter writer, HtmlEncoder encoder, PlayerLine p)
    {
        writer.Write(p.Starter ? "<tr data-testid=\"box-score-player\" class=\"starter\"><th scope=\"row\" class=\"player\">" : "<tr data-testid=\"box-score-player\"><th scope=\"row\" class=\"player\">");
        encoder.Encode(writer, p.DisplayName);
        if (p.Position is { Length: > 0 } position)
        {
            writer.Write("<span class=\"subtle\"> ");
            encoder.Encode(writer, position);
            writer.Write("</span>");
        }

        if (p.Ejected)
        {
            writer.Write("<span class=\"subtle\"> (ejected)</span>");
        }

        writer.Write("</th>");
        if (p.DidNotPlay)
        {
            writer.Write("<td colspan=\"13\" class=\"dnp\" data-testid=\"box-score-dnp\">Did not play");
            if (p.DnpReason is { Length: > 0 } reason)
            {
                writer.Write(": ");
                encoder.Encode(writer, reason);
            }

            writer.Write("</td>");
        }
        else
        {
            Cells(writer, [p.Minutes, p.Points], [(p.Fgm, p.Fga), (p.Tpm, p.Tpa), (p.Ftm, p.Fta)], [p.Reb, p.Oreb, p.Dreb, p.Ast, p.Stl, p.Blk, p.Tov, p.Pf]);
        }

        writer.Write("</tr>\n");
    }

    private static void Totals(TextWriter writer, TeamBoxLine t)
    {
        writer.Write("<tfoot>\n<tr data-testid=\"box-score-totals\"><th scope=\"row\" class=\"player\">Totals</th>");
        Cells(writer, [null, t.Points], [(t.Fgm, t.Fga), (t.Tpm, t.Tpa), (t.Ftm, t.Fta)], [t.Reb, t.Oreb, t.Dreb, t.Ast, t.Stl, t.Blk, t.Tov, t.Pf]);
        writer.Write("</tr>\n<tr data-testid=\"box-score-percentages\" class=\"pct\"><th scope=\"row\" class=\"player\">Shooting</th><td></td><td></td><td data-testid=\"box-score-fg-pct\">");
        writer.Write(BoxScoreText.Percent(t.Fgm, t.Fga));
        writer.Write("</td><td data-testid=\"box-score-3pt-pct\">");
        writer.Write(BoxScoreText.Percent(t.Tpm, t.Tpa));
        writer.Write("</td><td data-testid=\"box-score-ft-pct\">");
        writer.Write(BoxScoreText.Percent(t.Ftm, t.Fta));
        writer.Write("</td><td colspan=\"");
        writer.Write(ColumnCount - 5);
        writer.Write("\"></td></tr>\n</tfoot>\n");
    }

    // The columns of BoxScoreSort in their order: MIN PTS, then FG 3PT FT made-attempted, then the counts. Numbers and
    // "5-11" need no encoding.
    private static void Cells(TextWriter writer, ReadOnlySpan<short?> leading, ReadOnlySpan<(short? Made, short? Attempted)> shooting, ReadOnlySpan<short?> counts)
    {
        foreach (var value in leading)
        {
            Cell(writer, BoxScoreText.Count(value));
        }

        foreach (var (made, attempted) in shooting)
        {
            Cell(writer, BoxScoreText.MadeAttempted(made, attempted));
        }

        foreach (var value in counts)
        {
            Cell(writer, BoxScoreText.Count(value));
        }
    }

    private static void Cell(TextWriter writer, string text)
    {
        writer.Write("<td>");
        writer.Write(text);
        writer.Write("</td>");
    }
}
