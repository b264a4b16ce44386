using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Events;

/// <summary>One event type (<c>TicketOpened</c>) in the same format as its base type; an object of another type is refused.</summary>
internal sealed class ConcreteEventConverter<TBase, TEvent> : JsonConverter<TEvent>
    where TBase : class, IDomainEvent
    where TEvent : class, TBase
{
    private readonly EventFamily<TBase> _family;

    public ConcreteEventConverter(EventFamily<TBase> family) => _family = family;

    public override TEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var read = _family.Read(ref reader);
        return read as TEvent ?? throw new JsonException($"Expected a {typeof(TEvent).Name}, found a {read.GetType().Name}.");
    }

    public override void Write(Utf8JsonWriter writer, TEvent value, JsonSerializerOptions options) => _family.Write(writer, value);
}
