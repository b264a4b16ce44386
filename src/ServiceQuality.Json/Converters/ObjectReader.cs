using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Walks the properties of one JSON object strictly: every name must be one of <see cref="JsonProperties"/>, none may
/// appear twice, and all but the optional ones must be present by the end. Properties may come in any order (stores such as PostgreSQL's
/// <c>jsonb</c> reorder keys).
/// </summary>
internal struct ObjectReader
{
    private readonly JsonProperties _properties;
    private ulong _seen;

    /// <summary>Whether the reader is already on the name the next <see cref="Next"/> is to match.</summary>
    private bool _onName;

    /// <summary>Starts reading the object the reader is on (its <see cref="JsonTokenType.StartObject"/>).</summary>
    public ObjectReader(ref Utf8JsonReader reader, JsonProperties properties)
    {
        _properties = properties;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Expected(new Where(properties.Owner), "an object", ref reader);
        }
    }

    /// <summary>
    /// Goes on reading an object whose start the caller has read: the reader is on the name of its first property
    /// (<paramref name="valueOf"/> is -1), or on the value of property <paramref name="valueOf"/>, which the caller
    /// matched and takes.
    /// </summary>
    public ObjectReader(JsonProperties properties, int valueOf)
    {
        _properties = properties;
        if (valueOf < 0)
        {
            _onName = true;
        }
        else
        {
            _seen = 1UL << valueOf;
            Index = valueOf;
        }
    }

    /// <summary>The index of the property last moved to.</summary>
    public int Index { get; private set; }

    /// <summary>The property last moved to, for messages: <c>Money.amount</c>.</summary>
    public readonly Where Where => new(_properties, Index);

    /// <summary>
    /// Moves to the next property's value and returns true, or, at the end of the object, checks that every property was
    /// there and returns false (the reader is then on the object's <see cref="JsonTokenType.EndObject"/>).
    /// </summary>
    public bool Next(ref Utf8JsonReader reader)
    {
        if (_onName)
        {
            _onName = false;
        }
        else
        {
            JsonErrors.Read(ref reader, new Where(_properties.Owner));
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            if ((_seen | _properties.Optional) != _properties.All)
            {
                throw new JsonException($"{_properties.Owner} lacks {_properties.Missing(_seen | _properties.Optional)}.");
            }

            return false;
        }

        var index = _properties.Table.IndexOf(ref reader, _seen == 0 ? 0 : Index + 1);
        if (index < 0)
        {
            throw new JsonException($"{_properties.Owner} has no property '{JsonErrors.Quote(reader.GetString()!)}'; its properties are {_properties.Missing(0)}.");
        }

        var bit = 1UL << index;
        if ((_seen & bit) != 0)
        {
            throw new JsonException($"{_properties.Describe(index)} appears twice.");
        }

        _seen |= bit;
        Index = index;
        JsonErrors.Read(ref reader, new Where(_properties.Owner));
        return true;
    }
}
