using NodaTime;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceDesk;

/// <summary>The cases a report covers, simulated or replayed from a log.</summary>
internal sealed record Cases(
    IReadOnlyList<Customer> Customers, IReadOnlyList<Ticket> Tickets, IReadOnlyList<Complaint> Complaints, IReadOnlyList<VisitRecord> Visits, Instant Start, Instant End);
