using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Events;

/// <summary>An aggregate's event base type (<c>TicketEvent</c>): any of its events, told apart by <c>"type"</c>.</summary>
internal sealed class EventConverter<TEvent> : JsonConverter<TEvent>
    where TEvent : class, IDomainEvent
{
    private readonly EventFamily<TEvent> _family;

    public EventConverter(EventFamily<TEvent> family) => _family = family;

    public override TEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _family.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, TEvent value, JsonSerializerOptions options) => _family.Write(writer, value);
}
