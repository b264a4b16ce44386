using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceDesk.Web;

/// <summary>
/// The latest stored state of every ticket, complaint and customer, kept in memory for the dashboard and the scheduler's
/// rebuild: filled from the store at start and updated after each successful append. Commands never work on these copies
/// (they load from the store), and a copy put here is never changed again, so readers need no lock on the aggregates.
/// Thread-safe.
/// </summary>
internal sealed class CaseBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TicketId, Ticket> _tickets = [];
    private readonly Dictionary<ComplaintId, Complaint> _complaints = [];
    private readonly Dictionary<CustomerId, ServiceTier> _tiers = [];
    private readonly Dictionary<CustomerId, Dictionary<ComplaintId, Instant>> _receipts = [];

    public void Put(Ticket ticket)
    {
        lock (_gate)
        {
            if (!_tickets.TryGetValue(ticket.Id, out var known) || known.StreamVersion <= ticket.StreamVersion)
            {
                _tickets[ticket.Id] = ticket;
            }
        }
    }

    public void Put(Complaint complaint)
    {
        lock (_gate)
        {
            if (!_complaints.TryGetValue(complaint.Id, out var known) || known.StreamVersion <= complaint.StreamVersion)
            {
                _complaints[complaint.Id] = complaint;
                if (!_receipts.TryGetValue(complaint.Customer, out var receipts))
                {
                    _receipts[complaint.Customer] = receipts = [];
                }

                receipts[complaint.Id] = complaint.ReceivedAt;
            }
        }
    }

    public void Put(Customer customer)
    {
        lock (_gate)
        {
            _tiers[customer.Id] = customer.Tier;
        }
    }

    public IReadOnlyList<Ticket> Tickets()
    {
        lock (_gate)
        {
            return [.. _tickets.Values];
        }
    }

    public IReadOnlyList<Complaint> Complaints()
    {
        lock (_gate)
        {
            return [.. _complaints.Values];
        }
    }

    public ServiceTier? TierOf(CustomerId customer)
    {
        lock (_gate)
        {
            return _tiers.TryGetValue(customer, out var tier) ? tier : null;
        }
    }

    /// <summary>When the customer's other complaints received before this one were received (the repeat-complaint rule).</summary>
    public IReadOnlyList<Instant> EarlierComplaints(Complaint complaint)
    {
        lock (_gate)
        {
            return _receipts.TryGetValue(complaint.Customer, out var receipts)
                ? [.. receipts.Where(r => r.Key != complaint.Id && r.Value < complaint.ReceivedAt).Select(r => r.Value).Order()]
                : [];
        }
    }
}
