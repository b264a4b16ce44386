using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Events;

/// <summary>
/// The law of the format: a valid history → JSON → events → <c>FromHistory</c> gives the same history (item by item),
/// the same observable state and the same stream version, and writing the rebuilt history again gives the same text.
/// </summary>
public sealed class RoundTripTests
{
    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Ticket_HistoryThroughJson_RebuildsTheSameTicket() =>
        Prop.ForAll(HistoryGenerators.Tickets().ToArbitrary(), ticket => RoundTrip(ticket, Ticket.FromHistory));

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Customer_HistoryThroughJson_RebuildsTheSameCustomer() =>
        Prop.ForAll(HistoryGenerators.Customers().ToArbitrary(), customer => RoundTrip(customer, Customer.FromHistory));

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Complaint_HistoryThroughJson_RebuildsTheSameComplaint() =>
        Prop.ForAll(HistoryGenerators.Complaints().ToArbitrary(), complaint => RoundTrip(complaint, Complaint.FromHistory));

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property VisitRecord_HistoryThroughJson_RebuildsTheSameVisit() =>
        Prop.ForAll(HistoryGenerators.Visits().ToArbitrary(), visit => RoundTrip(visit, VisitRecord.FromHistory));

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property ServiceLevelAgreement_HistoryThroughJson_RebuildsTheSameAgreement() =>
        Prop.ForAll(HistoryGenerators.Agreements().ToArbitrary(), agreement => RoundTrip(agreement, ServiceLevelAgreement.FromHistory));

    [Fact]
    public void Generators_ReachEveryEventTypeOfEveryAggregate()
    {
        var types = PropertyRuns.Sample(HistoryGenerators.Tickets(), 300).SelectMany(t => t.History)
            .Concat<IDomainEvent>(PropertyRuns.Sample(HistoryGenerators.Customers(), 300).SelectMany(c => c.History))
            .Concat(PropertyRuns.Sample(HistoryGenerators.Complaints(), 300).SelectMany(c => c.History))
            .Concat(PropertyRuns.Sample(HistoryGenerators.Visits(), 300).SelectMany(v => v.History))
            .Concat(PropertyRuns.Sample(HistoryGenerators.Agreements(), 300).SelectMany(a => a.History))
            .Select(e => e.GetType())
            .ToHashSet();
        var declared = typeof(IDomainEvent).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract && t.IsPublic);

        Assert.Empty(declared.Where(t => !types.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void History_WithPropertiesInAnyOrder_ReadsTheSame()
    {
        var ticket = PropertyRuns.Sample(HistoryGenerators.Tickets(), 20).MaxBy(t => t.History.Count)!;
        var reordered = new JsonArray(
            [.. JsonNode.Parse(JsonText.Write(ticket.History))!.AsArray().Select(e => Reversed(e!.AsObject()))]);

        var events = JsonText.Read<List<TicketEvent>>(reordered.ToJsonString());

        Structural.AssertEqual(ticket.History.ToList(), events);
    }

    private static JsonObject Reversed(JsonObject item) =>
        new(item.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static void RoundTrip<TEvent>(AggregateRoot<TEvent> aggregate, Func<IEnumerable<TEvent>, AggregateRoot<TEvent>> fromHistory)
        where TEvent : class, IDomainEvent
    {
        var json = JsonSerializer.Serialize(aggregate.History, JsonText.Options);

        var events = JsonSerializer.Deserialize<List<TEvent>>(json, JsonText.Options)!;
        var rebuilt = fromHistory(events);

        Structural.AssertEqual(aggregate.History.ToList(), events);
        Structural.AssertEqual(aggregate, rebuilt, nameof(AggregateRoot<TEvent>.UncommittedEvents), nameof(ServiceLevelAgreement.Published));
        Assert.Equal(aggregate.StreamVersion, rebuilt.StreamVersion);
        Assert.Equal(json, JsonSerializer.Serialize(rebuilt.History, JsonText.Options));
    }
}
