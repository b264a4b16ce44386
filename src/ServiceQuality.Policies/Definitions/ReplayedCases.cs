using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Definitions;

/// <summary>The aggregates an event log replay built, by id.</summary>
public sealed class ReplayedCases
{
    internal Dictionary<CustomerId, Customer> CustomerMap { get; } = [];

    internal Dictionary<TicketId, Ticket> TicketMap { get; } = [];

    internal Dictionary<ComplaintId, Complaint> ComplaintMap { get; } = [];

    internal Dictionary<VisitId, VisitRecord> VisitMap { get; } = [];

    /// <summary>The customers.</summary>
    public IReadOnlyDictionary<CustomerId, Customer> Customers => CustomerMap;

    /// <summary>The tickets.</summary>
    public IReadOnlyDictionary<TicketId, Ticket> Tickets => TicketMap;

    /// <summary>The complaints.</summary>
    public IReadOnlyDictionary<ComplaintId, Complaint> Complaints => ComplaintMap;

    /// <summary>The callbacks and visits.</summary>
    public IReadOnlyDictionary<VisitId, VisitRecord> Visits => VisitMap;

    /// <summary>How many events were replayed.</summary>
    public long Events { get; internal set; }
}
