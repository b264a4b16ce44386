using NodaTime;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceDesk;

/// <summary>The cases a report covers, simulated or replayed from a log, each list in the order of its ids.</summary>
internal sealed record Cases(
    IReadOnlyList<Customer> Customers, IReadOnlyList<Ticket> Tickets, IReadOnlyList<Complaint> Complaints, IReadOnlyList<VisitRecord> Visits, Instant Start, Instant End)
{
    /// <summary>When a set without tickets or complaints starts and ends.</summary>
    private static readonly Instant NoCases = Instant.FromUtc(2025, 1, 1, 0, 0);

    /// <summary>
    /// The cases, sorted by id, from the first event of a ticket or complaint to the last: simulated and replayed cases are
    /// described the same way, so a month and its exported log give the same report.
    /// </summary>
    public static Cases Of(IEnumerable<Customer> customers, IEnumerable<Ticket> tickets, IEnumerable<Complaint> complaints, IEnumerable<VisitRecord> visits)
    {
        List<Ticket> ticketList = [.. tickets.OrderBy(t => t.Id.Value, StringComparer.Ordinal)];
        List<Complaint> complaintList = [.. complaints.OrderBy(c => c.Id.Value, StringComparer.Ordinal)];
        var firsts = ticketList.Select(t => t.History[0].OccurredAt).Concat(complaintList.Select(c => c.History[0].OccurredAt)).ToList();
        var lasts = ticketList.Select(t => t.LastEventAt).Concat(complaintList.Select(c => c.LastEventAt)).ToList();
        return new Cases(
            [.. customers.OrderBy(c => c.Id.Value, StringComparer.Ordinal)], ticketList, complaintList, [.. visits.OrderBy(v => v.Id.Value, StringComparer.Ordinal)],
            firsts.Count == 0 ? NoCases : firsts.Min(), lasts.Count == 0 ? NoCases : lasts.Max());
    }
}
