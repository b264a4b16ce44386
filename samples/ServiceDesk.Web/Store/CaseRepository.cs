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
/// <remarks>
/// Every stream it read or wrote stays in memory as its committed events (an immutable copy) and its version, so a command
/// rebuilds its aggregate from those instead of reading and parsing the stream again. The cache never decides whether a
/// write is allowed: every append still checks in the database, inside its transaction, that the stream is at the version
/// the command read, so a stale copy (another process wrote to the same database) can only make a command fail with a
/// conflict, never overwrite anything; the conflict drops the copy and the retry reads the store.
/// </remarks>
internal sealed class CaseRepository(EventStore store, JsonSerializerOptions json)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedStream> _cache = new(StringComparer.Ordinal);

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

    public Task SaveAsync(Ticket ticket, CancellationToken cancellationToken = default) =>
        SaveAsync([Changes(ticket)], () => Committed(StreamOf(ticket.Id), ticket), cancellationToken);

    public Task SaveAsync(Complaint complaint, CancellationToken cancellationToken = default) =>
        SaveAsync([Changes(complaint)], () => Committed(StreamOf(complaint.Id), complaint), cancellationToken);

    public Task SaveAsync(Customer customer, CancellationToken cancellationToken = default) =>
        SaveAsync([Changes(customer)], () => Committed(StreamOf(customer.Id), customer), cancellationToken);

    public Task SaveAsync(VisitRecord visit, CancellationToken cancellationToken = default) =>
        SaveAsync([Changes(visit)], () => Committed(StreamOf(visit.Id), visit), cancellationToken);

    /// <summary>Saves two changed complaints in one transaction (a merge changes the survivor and the duplicate).</summary>
    public Task SaveAsync(Complaint survivor, Complaint duplicate, CancellationToken cancellationToken = default) =>
        SaveAsync(
            [Changes(survivor), Changes(duplicate)],
            () =>
            {
                Committed(StreamOf(survivor.Id), survivor);
                Committed(StreamOf(duplicate.Id), duplicate);
            },
            cancellationToken);

    /// <summary>Saves several changed aggregates in one transaction; a conflict drops the cached copies of their streams.</summary>
    public async Task SaveAsync(IReadOnlyList<StreamAppend> appends, Action committed, CancellationToken cancellationToken = default)
    {
        var changed = appends.Where(a => a.Events.Count > 0).ToList();
        if (changed.Count > 0)
        {
            try
            {
                await store.AppendAsync(changed, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                foreach (var append in changed)
                {
                    _cache.TryRemove(append.Stream, out _);
                }

                throw;
            }
        }

        committed();
    }

    /// <summary>Forgets every cached stream (the next reads go to the store).</summary>
    public void ClearCache() => _cache.Clear();

    private StreamAppend Append<TEvent>(string stream, string family, int version, IReadOnlyList<TEvent> uncommitted)
        where TEvent : IDomainEvent =>
        new(stream, family, version - uncommitted.Count, [.. uncommitted.Select(e => new NewEvent(e.OccurredAt.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(e, json)))]);

    private async Task<TAggregate?> LoadAsync<TEvent, TAggregate>(string stream, Func<IEnumerable<TEvent>, TAggregate> fromHistory, CancellationToken cancellationToken)
        where TAggregate : class
    {
        if (_cache.TryGetValue(stream, out var cached))
        {
            return fromHistory((TEvent[])cached.Events);
        }

        var stored = await store.ReadStreamAsync(stream, cancellationToken);
        if (stored.Count == 0)
        {
            return null;
        }

        var events = stored.Select(Read<TEvent>).ToArray();
        Remember(stream, events);
        return fromHistory(events);
    }

    /// <summary>The aggregate's events are stored: they are its stream now.</summary>
    private void Committed<TEvent>(string stream, AggregateRoot<TEvent> aggregate)
        where TEvent : class, IDomainEvent
    {
        aggregate.TakeUncommittedEvents();
        Remember(stream, [.. aggregate.History]);
    }

    /// <summary>Keeps a stream's committed events, unless a longer copy is already there (a later write won the race to remember).</summary>
    private void Remember<TEvent>(string stream, TEvent[] events) =>
        _cache.AddOrUpdate(stream, new CachedStream(events.Length, events), (_, known) => known.Version > events.Length ? known : new CachedStream(events.Length, events));

    private async IAsyncEnumerable<TAggregate> All<TEvent, TAggregate>(
        string family, Func<IEnumerable<TEvent>, TAggregate> fromHistory, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (stream, stored) in store.ReadFamilyAsync(family, cancellationToken))
        {
            var events = stored.Select(Read<TEvent>).ToArray();
            Remember(stream, events);
            yield return fromHistory(events);
        }
    }

    /// <summary>A stream's committed events (a <c>TEvent[]</c> never changed once cached) and its version.</summary>
    private sealed record CachedStream(int Version, Array Events);

    private TEvent Read<TEvent>(string data) => JsonSerializer.Deserialize<TEvent>(data, json)
        ?? throw new InvalidDataException("A stored event is the JSON null.");
}
