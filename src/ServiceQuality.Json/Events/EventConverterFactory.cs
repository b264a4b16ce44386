using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceQuality.Json.Events;

/// <summary>Converters for the five aggregates' event base types and each of their event types.</summary>
internal sealed class EventConverterFactory : JsonConverterFactory
{
    private static readonly CustomerEvents Customers = new();
    private static readonly TicketEvents Tickets = new();
    private static readonly ComplaintEvents Complaints = new();
    private static readonly VisitEvents Visits = new();
    private static readonly AgreementEvents Agreements = new();

    public override bool CanConvert(Type typeToConvert) =>
        typeof(CustomerEvent).IsAssignableFrom(typeToConvert) || typeof(TicketEvent).IsAssignableFrom(typeToConvert)
        || typeof(ComplaintEvent).IsAssignableFrom(typeToConvert) || typeof(VisitEvent).IsAssignableFrom(typeToConvert)
        || typeof(AgreementEvent).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeof(CustomerEvent).IsAssignableFrom(typeToConvert) ? Create(typeToConvert, Customers)
        : typeof(TicketEvent).IsAssignableFrom(typeToConvert) ? Create(typeToConvert, Tickets)
        : typeof(ComplaintEvent).IsAssignableFrom(typeToConvert) ? Create(typeToConvert, Complaints)
        : typeof(VisitEvent).IsAssignableFrom(typeToConvert) ? Create(typeToConvert, Visits)
        : Create(typeToConvert, Agreements);

    private static JsonConverter Create<TBase>(Type typeToConvert, EventFamily<TBase> family)
        where TBase : class, IDomainEvent =>
        typeToConvert == typeof(TBase)
            ? new EventConverter<TBase>(family)
            : (JsonConverter)Activator.CreateInstance(typeof(ConcreteEventConverter<,>).MakeGenericType(typeof(TBase), typeToConvert), family)!;
}
