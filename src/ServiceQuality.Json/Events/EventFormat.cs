using System.Text.Json;
using NodaTime;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>What every event object shares: the discriminator, the format version and how they are read and written.</summary>
internal static class EventFormat
{
    /// <summary>The format version every event is written in and the only one read.</summary>
    public const int Version = 1;

    /// <summary>
    /// Finds the shape named by the object's <c>"type"</c>, wherever the property is (first, as written, or anywhere, as a
    /// store that reorders keys returns it), from a copy of the reader, which it does not move.
    /// </summary>
    public static int FindShape(Utf8JsonReader reader, EventShape[] shapes, JsonEncodedText[] typeNames, string family)
    {
        var what = new Where(family);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Expected(what, "an event object", ref reader);
        }

        while (true)
        {
            JsonErrors.Read(ref reader, what);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                throw JsonErrors.Invalid(what, "the object has no \"type\" property naming the event type.");
            }

            var isType = reader.ValueTextEquals("type"u8);
            JsonErrors.Read(ref reader, what);
            if (isType)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw JsonErrors.Expected(new Where(family + ".type"), "the event type's name", ref reader);
                }

                var index = Utf8Names.IndexOf(ref reader, typeNames);
                return index >= 0
                    ? index
                    : throw JsonErrors.Invalid(
                        new Where(family + ".type"), $"'{JsonErrors.Quote(reader.GetString()!)}' is not a {family} type; the types are {Utf8Names.List(typeNames)}.");
            }

            if (!reader.TrySkip())
            {
                throw JsonErrors.Invalid(what, "the JSON text ends inside the event.");
            }
        }
    }

    public static void ReadVersion(ref Utf8JsonReader reader, EventShape shape)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != Version)
        {
            var found = reader.TokenType == JsonTokenType.Number ? "version " + JsonErrors.TokenText(ref reader) : "a version that is not a number";
            throw JsonErrors.Invalid(
                new Where(shape.Properties, 1), $"the event is in {found} of the format; this library reads version {Version}.");
        }
    }

    /// <summary>Starts an event object: its type, the format version, the aggregate's id and when it happened.</summary>
    public static void Begin(Utf8JsonWriter writer, EventShape shape, string? id, Instant occurredAt)
    {
        writer.WriteStartObject();
        writer.WriteString(shape.TypeProperty, shape.TypeName);
        writer.WriteNumber(shape.VersionProperty, Version);
        JsonValues.WriteId(writer, shape.IdProperty, id, new Where(shape.Properties, 2));
        JsonValues.WriteInstant(writer, shape.OccurredAtProperty, occurredAt);
    }
}
