using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// A JSON value read through a <see cref="JsonShape"/>, answering like a <see cref="JsonElement"/>: an object holds
/// only its shape's properties, an array its items, and a leaf its bytes, decoded only when read. A struct, as
/// JsonElement is: a scoreboard holds tens of thousands of leaves.
/// </summary>
internal readonly struct ShapedJson
{
    // The object's shape and values (a missing property is default: Undefined), or the array's items.
    private readonly object? content;
    private readonly ReadOnlyMemory<byte> token;

    public ShapedJson(JsonShape shape, ShapedJson[] values) => (ValueKind, content) = (JsonValueKind.Object, new ShapedObject(shape, values));

    public ShapedJson(List<ShapedJson> items) => (ValueKind, content) = (JsonValueKind.Array, items);

    public ShapedJson(JsonValueKind kind, ReadOnlyMemory<byte> token) => (ValueKind, this.token) = (kind, token);

    public JsonValueKind ValueKind { get; }

    public IReadOnlyList<ShapedJson> Items => content as List<ShapedJson> ?? [];

    /// <summary>As JsonElement.TryGetProperty; only an object read through a shape has properties to ask for.</summary>
    public ShapedJson Property(string name) => content is ShapedObject properties
        ? properties.Values[properties.Shape.SlotOf(name)]
        : throw new ArgumentException($"'{name}' was not read: add it to the shape (EspnPayloadShape).", nameof(name));

    /// <summary>As JsonElement.GetString: a reader on the token unescapes, and throws on invalid UTF-8, the same way.</summary>
    public string? String()
    {
        // Most strings have no escapes; only those need the reader.
        var text = token.Span[1..^1];
        if (text.IndexOf((byte)'\\') < 0 && Utf8.IsValid(text))
        {
            return Encoding.UTF8.GetString(text);
        }

        var reader = new Utf8JsonReader(token.Span);
        reader.Read();
        return reader.GetString();
    }

    public string RawText() => Encoding.UTF8.GetString(token.Span);

    /// <summary>As JsonElement.GetDecimal, which parses the same way and throws this bare FormatException beyond decimal's range.</summary>
    public decimal Decimal() =>
        Utf8Parser.TryParse(token.Span, out decimal value, out var length) && length == token.Length ? value : throw new FormatException();

    private sealed record ShapedObject(JsonShape Shape, ShapedJson[] Values);
}

/// <summary>
/// The tolerant readers of <see cref="JsonRead"/> over <see cref="ShapedJson"/>, with the same answers: a missing,
/// empty or wrongly shaped value is null, numbers may arrive as strings and strings as numbers.
/// </summary>
internal static class ShapedJsonRead
{
    public static ShapedJson? Get(this ShapedJson value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.Property(name) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } found
            ? found
            : null;

    public static ShapedJson? Get(this ShapedJson? value, string name) => value?.Get(name);

    public static string? String(this ShapedJson? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.String() is { Length: > 0 } text ? text.Trim() : null,
        JsonValueKind.Number => value.Value.RawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static decimal? Number(this ShapedJson? value) => value?.ValueKind switch
    {
        JsonValueKind.Number => value.Value.Decimal(),
        JsonValueKind.String when decimal.TryParse(value.Value.String(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static short? Short(this ShapedJson? value) =>
        value.Number() is { } number && number >= short.MinValue && number <= short.MaxValue ? (short)Math.Round(number) : null;

    public static bool Bool(this ShapedJson? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(value.Value.String(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static IEnumerable<ShapedJson> Items(this ShapedJson? value) => value?.ValueKind == JsonValueKind.Array ? value.Value.Items : [];
}
