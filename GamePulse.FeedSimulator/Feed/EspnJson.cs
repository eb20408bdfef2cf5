using System.Globalization;
using System.Text.Json;
using GamePulse.FeedSimulator.Games;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Feed;

/// <summary>Where a block is written: the recorded payloads name a few fields differently in each (see the test of shapes).</summary>
internal enum Block
{
    Scoreboard,
    SummaryHeader,
    SummaryBoxscore,
}

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

    public static void Season(Utf8JsonWriter json, DateTimeOffset tipOff, Block block)
    {
        json.WriteStartObject("season");
        json.WriteNumber("year", Data.Leagues.Season.Of(tipOff));
        if (block == Block.Scoreboard)
        {
            json.WriteNumber("type", 2);
            json.WriteString("slug", "regular-season");
        }
        else
        {
            json.WriteBoolean("current", true);
            json.WriteNumber("type", 2);
        }

        json.WriteEndObject();
    }

    public static void Status(Utf8JsonWriter json, GameMoment moment, Block block)
    {
        var status = moment.Status;
        json.WriteStartObject("status");
        if (block == Block.Scoreboard)
        {
            json.WriteNumber("clock", moment.Clock);
        }

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

    public static void Team(Utf8JsonWriter json, SeededTeam team, SimLeague league, Block block)
    {
        // No logo: the demo runs offline, and a logo URL would point at ESPN's CDN.
        json.WriteStartObject("team");
        json.WriteString("id", team.EspnId);
        json.WriteString("uid", $"s:40~l:{league.EspnId}~t:{team.EspnId}");
        json.WriteString("location", team.Location);
        json.WriteString("name", team.Nickname);
        json.WriteString("abbreviation", team.Abbreviation);
        json.WriteString("displayName", team.DisplayName);
        if (block != Block.SummaryHeader)
        {
            json.WriteString("shortDisplayName", team.ShortName);
        }

        json.WriteString("color", team.PrimaryColor);
        if (block != Block.SummaryBoxscore)
        {
            json.WriteString("alternateColor", team.SecondaryColor);
        }

        if (block == Block.Scoreboard)
        {
            json.WriteBoolean("isActive", true);
        }

        json.WriteEndObject();
    }

    /// <summary>Both competitors, home first as ESPN lists them; a summary's header has "record", a scoreboard "records".</summary>
    public static void Competitors(Utf8JsonWriter json, GameMoment moment, Block block)
    {
        var game = moment.Game;
        json.WriteStartArray("competitors");
        Competitor(json, moment, game.Home, 0, game.HomeRecord, block);
        Competitor(json, moment, game.Away, 1, game.AwayRecord, block);
        json.WriteEndArray();
    }

    private static void Competitor(Utf8JsonWriter json, GameMoment moment, SeededTeam team, int side, string record, Block block)
    {
        var scoreboard = block == Block.Scoreboard;
        json.WriteStartObject();
        json.WriteString("id", team.EspnId);
        json.WriteString("uid", $"s:40~l:{moment.Game.League.EspnId}~t:{team.EspnId}");
        if (scoreboard)
        {
            json.WriteString("type", "team");
        }

        json.WriteNumber("order", side);
        json.WriteString("homeAway", side == 0 ? "home" : "away");
        Team(json, team, moment.Game.League, block);
        json.WriteString("score", moment.Started ? Number(side == 0 ? moment.Home : moment.Away) : "0");
        if (moment.Started)
        {
            json.WriteStartArray("linescores");
            foreach (var points in LineScores(moment, side))
            {
                json.WriteStartObject();
                if (scoreboard)
                {
                    json.WriteNumber("value", (double)points);
                }

                json.WriteString("displayValue", Number(points));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (scoreboard)
        {
            json.WriteStartObject("curatedRank");
            json.WriteNumber("current", 99);
            json.WriteEndObject();
        }

        json.WriteStartArray(scoreboard ? "records" : "record");
        json.WriteStartObject();
        if (scoreboard)
        {
            json.WriteString("name", "overall");
            json.WriteString("abbreviation", "Season");
        }

        json.WriteString("type", "total");
        json.WriteString("summary", record);
        if (!scoreboard)
        {
            json.WriteString("displayValue", record);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Points per period so far, one entry for each period that has begun.</summary>
    public static IEnumerable<int> LineScores(GameMoment moment, int side) =>
        Enumerable.Range(1, moment.Period).Select(period => moment.Visible.Where(p => p.Period == period && p.Side == side).Sum(p => p.Points));

    public static void Venue(Utf8JsonWriter json, SimGame game, Block block)
    {
        json.WriteStartObject("venue");
        json.WriteString("id", game.Home.EspnId);
        json.WriteString("fullName", $"{game.Home.Location} Arena");
        json.WriteStartObject("address");
        json.WriteEndObject();
        if (block == Block.Scoreboard)
        {
            json.WriteBoolean("indoor", true);
        }

        json.WriteEndObject();
    }
}
