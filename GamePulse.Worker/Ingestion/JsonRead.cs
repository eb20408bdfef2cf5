using System.Globalization;
using System.Text.Json;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// Tolerant readers for feed JSON, where numbers often arrive as strings ("54", "") and clocks as int or float:
/// a missing or empty value is null, never an exception; a value of the wrong shape is also null.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element?.Get(name);

    public static string? String(this JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString() is { Length: > 0 } text ? text.Trim() : null,
        JsonValueKind.Number => element.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static decimal? Number(this JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.Number => element.Value.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(element.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static short? Short(this JsonElement? element) =>
        element.Number() is { } value && value >= short.MinValue && value <= short.MaxValue ? (short)Math.Round(value) : null;

    public static bool Bool(this JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(element.Value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element?.ValueKind == JsonValueKind.Array ? element.Value.EnumerateArray() : [];
}
