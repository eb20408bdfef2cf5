using System.Text.Json;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>Tells a single game's ESPN summary (<c>header</c>, no <c>events</c>) from a scoreboard by its top-level keys.</summary>
public static class SummaryPayload
{
    public static bool IsSummary(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 128 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var header = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("events"u8) || reader.ValueTextEquals("games"u8))
                {
                    return false;
                }

                header |= reader.ValueTextEquals("header"u8);
                reader.Read();
                reader.Skip();
            }

            return header;
        }
        catch (JsonException)
        {
            // A truncated body is not recognisably anything; the scoreboard path records it as a failed run.
            return false;
        }
    }
}
