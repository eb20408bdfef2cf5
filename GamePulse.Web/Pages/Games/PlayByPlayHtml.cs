using System.Globalization;
using System.Text.Encodings.Web;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Pulse;
using Microsoft.AspNetCore.Html;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// The play-by-play (the <c>game-plays</c> section): the all/scoring filter, the period links of a long log and one
/// table per period shown. Written by hand like <see cref="Shared.GameCardHtml"/> (decision 0411): a final's full log is
/// 600 rows, which through Razor cost more than the rest of the page. Rendered once per view and game version
/// (<see cref="RenderedOnce"/>).
/// </summary>
public sealed record PlayByPlayHtml(GameSummary Game, GameDetailView Detail) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Detail.PlaysRendered.WriteTo(writer, encoder, Write);

    private void Write(TextWriter writer, HtmlEncoder encoder)
    {
        var query = Detail.Query;
        var path = GamePulse.Data.Site.SiteUrls.Game(Game);
        var format = GameFormat.ForLeague(Game.LeagueId);
        writer.Write("<section id=\"plays\" aria-labelledby=\"plays-heading\" data-testid=\"game-plays\">\n<h2 id=\"plays-heading\">Play-by-play</h2>\n<nav class=\"order-nav\" aria-label=\"Which plays\">");
        Link(writer, encoder, path + query.With(scoringOnly: false, clearPeriod: true), !query.ScoringOnly, "game-plays-all", "All plays");
        writer.Write(" · ");
        Link(writer, encoder, path + query.With(scoringOnly: true, clearPeriod: true), query.ScoringOnly, "game-plays-scoring", "Scoring plays only");
        writer.Write("</nav>\n");
        if (Detail.SplitByPeriod || query.Period == GamePageQuery.AllPeriods)
        {
            writer.Write("<nav class=\"order-nav\" aria-label=\"Periods\" data-testid=\"game-plays-periods\">");
            foreach (var n in Detail.LatestFirst ? Detail.AllPeriods.Reverse() : Detail.AllPeriods)
            {
                var current = Detail.Periods.Count == 1 && Detail.Periods[0].Period == n && query.Period != GamePageQuery.AllPeriods;
                Link(writer, encoder, path + query.With(period: n.ToString(CultureInfo.InvariantCulture)), current, null, GameDetailView.PeriodLabel(format, n));
                writer.Write(' ');
            }

            Link(writer, encoder, path + query.With(period: GamePageQuery.AllPeriods), query.Period == GamePageQuery.AllPeriods, "game-plays-every-period", "All periods");
            writer.Write("</nav>\n");
        }

        if (Detail.Periods.Count == 0)
        {
            writer.Write("<p class=\"empty\" data-testid=\"game-plays-none\">No ");
            writer.Write(query.ScoringOnly ? "scoring plays" : "plays");
            writer.Write(query.PeriodNumber is { } asked ? string.Create(CultureInfo.InvariantCulture, $" in period {asked}") : " yet");
            writer.Write(".</p>\n");
        }

        var away = Abbreviation(Game.Away);
        var home = Abbreviation(Game.Home);
        foreach (var period in Detail.Periods)
        {
            writer.Write("<table class=\"plays\" data-testid=\"game-plays-period\">\n<caption>");
            encoder.Encode(writer, period.Name);
            writer.Write("</caption>\n<thead><tr><th scope=\"col\">Clock</th><th scope=\"col\">Team</th><th scope=\"col\" class=\"play-text\">Play</th><th scope=\"col\">");
            encoder.Encode(writer, away);
            writer.Write('-');
            encoder.Encode(writer, home);
            writer.Write("</th></tr></thead>\n<tbody>\n");
            foreach (var play in period.Plays)
            {
                Play(writer, encoder, play, play.Side == GameSide.Home ? home : play.Side == GameSide.Away ? away : "");
            }

            writer.Write("</tbody>\n</table>\n");
        }

        writer.Write("</section>\n");
    }

    private static string Abbreviation(GameTeam team) => team.Abbreviation ?? team.ShortName;

    private static void Play(TextWriter writer, HtmlEncoder encoder, PlayLine play, string team)
    {
        writer.Write(play.Scoring ? "<tr class=\"scoring\" data-testid=\"game-play\"><td>" : "<tr data-testid=\"game-play\"><td>");
        if (play.Clock is { } clock)
        {
            encoder.Encode(writer, clock);
        }

        writer.Write("</td><td>");
        encoder.Encode(writer, team);
        writer.Write("</td><td class=\"play-text\">");
        encoder.Encode(writer, play.Text);
        if (play.Scoring)
        {
            writer.Write("</td><td><strong>");
            writer.Write(play.AwayScore.ToString(CultureInfo.InvariantCulture));
            writer.Write('-');
            writer.Write(play.HomeScore.ToString(CultureInfo.InvariantCulture));
            writer.Write("</strong></td></tr>\n");
        }
        else
        {
            writer.Write("</td><td></td></tr>\n");
        }
    }

    private static void Link(TextWriter writer, HtmlEncoder encoder, string href, bool current, string? testId, string text)
    {
        writer.Write("<a href=\"");
        encoder.Encode(writer, href);
        writer.Write("#plays\"");
        if (current)
        {
            writer.Write(" aria-current=\"page\"");
        }

        if (testId is not null)
        {
            writer.Write(" data-testid=\"");
            writer.Write(testId);
            writer.Write('"');
        }

        writer.Write('>');
        encoder.Encode(writer, text);
        writer.Write("</a>");
    }
}
