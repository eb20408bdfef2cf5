using System.Text.Json;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Ncaa;

namespace GamePulse.Worker.Ingestion;

/// <summary>Turns a payload's bytes into a <see cref="ParsedScoreboard"/>; live fetches and saved files both come through here.</summary>
public static class ScoreboardPayload
{
    private const int MaxDepth = 128;

    public static ParsedScoreboard Parse(ReadOnlyMemory<byte> body, League league, ScoreSource? source = null)
    {
        if (body.IsEmpty || body.Span.Trim(" \r\n\t"u8).IsEmpty)
        {
            throw new PayloadException("Payload is empty.");
        }

        // Only reading the JSON throws JsonException; the parsers turn bad values into skipped games or PayloadException.
        try
        {
            var kind = source ?? Detect(body.Span);
            if (kind == ScoreSource.Espn)
            {
                return EspnScoreboardParser.Parse(body, league, MaxDepth);
            }

            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return NcaaScoreboardParser.Parse(document.RootElement, league);
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"Payload is not valid JSON (truncated or not JSON): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// ESPN payloads carry <c>events</c> (scoreboard) or <c>header</c> (summary); NCAA ones carry <c>games</c>. Only the
    /// top level is read, and it stops at the first ESPN key: a scoreboard's events follow its small leagues, season
    /// and day, so an ESPN body is read once more in full only by its parser. Throws <see cref="JsonException"/> for
    /// invalid JSON met on the way.
    /// </summary>
    public static ScoreSource Detect(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        var games = false;
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("events"u8) || reader.ValueTextEquals("header"u8))
                {
                    return ScoreSource.Espn;
                }

                games |= reader.ValueTextEquals("games"u8);
                reader.Read();
                reader.Skip();
            }
        }
        else
        {
            reader.Skip();
        }

        // The whole body was read: anything after the value makes it invalid JSON, as it does for the parsers.
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }

        return games
            ? ScoreSource.Ncaa
            : throw new PayloadException("Payload is neither an ESPN scoreboard (events) nor an NCAA scoreboard (games).");
    }
}
