using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Tiering;

namespace ServiceDesk;

/// <summary>
/// Simulates the centre deterministically from a seed: customers tiered by Pareto on generated spend, tickets and
/// complaints of every kind driven through the real aggregates' commands, complaints escalated when and as the escalation
/// policy says, and the callbacks the policy requires.
/// </summary>
internal sealed class Simulation(SampleOptions options, ITierPolicy tiers, EntitlementCatalog entitlements, ICallbackPolicy callbacks, CaseAssessor assessor)
{
    public static readonly Instant Start = new LocalDateTime(2025, 1, 13, 0, 0).InZoneStrictly(ServiceCentre.Zone).ToInstant();

    private readonly Random _random = new(options.Seed);

    /// <summary>When each customer's complaints so far were received, for the repeat-complaint rule.</summary>
    private readonly Dictionary<CustomerId, List<Instant>> _receipts = [];

    public List<Customer> Customers { get; } = [];

    public List<Ticket> Tickets { get; } = [];

    public List<Complaint> Complaints { get; } = [];

    public List<VisitRecord> Visits { get; } = [];

    public Instant End => Start + Duration.FromDays(options.Days);

    public void Run(ServiceQuality.Domain.Agreements.ServiceLevelAgreement agreement, IProgress<string> progress)
    {
        CreateCustomers();
        for (var day = 0; day < options.Days; day++)
        {
            var dayStart = Start + Duration.FromDays(day);
            var ticketsToday = options.Customers / 5 + _random.Next(-20, 21);
            for (var i = 0; i < ticketsToday; i++)
            {
                Tickets.Add(SimulateTicket(agreement, dayStart));
            }

            for (var i = 0; i < Math.Max(1, ticketsToday / 20); i++)
            {
                Complaints.Add(SimulateComplaint(agreement, dayStart));
            }

            progress.Report($"day {day + 1}/{options.Days}: {Tickets.Count:N0} tickets, {Complaints.Count:N0} complaints");
        }

        PlanCallbacks();
    }

    private void CreateCustomers()
    {
        var registered = Start - Duration.FromDays(30);
        var spend = Enumerable.Range(0, options.Customers)
            .Select(i => new TierCandidate(new CustomerId($"C-{i:00000}"), Money.Yuan(Math.Round((decimal)(Math.Exp(_random.NextDouble() * 9) * 50), 2))))
            .ToArray();
        var decisions = tiers.Classify(spend);
        for (var i = 0; i < spend.Length; i++)
        {
            var customer = Customer.Register(spend[i].Customer, $"Household {i}", new ContactDetails($"1380000{i:0000}", null, $"Block {i % 40}, Unit {i % 300}"), ServiceTier.Ordinary, new LocalDate(2020, 1, 1), registered);
            customer.RecordSpend(2024, spend[i].Spend, registered);
            customer.ChangeTier(decisions[i].Tier, new LocalDate(2025, 1, 1), decisions[i].ReasonCode, registered);
            Customers.Add(customer);
        }
    }

    private Ticket SimulateTicket(ServiceQuality.Domain.Agreements.ServiceLevelAgreement agreement, Instant dayStart)
    {
        var customer = Customers[_random.Next(Customers.Count)];
        var owner = ServiceCentre.Staff[_random.Next(10)];
        var kind = (TicketKind)_random.Next(6);
        var priority = entitlements.For(customer.Tier).RaisePriority(_random.Next(100) switch { < 5 => Priority.P1, < 25 => Priority.P2, < 75 => Priority.P3, _ => Priority.P4 });
        var now = dayStart + Duration.FromMinutes(_random.Next(7 * 60, 21 * 60));
        var ticket = Ticket.Open(new TicketId($"T-{Tickets.Count:000000}"), customer.Id, kind, (Channel)_random.Next(7), priority, owner, customer.Tier, now, agreement.Reference,
            requiresOnSiteVisit: kind is TicketKind.RepairRequest or TicketKind.FaultReport);
        // Urgent tickets move four times faster through every step.
        Instant Later(int minMinutes, int maxMinutes) =>
            now += Duration.FromMinutes(_random.Next(minMinutes, maxMinutes) / (ticket.Priority == Priority.P1 ? 4 : 1) + 1);

        // Each step happens at its instant, after the escalations the policy records on the way there, as a host's scheduler would.
        Instant At(int minMinutes, int maxMinutes)
        {
            var at = Later(minMinutes, maxMinutes);
            EscalateAsThePolicySays(t => assessor.AssessTicket(ticket, agreement, t), (decision, t) => decision.ApplyTo(ticket, t), ticket.LastEventAt, at);
            return at;
        }

        if (_random.Next(100) < 2)
        {
            ticket.Cancel("duplicate report", At(5, 120));
            return ticket;
        }

        var worker = _random.Next(100) < 60 ? owner : ServiceCentre.Staff[_random.Next(ServiceCentre.Staff.Length)];
        ticket.Assign(worker, new DepartmentId(ServiceCentre.TeamOf(worker)), At(1, 40));
        ticket.RecordResponse(worker, isPublic: _random.Next(100) < 95, At(5, 240));
        ticket.StartWork(At(5, 120));
        if (ticket.RequiresOnSiteVisit)
        {
            ticket.RecordOnSiteArrival(worker, At(30, 400));
        }

        if (_random.Next(100) < 10)
        {
            var colleague = ServiceCentre.Staff[(Array.IndexOf(ServiceCentre.Staff, worker) + 1 + _random.Next(ServiceCentre.Staff.Length - 1)) % ServiceCentre.Staff.Length];
            ticket.Transfer(colleague, new DepartmentId(ServiceCentre.TeamOf(colleague)), At(10, 60));
        }

        if (_random.Next(100) < 8)
        {
            ticket.ChangePriority(ticket.Priority == Priority.P1 ? Priority.P2 : Priority.P1, At(10, 120));
        }

        switch (_random.Next(100))
        {
            case < 15:
                ticket.Hold(HoldReason.WaitingForCustomer, At(10, 200));
                ticket.Resume(At(60, 2880));
                break;
            case < 22:
                ticket.ReferToThirdParty("lift and utilities vendor", At(10, 200));
                ticket.RecordThirdPartyReturn("repaired by vendor", At(120, 4000));
                break;
        }

        ticket.RecordResponse(ticket.Assignee!.Value, isPublic: true, At(30, 600));
        ticket.Resolve(ticket.Assignee!.Value, At(30, ticket.Priority == Priority.P1 ? 300 : 1600));
        if (_random.Next(100) < 5)
        {
            ticket.Reopen("the fault came back", At(60, 1440));
            ticket.Resolve(ticket.Assignee!.Value, At(30, 900));
        }

        if (_random.Next(100) < 90)
        {
            ticket.Close(At(60, 2880));
        }

        if (!ticket.IsFinal)
        {
            EscalateAsThePolicySays(t => assessor.AssessTicket(ticket, agreement, t), (decision, t) => decision.ApplyTo(ticket, t), ticket.LastEventAt, End);
        }

        return ticket;
    }

    private Complaint SimulateComplaint(ServiceQuality.Domain.Agreements.ServiceLevelAgreement agreement, Instant dayStart)
    {
        var customer = Customers[_random.Next(Customers.Count)];
        var against = ServiceCentre.Staff[_random.Next(ServiceCentre.Staff.Length)];
        var now = dayStart + Duration.FromMinutes(_random.Next(8 * 60, 20 * 60));
        var severity = _random.Next(100) switch { < 70 => Severity.Minor, < 95 => Severity.Major, _ => Severity.Critical };
        Money? loss = _random.Next(100) < 10 ? Money.Yuan(_random.Next(100, 30_000)) : null;
        var complaint = Complaint.Receive(new ComplaintId($"K-{Complaints.Count:00000}"), customer.Id, (Channel)_random.Next(7), (ComplaintCategory)_random.Next(8), severity, now,
            claimedLoss: loss, againstStaff: against, againstDepartment: new DepartmentId(ServiceCentre.TeamOf(against)));
        Instant Later(int minMinutes, int maxMinutes) => now += Duration.FromMinutes(_random.Next(minMinutes, maxMinutes));

        if (_random.Next(100) < 3)
        {
            complaint.Withdraw("settled with the customer", Later(30, 600));
            return complaint;
        }

        if (!_receipts.TryGetValue(customer.Id, out var receipts))
        {
            _receipts[customer.Id] = receipts = [];
        }

        List<Instant> earlier = [.. receipts];
        receipts.Add(complaint.ReceivedAt);
        complaint.Register(Later(5, 200));
        var investigator = ServiceCentre.Staff[30 + _random.Next(10)];
        complaint.AssignInvestigation(new DepartmentId(ServiceCentre.TeamOf(investigator)), investigator, now + Duration.FromDays(3), Later(10, 120));
        var (respondAt, resolveAt) = (Later(60, 2000), Later(30, 1500));
        EscalateAsThePolicySays(t => assessor.AssessComplaint(complaint, customer.Tier, agreement, t, earlier), (decision, t) => decision.ApplyTo(complaint, t), complaint.LastEventAt, respondAt);
        complaint.Respond("We apologise and have investigated.", "Repair, apology and follow-up.", respondAt);
        EscalateAsThePolicySays(t => assessor.AssessComplaint(complaint, customer.Tier, agreement, t, earlier), (decision, t) => decision.ApplyTo(complaint, t), complaint.LastEventAt, resolveAt);
        complaint.Resolve(resolveAt);
        var outcome = _random.Next(100) switch { < 45 => VerdictOutcome.Substantiated, < 65 => VerdictOutcome.PartlySubstantiated, _ => VerdictOutcome.Unsubstantiated };
        complaint.RecordVerdict(outcome, "investigation finding", investigator, Later(10, 300));
        if (loss is { } claimed && outcome != VerdictOutcome.Unsubstantiated)
        {
            complaint.RecordCompensation(Money.Yuan(Math.Min(claimed.Amount, 2000m)), Later(10, 300));
        }

        return complaint;
    }

    /// <summary>
    /// Walks a case from <paramref name="from"/> up to (not including) <paramref name="until"/> the way a host's scheduler
    /// would: assess, record the escalation the policy decides (<c>EscalationDecision.ApplyTo</c>), and look again at the
    /// next instant anything can change.
    /// </summary>
    private static void EscalateAsThePolicySays(Func<Instant, CaseAssessment> assess, Func<EscalationDecision, Instant, bool> apply, Instant from, Instant until)
    {
        var at = from;
        for (var look = 0; look < 32 && at < until; look++)
        {
            var assessment = assess(at);
            apply(assessment.Escalation, at);
            if (assessment.NextChangeAt is not { } next || next <= at)
            {
                return;
            }

            at = next;
        }
    }

    /// <summary>Plans the callbacks the policy requires and carries them out: most reached and rated, some missed.</summary>
    private void PlanCallbacks()
    {
        var agent = ServiceCentre.Staff[0];
        void CarryOut(CallbackPlan plan, Action<VisitRecord> onCompleted)
        {
            var visit = plan.ToVisit(new VisitId($"V-{Visits.Count:000000}"), maxAttempts: 3, plan.Due - Duration.FromHours(40));
            var at = plan.Due - Duration.FromHours(30) + Duration.FromMinutes(_random.Next(0, 600));
            visit.RecordAttempt(_random.Next(100) < 85 ? AttemptOutcome.Reached : AttemptOutcome.NoAnswer, at);
            if (visit.Attempts[^1].Outcome == AttemptOutcome.Reached)
            {
                var rating = _random.Next(100) switch { < 70 => SatisfactionRating.VerySatisfied, < 93 => SatisfactionRating.Satisfied, < 97 => SatisfactionRating.Neutral, _ => SatisfactionRating.Dissatisfied };
                visit.Complete(rating, new Dictionary<string, SatisfactionRating> { ["reception"] = rating, ["repair"] = rating }, null, agent, at + Duration.FromMinutes(5));
                onCompleted(visit);
            }
            else
            {
                visit.MarkMissed(plan.Due);
            }

            Visits.Add(visit);
        }

        foreach (var complaint in Complaints)
        {
            foreach (var plan in callbacks.ForComplaint(complaint))
            {
                CarryOut(plan, visit =>
                {
                    var done = visit.EndedAt!.Value;
                    complaint.RecordCallback(visit.Overall >= SatisfactionRating.Satisfied, done);
                    if (complaint.CanClose())
                    {
                        complaint.Close(done + Duration.FromMinutes(10));
                    }
                });
            }
        }

        foreach (var ticket in Tickets)
        {
            foreach (var plan in callbacks.ForTicket(ticket))
            {
                CarryOut(plan, _ => { });
            }
        }
    }
}
