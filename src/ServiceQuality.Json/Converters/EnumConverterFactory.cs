using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Converters;

/// <summary>Creates an <see cref="EnumConverter{TEnum}"/> for each enum the domain declares.</summary>
internal sealed class EnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Assembly == typeof(Priority).Assembly;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;
}
