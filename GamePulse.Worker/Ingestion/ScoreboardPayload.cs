using System.Text.Json;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Ncaa;

namespace GamePulse.Worker.Ingestion;

/// <summary>Turns a payload's bytes into a <see cref="ParsedScoreboard"/>; live fetches and saved files both come through here.</summary>
public static class ScoreboardPayload
{
    public static ParsedScoreboard Parse(ReadOnlyMemory<byte> body, League league, ScoreSource? source = null)
    {
        if (body.IsEmpty || body.Span.Trim(" \r\n\t"u8).IsEmpty)
        {
            throw new PayloadException("Payload is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"Payload is not valid JSON (truncated or not JSON): {ex.Message}", ex);
        }

        using (document)
        {
            var kind = source ?? Detect(document.RootElement);
            return kind == ScoreSource.Espn
                ? EspnScoreboardParser.Parse(document.RootElement, league)
                : NcaaScoreboardParser.Parse(document.RootElement, league);
        }
    }

    /// <summary>ESPN payloads carry <c>events</c> (scoreboard) or <c>header</c> (summary); NCAA ones carry <c>games</c>.</summary>
    public static ScoreSource Detect(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("events", out _) || root.TryGetProperty("header", out _))
            {
                return ScoreSource.Espn;
            }

            if (root.TryGetProperty("games", out _))
            {
                return ScoreSource.Ncaa;
            }
        }

        throw new PayloadException("Payload is neither an ESPN scoreboard (events) nor an NCAA scoreboard (games).");
    }
}
