using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Json.Converters;

/// <summary>A domain value through its strict reader and writer (see <see cref="ValueCodecs"/> and <see cref="AgreementCodecs"/>).</summary>
internal sealed class ValueConverter<T> : JsonConverter<T>
{
    private readonly ValueReader<T> _read;
    private readonly Action<JsonOut, T, Where> _write;
    private readonly Where _where = new(typeof(T).Name);

    public ValueConverter(ValueReader<T> read, Action<JsonOut, T, Where> write) => (_read, _write) = (read, write);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader, _where);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var output = JsonOut.Rent(writer);
        try
        {
            _write(output, value, _where);
            if (!output.Commit())
            {
                output.WriteThrough();
                _write(output, value, _where);
            }
        }
        finally
        {
            output.Return();
        }
    }
}
