using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>How a game reads in words: its state line, its share title and its start time (always US-Eastern).</summary>
public static class GameText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Final", "Final OT", "Final 2OT", "Halftime", "2nd 12:34", "7:00 PM ET", "Postponed"…</summary>
    public static string State(GameSummary game) => game.State switch
    {
        GameState.Final => FinalLabel(game.Period),
        GameState.Halftime => "Halftime",
        GameState.Live => $"{PeriodName(game.Period)} {game.Clock}".Trim(),
        GameState.Delayed => "Delayed",
        GameState.Postponed => "Postponed",
        GameState.Canceled => "Canceled",
        _ => game.StartTime is { } start ? StartTime(start) : "Time TBA",
    };

    /// <summary>Regulation is two halves; every period after the second is an overtime.</summary>
    public static string FinalLabel(int? period) => period switch
    {
        null or <= 2 => "Final",
        3 => "Final OT",
        _ => $"Final {period - 2}OT",
    };

    public static string PeriodName(int? period) => period switch
    {
        null => "",
        1 => "1st",
        2 => "2nd",
        3 => "OT",
        _ => $"{period - 2}OT",
    };

    public static string StartTime(DateTimeOffset start) => Eastern(start).ToString("h:mm tt", English) + " ET";

    public static string StartDateTime(DateTimeOffset start) => Eastern(start).ToString("ddd, MMM d, h:mm tt", English) + " ET";

    public static DateTimeOffset Eastern(DateTimeOffset start) => EasternCalendar.ToEastern(start);

    /// <summary>The machine-readable instant for &lt;time datetime&gt; and JSON-LD, with the US-Eastern offset.</summary>
    public static string IsoEastern(DateTimeOffset start) => Eastern(start).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", English);

    public static string ShortDate(DateOnly date) => date.ToString("ddd, MMM d", English);

    /// <summary>yyyy-MM-dd, written digit by digit: every game link and card carries one, so no format string is parsed.</summary>
    public static string Iso(DateOnly date) => string.Create(10, date, static (chars, d) =>
    {
        d.Year.TryFormat(chars[..4], out _, "D4", CultureInfo.InvariantCulture);
        chars[4] = '-';
        d.Month.TryFormat(chars[5..7], out _, "D2", CultureInfo.InvariantCulture);
        chars[7] = '-';
        d.Day.TryFormat(chars[8..], out _, "D2", CultureInfo.InvariantCulture);
    });

    /// <summary>"Duke 78, North Carolina 74 — Final", "Duke at North Carolina — Sat, Mar 7, 6:30 PM ET", "Duke 30, UNC 28 — 2nd 10:12".</summary>
    /// <remarks>Built with string.Concat: every card and the scoreboard's JSON-LD ask for it, 300 times per big page.</remarks>
    public static string Title(GameSummary game)
    {
        if (game.State is GameState.Final or GameState.Live or GameState.Halftime or GameState.Delayed && game.Home.Score is { } home && game.Away.Score is { } away)
        {
            // The leader reads first, as a headline would put it.
            var homeLeads = home > away;
            return string.Concat([
                homeLeads ? HomeName(game) : AwayName(game), " ", Score(homeLeads ? home : away), ", ",
                homeLeads ? AwayName(game) : HomeName(game), " ", Score(homeLeads ? away : home), " — ", State(game)]);
        }

        var when = game.State switch
        {
            GameState.Postponed => "Postponed",
            GameState.Canceled => "Canceled",
            _ => game.StartTime is { } start ? StartDateTime(start) : $"{ShortDate(game.GameDate)}, time TBA",
        };
        return string.Concat([AwayName(game), game.NeutralSite ? " vs. " : " at ", HomeName(game), " — ", when]);
    }

    public static string Name(GameTeam team) => Name(team.ShortName, team.Rank);

    private static string HomeName(GameSummary game) => Name(game.Home.ShortName, game.Home.Rank);

    private static string AwayName(GameSummary game) => Name(game.Away.ShortName, game.Away.Rank);

    private static string Name(string shortName, int? rank) =>
        rank is { } r and > 0 ? string.Concat("No. ", Score(r), " ", shortName) : shortName;

    private static string Score(int value) => value.ToString(CultureInfo.InvariantCulture);
}
