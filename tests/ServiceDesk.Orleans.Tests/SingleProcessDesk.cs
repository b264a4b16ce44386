using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Orleans.Tests;

/// <summary>
/// The single-process reference: the cases in memory, an <see cref="AssessmentScheduler{TCase}"/> keyed by each case's
/// next-change instant, and at each due instant the host's step — assess, record the escalation the policy decides,
/// assess again and schedule the next change (strictly later) — as the web host's scheduler and the sample's sweep do.
/// </summary>
internal sealed class SingleProcessDesk
{
    private readonly Centre _centre;
    private readonly Dictionary<string, Ticket> _tickets;
    private readonly Dictionary<string, Complaint> _complaints;
    private readonly Dictionary<CustomerId, Customer> _customers;
    private readonly AssessmentScheduler<string> _scheduler = new();
    private readonly Dictionary<string, Instant?> _scheduled = new(StringComparer.Ordinal);

    public SingleProcessDesk(Centre centre, IEnumerable<Ticket> tickets, IEnumerable<Complaint> complaints, IEnumerable<Customer> customers)
    {
        _centre = centre;
        // Copies: the reference escalates its own aggregates.
        _tickets = tickets.ToDictionary(t => t.Id.Value, t => Ticket.FromHistory(t.History));
        _complaints = complaints.ToDictionary(c => c.Id.Value, c => Complaint.FromHistory(c.History));
        _customers = customers.ToDictionary(c => c.Id);
        foreach (var ticket in _tickets.Values.Where(t => !t.IsFinal))
        {
            Schedule(ticket.Id.Value, ticket.LastEventAt);
        }

        foreach (var complaint in _complaints.Values.Where(c => !c.IsFinal))
        {
            Schedule(complaint.Id.Value, complaint.LastEventAt);
        }
    }

    public Instant? NextDueAt => _scheduler.NextDueAt;

    /// <summary>When the host looks at a case next (null: not until a command comes).</summary>
    public Instant? ScheduledAt(string id) => _scheduled.GetValueOrDefault(id);

    /// <summary>
    /// A command as a live host takes it: the steps due before its instant first, then the case changes (the event it
    /// records is appended through the aggregate's replay rules) and is looked at once more at that instant.
    /// </summary>
    /// <returns>How many escalations were recorded on the way.</returns>
    public int Execute(IDomainEvent command)
    {
        var recorded = RunUntil(command.OccurredAt - Duration.Epsilon).Count;
        string id;
        switch (command)
        {
            case TicketEvent e:
                id = e.TicketId.Value;
                _tickets[id] = Ticket.FromHistory([.. _tickets.TryGetValue(id, out var ticket) ? ticket.History : [], e]);
                break;
            case ComplaintEvent e:
                id = e.ComplaintId.Value;
                _complaints[id] = Complaint.FromHistory([.. _complaints.TryGetValue(id, out var complaint) ? complaint.History : [], e]);
                break;
            default:
                throw new ArgumentException($"Not a case's command: {command.GetType().Name}.", nameof(command));
        }

        Schedule(id, command.OccurredAt);
        return recorded + RunUntil(command.OccurredAt).Count;
    }

    public IReadOnlyDictionary<string, Ticket> Tickets => _tickets;

    public IReadOnlyDictionary<string, Complaint> Complaints => _complaints;

    /// <summary>Runs every step due at or before <paramref name="until"/>; returns the escalations recorded, as (case, instant).</summary>
    public List<(string Case, Instant At)> RunUntil(Instant until)
    {
        var recorded = new List<(string, Instant)>();
        while (_scheduler.NextDueAt is { } now && now <= until)
        {
            foreach (var id in _scheduler.TakeDue(now))
            {
                var assessment = Assess(id, now);
                if (assessment.Escalation.Fires && (_tickets.TryGetValue(id, out var ticket) ? assessment.Escalation.ApplyTo(ticket, now) : assessment.Escalation.ApplyTo(_complaints[id], now)))
                {
                    recorded.Add((id, now));
                    assessment = Assess(id, now);
                }

                var final = _tickets.TryGetValue(id, out var t) ? t.IsFinal : _complaints[id].IsFinal;
                Schedule(id, final ? null : assessment.NextChangeAt is { } next && next <= now ? now + Duration.FromMinutes(1) : assessment.NextChangeAt);
            }
        }

        return recorded;
    }

    private void Schedule(string id, Instant? at)
    {
        _scheduler.Schedule(id, at);
        _scheduled[id] = at;
    }

    private CaseAssessment Assess(string id, Instant at)
    {
        if (_tickets.TryGetValue(id, out var ticket))
        {
            return _centre.Assessor.AssessTicket(ticket, _centre.MainAgreement(ticket.Agreement), at);
        }

        var complaint = _complaints[id];
        var tier = _customers.TryGetValue(complaint.Customer, out var customer) ? customer.TierOn(at.InZone(_centre.Zone).Date) : complaint.CustomerTier ?? ServiceTier.Ordinary;
        var others = _complaints.Values.Where(c => c.Customer == complaint.Customer && c.Id != complaint.Id).Select(c => c.ReceivedAt).Order().ToList();
        return _centre.Assessor.AssessComplaint(complaint, tier, _centre.MainAgreement(complaint.Agreement), at, others);
    }
}
