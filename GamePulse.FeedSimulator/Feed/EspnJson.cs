using System.Globalization;
using System.Text.Json;
using GamePulse.FeedSimulator.Games;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Feed;

/// <summary>The parts a scoreboard event and a summary header share, written in ESPN's field names and order.</summary>
internal static class EspnJson
{
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static void League(Utf8JsonWriter json, SimLeague league)
    {
        json.WriteString("id", league.EspnId);
        json.WriteString("uid", $"s:40~l:{league.EspnId}");
        json.WriteString("name", league.Name);
        json.WriteString("abbreviation", league.Abbreviation);
        json.WriteString("slug", league.Slug);
    }

    public static void Season(Utf8JsonWriter json, DateTimeOffset tipOff)
    {
        json.WriteStartObject("season");
        json.WriteNumber("year", Data.Leagues.Season.Of(tipOff));
        json.WriteNumber("type", 2);
        json.WriteString("slug", "regular-season");
        json.WriteEndObject();
    }

    public static void Status(Utf8JsonWriter json, GameMoment moment)
    {
        var status = moment.Status;
        json.WriteStartObject("status");
        json.WriteNumber("clock", moment.Clock);
        json.WriteString("displayClock", moment.DisplayClock);
        json.WriteNumber("period", moment.Period);
        json.WriteStartObject("type");
        json.WriteString("id", status.Id);
        json.WriteString("name", status.Name);
        json.WriteString("state", status.State);
        json.WriteBoolean("completed", status.Completed);
        json.WriteString("description", status.Description);
        json.WriteString("detail", status.Detail);
        json.WriteString("shortDetail", status.ShortDetail);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void Team(Utf8JsonWriter json, SeededTeam team, SimLeague league)
    {
        // No logo: the demo runs offline, and a logo URL would point at ESPN's CDN.
        json.WriteStartObject("team");
        json.WriteString("id", team.EspnId);
        json.WriteString("uid", $"s:40~l:{league.EspnId}~t:{team.EspnId}");
        json.WriteString("location", team.Location);
        json.WriteString("name", team.Nickname);
        json.WriteString("abbreviation", team.Abbreviation);
        json.WriteString("displayName", team.DisplayName);
        json.WriteString("shortDisplayName", team.ShortName);
        json.WriteString("color", team.PrimaryColor);
        json.WriteString("alternateColor", team.SecondaryColor);
        json.WriteBoolean("isActive", true);
        json.WriteEndObject();
    }

    /// <summary>Both competitors, home first as ESPN lists them. <paramref name="recordKey"/>: "records" (scoreboard) or "record" (summary).</summary>
    public static void Competitors(Utf8JsonWriter json, GameMoment moment, string recordKey)
    {
        var game = moment.Game;
        json.WriteStartArray("competitors");
        Competitor(json, moment, game.Home, "home", 0, game.HomeRecord, recordKey);
        Competitor(json, moment, game.Away, "away", 1, game.AwayRecord, recordKey);
        json.WriteEndArray();
    }

    private static void Competitor(Utf8JsonWriter json, GameMoment moment, SeededTeam team, string homeAway, int side, string record, string recordKey)
    {
        json.WriteStartObject();
        json.WriteString("id", team.EspnId);
        json.WriteString("uid", $"s:40~l:{moment.Game.League.EspnId}~t:{team.EspnId}");
        json.WriteString("type", "team");
        json.WriteNumber("order", side);
        json.WriteString("homeAway", homeAway);
        Team(json, team, moment.Game.League);
        json.WriteString("score", moment.Started ? Number(side == 0 ? moment.Home : moment.Away) : "0");
        if (moment.Started)
        {
            json.WriteStartArray("linescores");
            foreach (var points in LineScores(moment, side))
            {
                json.WriteStartObject();
                json.WriteNumber("value", (double)points);
                json.WriteString("displayValue", Number(points));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("curatedRank");
        json.WriteNumber("current", 99);
        json.WriteEndObject();
        json.WriteStartArray(recordKey);
        json.WriteStartObject();
        json.WriteString("name", "overall");
        json.WriteString("abbreviation", "Season");
        json.WriteString("type", "total");
        json.WriteString("summary", record);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Points per period so far, one entry for each period that has begun.</summary>
    public static IEnumerable<int> LineScores(GameMoment moment, int side) =>
        Enumerable.Range(1, moment.Period).Select(period => moment.Visible.Where(p => p.Period == period && p.Side == side).Sum(p => p.Points));

    public static void Venue(Utf8JsonWriter json, SimGame game)
    {
        json.WriteStartObject("venue");
        json.WriteString("id", game.Home.EspnId);
        json.WriteString("fullName", $"{game.Home.Location} Arena");
        json.WriteStartObject("address");
        json.WriteEndObject();
        json.WriteBoolean("indoor", true);
        json.WriteEndObject();
    }
}
