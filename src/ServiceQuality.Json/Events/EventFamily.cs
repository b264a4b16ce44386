using System.Text.Json;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>
/// The events of one aggregate as JSON: one <see cref="EventShape"/> per event type, hand-written readers and writers
/// (no reflection, one pass over the text). Immutable and thread-safe.
/// </summary>
/// <typeparam name="TEvent">The aggregate's event base type.</typeparam>
internal abstract class EventFamily<TEvent>
    where TEvent : class, IDomainEvent
{
    private readonly Utf8NameTable _types;

    protected EventFamily(string name, EventShape[] shapes)
    {
        Name = name;
        Shapes = shapes;
        _types = new Utf8NameTable([.. shapes.Select(s => s.TypeName)]);
    }

    /// <summary>What the events are, for messages: <c>ticket event</c>.</summary>
    public string Name { get; }

    protected EventShape[] Shapes { get; }

    /// <summary>Reads the event object the reader is on, leaving the reader on its end.</summary>
    public TEvent Read(ref Utf8JsonReader reader)
    {
        var what = new Where(Name);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Expected(what, "an event object", ref reader);
        }

        JsonErrors.Read(ref reader, what);
        if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("type"u8))
        {
            // As written, the type comes first: it is read once, and the event's reader goes on from its value.
            JsonErrors.Read(ref reader, what);
            return Read(ref reader, EventFormat.MatchType(ref reader, _types, Name));
        }

        return Read(ref reader, EventFormat.FindShape(reader, _types, Name));
    }

    /// <summary>Writes the event as one object; an event type of no shape, or a value the format cannot hold, is a <see cref="JsonException"/>.</summary>
    public void Write(Utf8JsonWriter writer, TEvent value)
    {
        var output = JsonOut.Rent(writer);
        try
        {
            WriteEvent(output, value);
            if (!output.Commit())
            {
                // A text needs escaping: the event is written again, through the writer.
                output.WriteThrough();
                WriteEvent(output, value);
            }
        }
        catch (ArgumentException e)
        {
            // The writer refuses text that is not valid UTF-16 (a lone surrogate in a name or a reason).
            throw new JsonException($"{value.GetType().Name} cannot be written: {e.Message}", e);
        }
        finally
        {
            output.Return();
        }
    }

    /// <summary>
    /// Reads the event of the shape at <paramref name="shape"/> in <see cref="Shapes"/>, the reader being on the value of
    /// its type or, when the type is not first, on the name of the first property (see <see cref="EventReader{TId}"/>).
    /// </summary>
    protected abstract TEvent Read(ref Utf8JsonReader reader, int shape);

    protected abstract void WriteEvent(JsonOut writer, TEvent value);

    protected JsonException UnknownType(TEvent value) =>
        JsonErrors.Unwritable(new Where(value.GetType().Name), $"it is not one of the library's {Name} types.");
}
