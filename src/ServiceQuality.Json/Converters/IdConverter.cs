using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// A typed id as a JSON string (also as a property name, for dictionaries keyed by id), validated by the id's own
/// constructor: text the id refuses (blank, too long, control characters) is a <see cref="JsonException"/>, and an
/// empty (default) id cannot be written.
/// </summary>
internal sealed class IdConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    private readonly Func<string, TId> _create;
    private readonly Func<TId, string?> _text;
    private readonly Where _where = new(typeof(TId).Name);

    public IdConverter(Func<string, TId> create, Func<TId, string?> text) => (_create, _text) = (create, text);

    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.ReadId(ref reader, _where, _create);

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_text(value) ?? throw JsonErrors.Unwritable(_where, "the id is empty (a default value)."));

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        try
        {
            return _create(text);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.Invalid(_where, $"the property name is not a valid {typeof(TId).Name}: {e.Message}", e);
        }
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(_text(value) ?? throw JsonErrors.Unwritable(_where, "the id is empty (a default value)."));
}
