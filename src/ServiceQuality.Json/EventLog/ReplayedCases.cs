using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Json;

/// <summary>The aggregates an event log replay built, by id.</summary>
public sealed class ReplayedCases
{
    internal Dictionary<CustomerId, Customer> CustomerMap { get; } = [];

    internal Dictionary<TicketId, Ticket> TicketMap { get; } = [];

    internal Dictionary<ComplaintId, Complaint> ComplaintMap { get; } = [];

    internal Dictionary<VisitId, VisitRecord> VisitMap { get; } = [];

    internal Dictionary<ComplaintId, AgreementReference> ComplaintAgreementMap { get; } = [];

    /// <summary>The customers.</summary>
    public IReadOnlyDictionary<CustomerId, Customer> Customers => CustomerMap;

    /// <summary>The tickets.</summary>
    public IReadOnlyDictionary<TicketId, Ticket> Tickets => TicketMap;

    /// <summary>The complaints.</summary>
    public IReadOnlyDictionary<ComplaintId, Complaint> Complaints => ComplaintMap;

    /// <summary>The callbacks and visits.</summary>
    public IReadOnlyDictionary<VisitId, VisitRecord> Visits => VisitMap;

    /// <summary>
    /// The agreement each complaint named in its <c>ComplaintReceived</c> line, or in its last
    /// <c>ComplaintAgreementsReselected</c> line (complaints that named none are absent): a complaint is evaluated under it.
    /// </summary>
    public IReadOnlyDictionary<ComplaintId, AgreementReference> ComplaintAgreements => ComplaintAgreementMap;

    /// <summary>How many events were replayed.</summary>
    public long Events { get; internal set; }
}
