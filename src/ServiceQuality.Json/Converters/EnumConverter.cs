using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Json.Converters;

/// <summary>An enum of the domain by its declared names only (see <see cref="EnumCodec{TEnum}"/>), also as a property name (not a flags enum).</summary>
internal sealed class EnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Where What = new(typeof(TEnum).Name);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumCodec<TEnum>.IsFlags ? EnumCodec<TEnum>.ReadFlags(ref reader, What) : EnumCodec<TEnum>.Read(ref reader, What);

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (EnumCodec<TEnum>.IsFlags)
        {
            EnumCodec<TEnum>.WriteFlags(new JsonOut(writer), value, What);
        }
        else
        {
            writer.WriteStringValue(EnumCodec<TEnum>.Name(value, What));
        }
    }

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumCodec<TEnum>.IsFlags ? throw FlagsAsName() : EnumCodec<TEnum>.Match(ref reader, What);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (EnumCodec<TEnum>.IsFlags)
        {
            throw FlagsAsName();
        }

        writer.WritePropertyName(EnumCodec<TEnum>.Name(value, What));
    }

    private static JsonException FlagsAsName() => new($"{typeof(TEnum).Name} is a set of flags, an array in JSON: it cannot be a property name.");
}
