using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.Data.Viewing;
using GamePulse.Web.Viewing;

namespace GamePulse.Web.Pages.Shared;

/// <summary>How a game reads in words: its state line, its share title and its start time (in the viewer's zone, US-Eastern by default).</summary>
public static class GameText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Final", "Final OT", "Final 2OT", "Halftime", "2nd 12:34", "7:00 PM ET", "Postponed"…</summary>
    public static string State(GameSummary game) => State(game, ViewVariant.Default);

    /// <summary>The state line in a viewer's zone (a scheduled game's time).</summary>
    public static string State(GameSummary game, ViewVariant view) => game.State switch
    {
        GameState.Final => FinalLabel(game.Period),
        GameState.Halftime => "Halftime",
        GameState.Live => $"{PeriodName(game.Period)} {game.Clock}".Trim(),
        GameState.Delayed => "Delayed",
        GameState.Postponed => "Postponed",
        GameState.Canceled => "Canceled",
        _ => game.StartTime is { } start ? StartTime(start, view) : "Time TBA",
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

    public static string StartTime(DateTimeOffset start) => StartTime(start, ViewVariant.Default);

    public static string StartDateTime(DateTimeOffset start) => StartDateTime(start, ViewVariant.Default);

    /// <summary>"7:00 PM PT".</summary>
    public static string StartTime(DateTimeOffset start, ViewVariant view) => string.Concat(view.Local(start).ToString("h:mm tt", English), " ", view.TimeZone.Abbreviation);

    /// <summary>
    /// A card's tip-off time on its Eastern game day: "4:00 PM PT", or "Fri 9:00 PM HT" when the viewer's clock puts
    /// it on another day than the scoreboard it is listed under (a midnight ET tip-off is the evening before in Hawaii).
    /// </summary>
    public static string StartTime(DateTimeOffset start, DateOnly gameDate, ViewVariant view)
    {
        var local = view.Local(start);
        return DateOnly.FromDateTime(local.DateTime) == gameDate ? StartTime(start, view) : string.Concat(local.ToString("ddd h:mm tt", English), " ", view.TimeZone.Abbreviation);
    }

    public static string StartDateTime(DateTimeOffset start, ViewVariant view) => string.Concat(view.Local(start).ToString("ddd, MMM d, h:mm tt", English), " ", view.TimeZone.Abbreviation);

    /// <summary>The machine-readable instant for &lt;time datetime&gt;, with the viewer's zone's offset.</summary>
    public static string Iso(DateTimeOffset start, ViewVariant view) => view.Local(start).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset Eastern(DateTimeOffset start) => EasternCalendar.ToEastern(start);

    /// <summary>The machine-readable instant for &lt;time datetime&gt; and JSON-LD, with the US-Eastern offset.</summary>
    public static string IsoEastern(DateTimeOffset start) => Eastern(start).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", English);

    public static string ShortDate(DateOnly date) => date.ToString("ddd, MMM d", English);

    /// <summary>"Duke 78, North Carolina 74 — Final", "Duke at North Carolina — Sat, Mar 7, 6:30 PM ET", "Duke 30, UNC 28 — 2nd 10:12".</summary>
    /// <remarks>Built with string.Concat: every card and the scoreboard's JSON-LD ask for it, 300 times per big page.</remarks>
    public static string Title(GameSummary game) => Title(game, ViewVariant.Default);

    /// <summary>The title in a viewer's zone; spoiler-free it never has the score or the leader: "Duke at North Carolina — Final".</summary>
    public static string Title(GameSummary game, ViewVariant view)
    {
        if (view.Hides(game))
        {
            return string.Concat([AwayName(game), game.NeutralSite ? " vs. " : " at ", HomeName(game), " — ", State(game, view)]);
        }

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
            _ => game.StartTime is { } start ? StartDateTime(start, view) : $"{ShortDate(game.GameDate)}, time TBA",
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
