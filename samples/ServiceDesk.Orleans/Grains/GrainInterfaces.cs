using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceDesk.Orleans.Grains;

/// <summary>A grain holding one aggregate's event stream, keyed by the aggregate's id.</summary>
/// <typeparam name="TEvent">The aggregate's events.</typeparam>
public interface IStreamGrain<TEvent> : IGrainWithStringKey
{
    /// <summary>
    /// Appends recorded history (a replayed log): the events must follow the stream at <paramref name="expectedVersion"/>
    /// and pass the aggregate's replay rules; nothing is escalated inside them. A retry of an import that already got
    /// through is answered, not repeated.
    /// </summary>
    /// <returns>The stream's version after the import.</returns>
    Task<int> Import(IReadOnlyList<TEvent> events, int expectedVersion);

    /// <summary>The stream, oldest first (empty for an aggregate that does not exist).</summary>
    Task<IReadOnlyList<TEvent>> History();
}

/// <summary>
/// A case (ticket or complaint) as a grain: commands run the aggregate's own commands and persist the new events, and the
/// case escalates itself on a durable reminder set at the assessor's next-change instant.
/// </summary>
/// <typeparam name="TEvent">The case's events.</typeparam>
public interface ICaseGrain<TEvent> : IStreamGrain<TEvent>
{
    /// <summary>
    /// Runs the command the event describes, at its instant, through the aggregate's command (so its rules apply); first
    /// the escalations that fell due before that instant are recorded, as a scheduler that never sleeps late would have.
    /// </summary>
    /// <returns>The stream's version after the command (and any escalations).</returns>
    Task<int> Execute(TEvent command);

    /// <summary>Where and how the case stands: for tests and the load run.</summary>
    Task<CaseState> State();
}

/// <summary>A ticket's grain, keyed by its id.</summary>
public interface ITicketGrain : ICaseGrain<TicketEvent>;

/// <summary>A complaint's grain, keyed by its id.</summary>
public interface IComplaintGrain : ICaseGrain<ComplaintEvent>;

/// <summary>A visit's or callback's grain, keyed by its id (history only: the report reads it).</summary>
public interface IVisitGrain : IStreamGrain<VisitEvent>;

/// <summary>A customer's grain, keyed by the id: the customer's history, and the receipts of their complaints (the repeat-complaint rule).</summary>
public interface ICustomerGrain : IStreamGrain<CustomerEvent>
{
    /// <summary>Records that a complaint of this customer was received (idempotent).</summary>
    Task NoteComplaint(string complaint, Instant receivedAt);

    /// <summary>The customer's tier on the date of <paramref name="at"/> (null when the customer is unknown) and when their other complaints were received.</summary>
    Task<ComplaintContext> ForComplaint(string complaint, Instant at);
}

/// <summary>
/// One partition of the read model: the streams whose id hashes to it, kept current by the grains after every change and
/// rebuilt from the journal when the partition is activated (so it survives the silo it ran on).
/// </summary>
public interface IReadModelShard : IGrainWithIntegerKey
{
    /// <summary>A stream changed: <paramref name="events"/> (the library's event JSON) follow version <paramref name="fromVersion"/>.</summary>
    Task Changed(string stream, int fromVersion, IReadOnlyList<string> events);

    /// <summary>Up to <paramref name="take"/> streams in stream order after skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<StreamCopy>> Page(int skip, int take);

    /// <summary>How many streams and events the partition holds.</summary>
    Task<(int Streams, long Events)> Size();

    /// <summary>
    /// The customer of a complaint whose stream hashes to this partition changed (their tier on the cut's date may have):
    /// the complaint is counted again. Nothing happens for a stream the partition does not hold yet.
    /// </summary>
    Task CustomerChanged(string complaintStream);

    /// <summary>The SLA compliance of the partition's tickets and complaints at the read model's cut, as counts that add up over partitions.</summary>
    Task<ComplianceTally> Compliance();
}

/// <summary>A case's standing: its version, the instant its reminder is set for (null: none), its escalation level and the silo it runs on.</summary>
[GenerateSerializer]
public sealed record CaseState([property: Id(0)] int Version, [property: Id(1)] Instant? NextLook, [property: Id(2)] int EscalationLevel, [property: Id(3)] string Silo);

/// <summary>What a complaint's assessment needs from its customer.</summary>
[GenerateSerializer]
public sealed record ComplaintContext([property: Id(0)] ServiceTier? Tier, [property: Id(1)] IReadOnlyList<Instant> OtherReceipts);

/// <summary>A copy of one stream from the read model.</summary>
[GenerateSerializer]
public sealed record StreamCopy([property: Id(0)] string Stream, [property: Id(1)] IReadOnlyList<string> Events);

/// <summary>
/// One partition's SLA compliance at the read model's cut (<see cref="Cut"/>): its <see cref="Cases"/> tickets and
/// complaints opened by then, and how many of their clocks there are of each kind — the clocks of the agreement each case
/// is escalated by as compliance samples (metric, state, priority, tier; the time taken only when met or missed), the
/// terms those clocks ran to, and every clock of every agreement the cases recorded by state. Counts of different
/// partitions add up to the cluster's, exactly. Never changed once made.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceTally(
    [property: Id(0)] Instant Cut,
    [property: Id(1)] int Cases,
    [property: Id(2)] IReadOnlyList<SampleCount> Samples,
    [property: Id(3)] IReadOnlyList<Counted<PromiseTerms>> Promises,
    [property: Id(4)] IReadOnlyList<Counted<AgreementClock>> Clocks);

/// <summary>
/// The clocks of one kind — a compliance sample whose time taken is zero (metric, state, priority, tier) — how many there
/// are, and when they were met or missed the time each took, in nanoseconds (one entry per clock: the report shows their
/// percentiles). Sent as one sample and an array, not a sample per clock.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SampleCount([property: Id(0)] ComplianceSample Kind, [property: Id(1)] long Count, [property: Id(2)] long[] ElapsedNanoseconds);

/// <summary>A value and how many times it occurs.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Counted<T>([property: Id(0)] T Value, [property: Id(1)] long Count);

/// <summary>
/// The terms one clock of a case's main agreement ran to, under its metric, priority and tier: what the compliance table
/// words as the promise and its calendar.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct PromiseTerms(
    [property: Id(0)] ComplianceKey Key, [property: Id(1)] Duration Target, [property: Id(2)] TimeBasis Basis, [property: Id(3)] AgreementReference Agreement);

/// <summary>One clock of any agreement a case recorded (its SLA, a team's OLA, a contract) by its state at the cut: the compliance by agreement kind.</summary>
[GenerateSerializer, Immutable]
public readonly record struct AgreementClock([property: Id(0)] AgreementReference Agreement, [property: Id(1)] SlaState State);
