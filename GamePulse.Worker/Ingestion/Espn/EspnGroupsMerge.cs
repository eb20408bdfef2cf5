using System.Text.Json;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// Joins two ESPN scoreboard answers for the same league and date (groups=50 and groups=100) into one scoreboard by
/// event id, at the byte level: the events of the second that the first lacks are spliced into the first's events
/// array, so the result is one payload for the one ingest run, and the 1.9 MB regular slate is neither parsed into a
/// document nor rewritten. An event both list is kept once, as the first lists it (the two are the same ESPN record).
/// </summary>
public static class EspnGroupsMerge
{
    /// <summary>ESPN's season type of a postseason date (1 preseason, 2 regular, 3 postseason).</summary>
    public const int PostseasonType = 3;

    /// <summary>The first payload with the second's events that it does not list; invalid JSON throws <see cref="JsonException"/>.</summary>
    public static byte[] Merge(byte[] first, byte[] second)
    {
        var into = EspnScoreboardScan.Read(first);
        var from = EspnScoreboardScan.Read(second);
        if (from.Events.Count == 0)
        {
            return first;
        }

        if (into.EventsClose is not { } close)
        {
            // The first has no events array at all (not a scoreboard): the parser will say so; nothing to merge into.
            return first;
        }

        var known = into.Events.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var added = from.Events.Where(e => e.Id is null || known.Add(e.Id)).ToList();
        if (added.Count == 0)
        {
            return first;
        }

        using var output = new MemoryStream(first.Length + added.Sum(e => e.Length + 1));
        output.Write(first, 0, close);
        var separate = into.Events.Count > 0;
        foreach (var item in added)
        {
            if (separate)
            {
                output.WriteByte((byte)',');
            }

            output.Write(second, item.Start, item.Length);
            separate = true;
        }

        output.Write(first, close, first.Length - close);
        return output.ToArray();
    }

    /// <summary>True when the payload says its date is in the postseason (the league's season type, or any event's).</summary>
    public static bool IsPostseason(byte[] body)
    {
        var scan = EspnScoreboardScan.Read(body);
        return scan.SeasonType == PostseasonType || scan.Events.Any(e => e.SeasonType == PostseasonType);
    }
}

/// <summary>Where a scoreboard's events are (byte offsets into the body), their ids and season types, and the league's season type.</summary>
internal sealed record EspnScoreboardScan(int? SeasonType, int? EventsClose, IReadOnlyList<EspnScoreboardScan.Event> Events)
{
    public sealed record Event(string? Id, int? SeasonType, int Start, int Length);

    /// <summary>One forward pass of a reader over the top level and each event's own keys; everything else is skipped.</summary>
    public static EspnScoreboardScan Read(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 128 });
        int? seasonType = null;
        int? close = null;
        var events = new List<Event>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new EspnScoreboardScan(null, null, events);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("leagues"u8))
            {
                reader.Read();
                using var leagues = JsonDocument.ParseValue(ref reader);
                seasonType = LeagueSeasonType(leagues.RootElement);
            }
            else if (reader.ValueTextEquals("events"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    events.Add(ReadEvent(ref reader));
                }

                close = (int)reader.TokenStartIndex;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new EspnScoreboardScan(seasonType, close, events);
    }

    private static Event ReadEvent(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new Event(null, null, start, (int)reader.BytesConsumed - start);
        }

        string? id = null;
        int? seasonType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
            }
            else if (reader.ValueTextEquals("season"u8))
            {
                reader.Read();
                using var season = JsonDocument.ParseValue(ref reader);
                seasonType = season.RootElement.ValueKind == JsonValueKind.Object && season.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var number)
                    ? number
                    : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Event(id, seasonType, start, (int)reader.BytesConsumed - start);
    }

    // leagues[0].season.type.type: a number, as ESPN sends it ({"id": "3", "type": 3, "name": "Postseason"}).
    private static int? LeagueSeasonType(JsonElement leagues) =>
        leagues.ValueKind == JsonValueKind.Array && leagues.GetArrayLength() > 0
        && leagues[0].ValueKind == JsonValueKind.Object
        && leagues[0].TryGetProperty("season", out var season) && season.ValueKind == JsonValueKind.Object
        && season.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Object
        && type.TryGetProperty("type", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var value)
            ? value
            : null;
}
