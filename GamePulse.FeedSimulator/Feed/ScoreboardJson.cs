using System.Buffers;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.FeedSimulator.Games;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Feed;

/// <summary>A <c>scoreboard?dates=</c> answer in the shape of the recorded groups=50 payloads (espn/scoreboard-2026-03-04-groups50-live.json).</summary>
public static class ScoreboardJson
{
    public static byte[] Write(SimLeague league, DateOnly date, IReadOnlyList<GameMoment> games)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("leagues");
            json.WriteStartObject();
            EspnJson.League(json, league);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("groups");
            json.WriteStringValue("50");
            json.WriteEndArray();
            json.WriteStartObject("day");
            json.WriteString("date", EasternCalendar.Iso(date));
            json.WriteEndObject();
            json.WriteStartArray("events");
            foreach (var moment in games)
            {
                Event(json, moment);
            }

            json.WriteEndArray();
            json.WriteStartObject("provider");
            json.WriteString("name", "GamePulse feed simulator");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Event(Utf8JsonWriter json, GameMoment moment)
    {
        var game = moment.Game;
        json.WriteStartObject();
        json.WriteString("id", game.EventId);
        json.WriteString("uid", $"s:40~l:{game.League.EspnId}~e:{game.EventId}");
        json.WriteString("date", EspnJson.Iso(game.TipOff));
        json.WriteString("name", $"{game.Away.DisplayName} at {game.Home.DisplayName}");
        json.WriteString("shortName", $"{game.Away.Abbreviation} @ {game.Home.Abbreviation}");
        EspnJson.Season(json, game.TipOff, Block.Scoreboard);
        json.WriteStartArray("competitions");
        json.WriteStartObject();
        json.WriteString("id", game.EventId);
        json.WriteString("date", EspnJson.Iso(game.TipOff));
        json.WriteBoolean("timeValid", true);
        json.WriteBoolean("neutralSite", false);
        json.WriteBoolean("conferenceCompetition", game.ConferenceGame);
        json.WriteBoolean("playByPlayAvailable", true);
        EspnJson.Venue(json, game, Block.Scoreboard);
        EspnJson.Competitors(json, moment, Block.Scoreboard);
        json.WriteStartArray("notes");
        json.WriteEndArray();
        EspnJson.Status(json, moment, Block.Scoreboard);
        json.WriteStartArray("broadcasts");
        json.WriteStartObject();
        json.WriteString("market", "national");
        json.WriteStartArray("names");
        json.WriteStringValue("ESPN+");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("broadcast", "ESPN+");
        json.WriteEndObject();
        json.WriteEndArray();
        EspnJson.Status(json, moment, Block.Scoreboard);
        json.WriteEndObject();
    }
}
