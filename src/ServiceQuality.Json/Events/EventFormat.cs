using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>What every event object shares: the discriminator, the format version and how they are read and written.</summary>
internal static class EventFormat
{
    /// <summary>The format version every event is written in and the only one read.</summary>
    public const int Version = 1;

    /// <summary>
    /// Finds the shape named by the object's <c>"type"</c> when it is not the first property (a store that reorders keys
    /// returns it anywhere), from a copy of the reader on the name of the first property (or on the end of the object),
    /// which it does not move.
    /// </summary>
    public static int FindShape(Utf8JsonReader reader, Utf8NameTable types, string family)
    {
        var what = new Where(family);
        while (true)
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                throw JsonErrors.Invalid(what, "the object has no \"type\" property naming the event type.");
            }

            var isType = reader.ValueTextEquals("type"u8);
            JsonErrors.Read(ref reader, what);
            if (isType)
            {
                return MatchType(ref reader, types, family);
            }

            if (!reader.TrySkip())
            {
                throw JsonErrors.Invalid(what, "the JSON text ends inside the event.");
            }

            JsonErrors.Read(ref reader, what);
        }
    }

    /// <summary>The shape named by the value of <c>"type"</c>, which the reader is on.</summary>
    public static int MatchType(ref Utf8JsonReader reader, Utf8NameTable types, string family)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Expected(new Where(family + ".type"), "the event type's name", ref reader);
        }

        var index = types.IndexOf(ref reader);
        return index >= 0
            ? index
            : throw JsonErrors.Invalid(
                new Where(family + ".type"), $"'{JsonErrors.Quote(reader.GetString()!)}' is not a {family} type; the types are {types.List()}.");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void ReadVersion(ref Utf8JsonReader reader, EventShape shape)
    {
        // The version as written, "1", is taken without parsing; any other spelling is parsed and refused out of line.
        if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence || !reader.ValueSpan.SequenceEqual("1"u8))
        {
            ReadOtherVersion(ref reader, shape);
        }
    }

    private static void ReadOtherVersion(ref Utf8JsonReader reader, EventShape shape)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != Version)
        {
            var found = reader.TokenType == JsonTokenType.Number ? "version " + JsonErrors.TokenText(ref reader) : "a version that is not a number";
            throw JsonErrors.Invalid(
                new Where(shape.Properties, 1), $"the event is in {found} of the format; this library reads version {Version}.");
        }
    }

    /// <summary>
    /// Writes the fields of a recompute of a case's agreements (after <see cref="Begin"/>): the tier, the agreement, the
    /// reason and, when not empty, the other agreements, as <see cref="EventReader{TId}.Reselection"/> reads them.
    /// </summary>
    public static void WriteReselection(
        JsonOut writer, EventShape shape, ServiceTier tier, AgreementReference? agreement, string reason, IReadOnlyList<AgreementReference> others)
    {
        writer.WritePropertyName(shape.Field(0));
        ValueCodecs.WriteTier(writer, tier, shape.Where(0));
        writer.WritePropertyName(shape.Field(1));
        ValueCodecs.WriteNullableReference(writer, agreement, shape.Where(1));
        JsonValues.WriteString(writer, shape.Field(2), reason, shape.Where(2));
        if (others.Count > 0)
        {
            writer.WritePropertyName(shape.Field(3));
            ValueCodecs.WriteArray(writer, others, shape.Where(3), ValueCodecs.WriteReference);
        }
    }

    /// <summary>Starts an event object: its type, the format version, the aggregate's id and when it happened.</summary>
    public static void Begin(JsonOut writer, EventShape shape, string? id, Instant occurredAt)
    {
        if (writer.IsRaw)
        {
            writer.WriteRawStart(shape.RawStart);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString(shape.TypeProperty, shape.TypeName);
            writer.WriteNumber(shape.VersionProperty, Version);
        }

        JsonValues.WriteId(writer, shape.IdProperty, id, new Where(shape.Properties, 2));
        JsonValues.WriteInstant(writer, shape.OccurredAtProperty, occurredAt);
    }
}
