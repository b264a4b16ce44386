using System.Text.Json;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceDesk.Web.Store;

/// <summary>
/// The aggregates on the event store: each is one stream of its domain events as the library's JSON
/// (<c>ConfigureForServiceQuality()</c>), loaded with <c>FromHistory</c> and saved by appending its uncommitted events
/// after the version it was read at. Thread-safe; the aggregates it returns are the caller's own.
/// </summary>
internal sealed class CaseRepository(EventStore store, JsonSerializerOptions json)
{
    public const string Tickets = "ticket";
    public const string Complaints = "complaint";
    public const string Customers = "customer";
    public const string Visits = "visit";

    public EventStore Store => store;

    public static string StreamOf(TicketId id) => $"{Tickets}/{id.Value}";

    public static string StreamOf(ComplaintId id) => $"{Complaints}/{id.Value}";

    public static string StreamOf(CustomerId id) => $"{Customers}/{id.Value}";

    public static string StreamOf(VisitId id) => $"{Visits}/{id.Value}";

    public async Task<Ticket?> FindAsync(TicketId id, CancellationToken cancellationToken = default) =>
        await LoadAsync<TicketEvent, Ticket>(StreamOf(id), Ticket.FromHistory, cancellationToken);

    public async Task<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        await LoadAsync<ComplaintEvent, Complaint>(StreamOf(id), Complaint.FromHistory, cancellationToken);

    public async Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        await LoadAsync<CustomerEvent, Customer>(StreamOf(id), Customer.FromHistory, cancellationToken);

    public async Task<VisitRecord?> FindAsync(VisitId id, CancellationToken cancellationToken = default) =>
        await LoadAsync<VisitEvent, VisitRecord>(StreamOf(id), VisitRecord.FromHistory, cancellationToken);

    /// <summary>Every stored ticket, rebuilt.</summary>
    public IAsyncEnumerable<Ticket> AllTicketsAsync(CancellationToken cancellationToken = default) => All<TicketEvent, Ticket>(Tickets, Ticket.FromHistory, cancellationToken);

    /// <summary>Every stored complaint, rebuilt.</summary>
    public IAsyncEnumerable<Complaint> AllComplaintsAsync(CancellationToken cancellationToken = default) => All<ComplaintEvent, Complaint>(Complaints, Complaint.FromHistory, cancellationToken);

    /// <summary>Every stored customer, rebuilt.</summary>
    public IAsyncEnumerable<Customer> AllCustomersAsync(CancellationToken cancellationToken = default) => All<CustomerEvent, Customer>(Customers, Customer.FromHistory, cancellationToken);

    /// <summary>The append of a changed aggregate's new events (take them from the aggregate once stored).</summary>
    public StreamAppend Changes(Ticket ticket) => Append(StreamOf(ticket.Id), Tickets, ticket.StreamVersion, ticket.UncommittedEvents);

    public StreamAppend Changes(Complaint complaint) => Append(StreamOf(complaint.Id), Complaints, complaint.StreamVersion, complaint.UncommittedEvents);

    public StreamAppend Changes(Customer customer) => Append(StreamOf(customer.Id), Customers, customer.StreamVersion, customer.UncommittedEvents);

    public StreamAppend Changes(VisitRecord visit) => Append(StreamOf(visit.Id), Visits, visit.StreamVersion, visit.UncommittedEvents);

    /// <summary>A new stream holding <paramref name="events"/> (seeding an empty store).</summary>
    public StreamAppend NewStream<TEvent>(string stream, string family, IReadOnlyList<TEvent> events)
        where TEvent : IDomainEvent => Append(stream, family, events.Count, events);

    public Task SaveAsync(Ticket ticket, CancellationToken cancellationToken = default) => SaveAsync([Changes(ticket)], () => ticket.TakeUncommittedEvents(), cancellationToken);

    public Task SaveAsync(Complaint complaint, CancellationToken cancellationToken = default) => SaveAsync([Changes(complaint)], () => complaint.TakeUncommittedEvents(), cancellationToken);

    public Task SaveAsync(Customer customer, CancellationToken cancellationToken = default) => SaveAsync([Changes(customer)], () => customer.TakeUncommittedEvents(), cancellationToken);

    public Task SaveAsync(VisitRecord visit, CancellationToken cancellationToken = default) => SaveAsync([Changes(visit)], () => visit.TakeUncommittedEvents(), cancellationToken);

    /// <summary>Saves several changed aggregates in one transaction (a merge changes two complaints).</summary>
    public async Task SaveAsync(IReadOnlyList<StreamAppend> appends, Action committed, CancellationToken cancellationToken = default)
    {
        var changed = appends.Where(a => a.Events.Count > 0).ToList();
        if (changed.Count > 0)
        {
            await store.AppendAsync(changed, cancellationToken);
        }

        committed();
    }

    private StreamAppend Append<TEvent>(string stream, string family, int version, IReadOnlyList<TEvent> uncommitted)
        where TEvent : IDomainEvent =>
        new(stream, family, version - uncommitted.Count, [.. uncommitted.Select(e => new NewEvent(e.OccurredAt.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(e, json)))]);

    private async Task<TAggregate?> LoadAsync<TEvent, TAggregate>(string stream, Func<IEnumerable<TEvent>, TAggregate> fromHistory, CancellationToken cancellationToken)
        where TAggregate : class
    {
        var events = await store.ReadStreamAsync(stream, cancellationToken);
        return events.Count == 0 ? null : fromHistory(events.Select(Read<TEvent>));
    }

    private async IAsyncEnumerable<TAggregate> All<TEvent, TAggregate>(
        string family, Func<IEnumerable<TEvent>, TAggregate> fromHistory, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, events) in store.ReadFamilyAsync(family, cancellationToken))
        {
            yield return fromHistory(events.Select(Read<TEvent>));
        }
    }

    private TEvent Read<TEvent>(string data) => JsonSerializer.Deserialize<TEvent>(data, json)
        ?? throw new InvalidDataException("A stored event is the JSON null.");
}
