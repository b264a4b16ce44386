using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

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

    /// <summary>
    /// The cases as they stood at <paramref name="at"/> (inclusive): each rebuilt from its events up to then, those that had not
    /// begun left out, so nothing recorded later (an escalation, a verdict, a callback, a trust update) counts. The period
    /// (<see cref="Start"/>, <see cref="End"/>) stays the one the cases cover. Cases whose last event is at or before
    /// <paramref name="at"/> are kept as they are, so the default evaluation, a week after the last event, rebuilds nothing.
    /// </summary>
    public Cases AsOf(Instant at) => new(
        Cut<Customer, CustomerEvent>(Customers, at, Customer.FromHistory), Cut<Ticket, TicketEvent>(Tickets, at, Ticket.FromHistory),
        Cut<Complaint, ComplaintEvent>(Complaints, at, Complaint.FromHistory), Cut<VisitRecord, VisitEvent>(Visits, at, VisitRecord.FromHistory),
        Start, End);

    private static List<TAggregate> Cut<TAggregate, TEvent>(IReadOnlyList<TAggregate> all, Instant at, Func<IEnumerable<TEvent>, TAggregate> rebuild)
        where TAggregate : AggregateRoot<TEvent>
        where TEvent : class, IDomainEvent
    {
        var kept = new List<TAggregate>(all.Count);
        foreach (var aggregate in all)
        {
            if (aggregate.History[0].OccurredAt > at)
            {
                continue;
            }

            kept.Add(aggregate.LastEventAt <= at ? aggregate : rebuild(aggregate.History.TakeWhile(e => e.OccurredAt <= at)));
        }

        return kept;
    }
}
