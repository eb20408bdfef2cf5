using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GamePulse.FeedSimulator.Games;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Feed;

/// <summary>
/// A <c>summary?event=</c> answer in the shape of the recorded summaries (espn/summary-401851239-live-halftime.json):
/// header, gameInfo, box score, plays, win probability and leaders, all counted from the plays visible so far.
/// </summary>
public static class SummaryJson
{
    private static readonly string[] Keys = ["minutes", "points", "fieldGoalsMade-fieldGoalsAttempted", "threePointFieldGoalsMade-threePointFieldGoalsAttempted", "freeThrowsMade-freeThrowsAttempted", "rebounds", "assists", "turnovers", "steals", "blocks", "offensiveRebounds", "defensiveRebounds", "fouls"];

    public static byte[] Write(GameMoment moment)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var tallies = BoxScore.Of(moment.Visible);
            json.WriteStartObject();
            Boxscore(json, moment, tallies);
            json.WriteStartObject("format");
            json.WriteStartObject("regulation");
            json.WriteNumber("periods", moment.Game.League.Periods);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("gameInfo");
            EspnJson.Venue(json, moment.Game, Block.SummaryHeader);
            json.WriteEndObject();
            Leaders(json, moment, tallies);
            Header(json, moment);
            Plays(json, moment);
            WinProbability(json, moment);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Header(Utf8JsonWriter json, GameMoment moment)
    {
        var game = moment.Game;
        json.WriteStartObject("header");
        json.WriteString("id", game.EventId);
        json.WriteString("uid", $"s:40~l:{game.League.EspnId}~e:{game.EventId}");
        EspnJson.Season(json, game.TipOff, Block.SummaryHeader);
        json.WriteBoolean("timeValid", true);
        json.WriteStartArray("competitions");
        json.WriteStartObject();
        json.WriteString("id", game.EventId);
        json.WriteString("date", EspnJson.Iso(game.TipOff));
        json.WriteBoolean("neutralSite", false);
        json.WriteBoolean("conferenceCompetition", game.ConferenceGame);
        json.WriteBoolean("boxscoreAvailable", moment.Started);
        EspnJson.Competitors(json, moment, Block.SummaryHeader);
        EspnJson.Status(json, moment, Block.SummaryHeader);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("league");
        EspnJson.League(json, game.League);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Boxscore(Utf8JsonWriter json, GameMoment moment, PlayerTally[][] tallies)
    {
        var game = moment.Game;
        json.WriteStartObject("boxscore");
        json.WriteStartArray("teams");
        foreach (var (team, side) in Sides(game))
        {
            json.WriteStartObject();
            EspnJson.Team(json, team, game.League, Block.SummaryBoxscore);
            json.WriteStartArray("statistics");
            if (moment.Started)
            {
                var lines = tallies[side];
                Stat(json, "fieldGoalsMade-fieldGoalsAttempted", $"{lines.Sum(l => l.Fgm)}-{lines.Sum(l => l.Fga)}");
                Stat(json, "threePointFieldGoalsMade-threePointFieldGoalsAttempted", $"{lines.Sum(l => l.Tpm)}-{lines.Sum(l => l.Tpa)}");
                Stat(json, "freeThrowsMade-freeThrowsAttempted", $"{lines.Sum(l => l.Ftm)}-{lines.Sum(l => l.Fta)}");
                Stat(json, "totalRebounds", EspnJson.Number(lines.Sum(l => l.Reb)));
                Stat(json, "offensiveRebounds", EspnJson.Number(lines.Sum(l => l.Oreb)));
                Stat(json, "defensiveRebounds", EspnJson.Number(lines.Sum(l => l.Dreb)));
                Stat(json, "assists", EspnJson.Number(lines.Sum(l => l.Ast)));
                Stat(json, "steals", "0");
                Stat(json, "blocks", "0");
                Stat(json, "totalTurnovers", EspnJson.Number(lines.Sum(l => l.Tov)));
                Stat(json, "fouls", EspnJson.Number(lines.Sum(l => l.Pf)));
            }

            json.WriteEndArray();
            json.WriteString("homeAway", side == 0 ? "home" : "away");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("players");
        if (moment.Started)
        {
            foreach (var (team, side) in Sides(game))
            {
                Players(json, team, tallies[side], moment);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Players(Utf8JsonWriter json, SeededTeam team, PlayerTally[] lines, GameMoment moment)
    {
        json.WriteStartObject();
        json.WriteStartObject("team");
        json.WriteString("id", team.EspnId);
        json.WriteString("abbreviation", team.Abbreviation);
        json.WriteEndObject();
        json.WriteStartArray("statistics");
        json.WriteStartObject();
        json.WriteStartArray("keys");
        foreach (var key in Keys)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        json.WriteStartArray("athletes");
        var roster = Roster.Of(team.EspnId);
        var played = PlayedSeconds(moment);
        for (var i = 0; i < roster.Count; i++)
        {
            var player = roster[i];
            json.WriteStartObject();
            json.WriteBoolean("active", true);
            json.WriteStartObject("athlete");
            json.WriteString("id", player.AthleteId);
            json.WriteString("displayName", player.DisplayName);
            json.WriteString("shortName", player.ShortName);
            json.WriteString("jersey", player.Jersey);
            json.WriteStartObject("position");
            json.WriteString("abbreviation", player.Position);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteBoolean("starter", i < Roster.Starters);
            json.WriteBoolean("didNotPlay", false);
            json.WriteBoolean("ejected", false);
            // Starters play about 30 of 40 minutes, the bench shares the rest.
            var minutes = (int)(played / 60 * (i < Roster.Starters ? 0.75 : 0.25));
            Row(json, "stats", minutes, lines[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var totals = new PlayerTally
        {
            Points = lines.Sum(l => l.Points),
            Fgm = lines.Sum(l => l.Fgm),
            Fga = lines.Sum(l => l.Fga),
            Tpm = lines.Sum(l => l.Tpm),
            Tpa = lines.Sum(l => l.Tpa),
            Ftm = lines.Sum(l => l.Ftm),
            Fta = lines.Sum(l => l.Fta),
            Oreb = lines.Sum(l => l.Oreb),
            Dreb = lines.Sum(l => l.Dreb),
            Ast = lines.Sum(l => l.Ast),
            Tov = lines.Sum(l => l.Tov),
            Pf = lines.Sum(l => l.Pf),
        };
        Row(json, "totals", null, totals);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Row(Utf8JsonWriter json, string name, int? minutes, PlayerTally line)
    {
        json.WriteStartArray(name);
        string[] values = [minutes is { } m ? EspnJson.Number(m) : "", EspnJson.Number(line.Points), $"{line.Fgm}-{line.Fga}", $"{line.Tpm}-{line.Tpa}", $"{line.Ftm}-{line.Fta}",
            EspnJson.Number(line.Reb), EspnJson.Number(line.Ast), EspnJson.Number(line.Tov), "0", "0", EspnJson.Number(line.Oreb), EspnJson.Number(line.Dreb), EspnJson.Number(line.Pf)];
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Game-clock seconds played so far.</summary>
    private static double PlayedSeconds(GameMoment moment)
    {
        var league = moment.Game.League;
        return moment.Period == 0 ? 0 : Enumerable.Range(1, moment.Period - 1).Sum(league.LengthOf) + league.LengthOf(moment.Period) - moment.Clock;
    }

    private static void Stat(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("displayValue", value);
        json.WriteEndObject();
    }

    private static void Plays(Utf8JsonWriter json, GameMoment moment)
    {
        var game = moment.Game;
        json.WriteStartArray("plays");
        foreach (var play in moment.Visible)
        {
            json.WriteStartObject();
            json.WriteString("id", PlayId(game, play));
            json.WriteString("sequenceNumber", EspnJson.Number(play.Sequence));
            json.WriteStartObject("type");
            json.WriteString("text", PlayText.TypeOf(play));
            json.WriteEndObject();
            json.WriteString("text", PlayText.Of(play, game, game.League));
            json.WriteNumber("awayScore", play.Away);
            json.WriteNumber("homeScore", play.Home);
            json.WriteStartObject("period");
            json.WriteNumber("number", play.Period);
            json.WriteString("displayValue", game.League.PeriodName(play.Period));
            json.WriteEndObject();
            json.WriteStartObject("clock");
            json.WriteString("displayValue", string.Create(CultureInfo.InvariantCulture, $"{play.Clock / 60}:{play.Clock % 60:D2}"));
            json.WriteEndObject();
            json.WriteBoolean("scoringPlay", play.Scoring);
            json.WriteNumber("scoreValue", play.IsShot ? play.Value : 0);
            if (play.Side is { } side)
            {
                json.WriteStartObject("team");
                json.WriteString("id", side == 0 ? game.Home.EspnId : game.Away.EspnId);
                json.WriteEndObject();
            }

            json.WriteBoolean("shootingPlay", play.IsShot);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WinProbability(Utf8JsonWriter json, GameMoment moment)
    {
        var game = moment.Game;
        var league = game.League;
        var regulation = league.Periods * league.PeriodSeconds;
        json.WriteStartArray("winprobability");
        var played = 0;
        foreach (var play in moment.Visible)
        {
            played = Math.Max(played, Enumerable.Range(1, play.Period - 1).Sum(league.LengthOf) + league.LengthOf(play.Period) - play.Clock);
            // A lead counts for more as time runs out: logistic in margin over the square root of what is left.
            var left = Math.Max(0.02, 1 - ((double)played / regulation));
            var home = 1 / (1 + Math.Exp(-(play.Home - play.Away) / ((Math.Sqrt(left) * 9) + 0.5)));
            json.WriteStartObject();
            json.WriteNumber("homeWinPercentage", Math.Round(home, 3));
            json.WriteNumber("tiePercentage", 0);
            json.WriteString("playId", PlayId(game, play));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Leaders(Utf8JsonWriter json, GameMoment moment, PlayerTally[][] tallies)
    {
        var game = moment.Game;
        json.WriteStartArray("leaders");
        if (moment.Started)
        {
            foreach (var (team, side) in Sides(game))
            {
                json.WriteStartObject();
                json.WriteStartObject("team");
                json.WriteString("id", team.EspnId);
                json.WriteString("displayName", team.DisplayName);
                json.WriteString("abbreviation", team.Abbreviation);
                json.WriteEndObject();
                json.WriteStartArray("leaders");
                var roster = Roster.Of(team.EspnId);
                Leader(json, "points", "Points", roster, tallies[side], l => l.Points);
                Leader(json, "rebounds", "Rebounds", roster, tallies[side], l => l.Reb);
                Leader(json, "assists", "Assists", roster, tallies[side], l => l.Ast);
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void Leader(Utf8JsonWriter json, string name, string label, IReadOnlyList<RosterPlayer> roster, PlayerTally[] lines, Func<PlayerTally, int> value)
    {
        var best = Enumerable.Range(0, lines.Length).OrderByDescending(i => value(lines[i])).ThenBy(i => i).First();
        var shown = EspnJson.Number(value(lines[best]));
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("displayName", label);
        json.WriteStartArray("leaders");
        json.WriteStartObject();
        json.WriteString("displayValue", shown);
        json.WriteStartObject("athlete");
        json.WriteString("id", roster[best].AthleteId);
        json.WriteString("displayName", roster[best].DisplayName);
        json.WriteString("shortName", roster[best].ShortName);
        json.WriteString("jersey", roster[best].Jersey);
        json.WriteStartObject("position");
        json.WriteString("abbreviation", roster[best].Position);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("mainStat");
        json.WriteString("value", shown);
        json.WriteEndObject();
        json.WriteString("summary", $"{shown} {label.ToLowerInvariant()}");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string PlayId(SimGame game, Play play) => string.Create(CultureInfo.InvariantCulture, $"{game.EventId}{play.Sequence:D6}");

    private static (SeededTeam Team, int Side)[] Sides(SimGame game) => [(game.Home, 0), (game.Away, 1)];
}
