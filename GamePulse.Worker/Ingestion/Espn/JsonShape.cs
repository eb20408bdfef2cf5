using System.Text.Json;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// The properties of a JSON object that a parser reads, each with the shape of its value (null: a leaf, kept as its
/// bytes). An array takes the shape of its items. <see cref="Read"/> keeps only those properties and skips the rest
/// with <see cref="Utf8JsonReader.Skip"/>, so nothing is built for the bulk of a payload that is never read.
/// </summary>
internal sealed class JsonShape
{
    private readonly (string Name, byte[] Utf8Name, JsonShape? Value)[] properties;

    private JsonShape((string, byte[], JsonShape?)[] properties) => this.properties = properties;

    /// <summary>An object of which only these properties are kept, each as a leaf.</summary>
    public static JsonShape Keep(params string[] names) => new([.. names.Select(n => (n, JsonEncodedText.Encode(n).EncodedUtf8Bytes.ToArray(), (JsonShape?)null))]);

    /// <summary>This shape plus the property <paramref name="name"/>, of which only <paramref name="shape"/> is kept.</summary>
    public JsonShape With(string name, JsonShape shape) => new([.. properties, (name, JsonEncodedText.Encode(name).EncodedUtf8Bytes.ToArray(), shape)]);

    /// <summary>
    /// Reads <paramref name="json"/> through this shape. Every byte is still read, so invalid or truncated JSON,
    /// trailing data or nesting deeper than <paramref name="maxDepth"/> throw <see cref="JsonException"/> as
    /// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> does.
    /// </summary>
    public ShapedJson Read(ReadOnlyMemory<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = maxDepth });
        reader.Read();
        var root = Read(ref reader, this, json);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }

        return root;
    }

    /// <summary>The slot of a property named <paramref name="name"/>; a name outside the shape is the caller's bug.</summary>
    public int SlotOf(string name)
    {
        // The parser asks with the same interned literals the shape was built from: comparing references finds them.
        for (var i = 0; i < properties.Length; i++)
        {
            if (ReferenceEquals(properties[i].Name, name))
            {
                return i;
            }
        }

        for (var i = 0; i < properties.Length; i++)
        {
            if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' was not read: add it to the shape (EspnPayloadShape).", nameof(name));
    }

    private static ShapedJson Read(ref Utf8JsonReader reader, JsonShape? shape, ReadOnlyMemory<byte> json)
    {
        if (shape is not null && reader.TokenType == JsonTokenType.StartObject)
        {
            var values = new ShapedJson[shape.properties.Length];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var slot = shape.SlotOf(ref reader);
                reader.Read();
                if (slot < 0)
                {
                    reader.Skip();
                    continue;
                }

                // As JsonElement.TryGetProperty sees it, the last of duplicate names wins.
                values[slot] = Read(ref reader, shape.properties[slot].Value, json);
            }

            return new ShapedJson(shape, values);
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var items = new List<ShapedJson>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(Read(ref reader, shape, json));
            }

            return new ShapedJson(items);
        }

        // A leaf, or an object where the shape expects none: kept as its bytes, read only if the parser asks.
        var kind = reader.TokenType switch
        {
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            JsonTokenType.StartObject => JsonValueKind.Object,
            _ => JsonValueKind.Null,
        };
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new ShapedJson(kind, json[start..(int)reader.BytesConsumed]);
    }

    private int SlotOf(ref Utf8JsonReader reader)
    {
        // Names are compared as bytes unless escaped ("\u0069d"), which only ValueTextEquals unescapes.
        var escaped = reader.ValueIsEscaped;
        var name = reader.ValueSpan;
        for (var i = 0; i < properties.Length; i++)
        {
            if (escaped ? reader.ValueTextEquals(properties[i].Utf8Name) : name.SequenceEqual(properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }
}
