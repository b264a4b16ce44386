using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceDesk;

/// <summary>
/// Simulates the centre deterministically from a seed: customers tiered by Pareto on last year's spend and re-selected for
/// the new year; tickets and complaints arriving by hour of day and day of week and driven through the real aggregates'
/// commands by staff who differ in speed, care and how well they reach customers; duplicate complaints merged across
/// channels, some callbacks waived, compensation paid; escalations recorded when and as the policy says (per case while it
/// is handled, then by an <see cref="AssessmentScheduler{TCase}"/> sweep for the cases still open, as a host would); the
/// callbacks the policy requires, the after-care visits key accounts get after a repair, and the senior visits and reviews
/// their tier entitles them to (each account's spread over the year), made by named agents and team leads. Each ticket
/// draws from its own random stream, so a day's tickets are simulated in parallel and a seed still gives the same month.
/// </summary>
internal sealed class Simulation(
    SampleOptions options, ITierPolicy tiers, EntitlementCatalog entitlements, ICallbackPolicy callbacks, CaseAssessor assessor, ITrustPolicy? trust = null,
    ICalendarLookup? calendars = null)
{
    private readonly ICalendarLookup _calendars = calendars ?? CalendarLookup.Of(ServiceCentre.CalendarName, ServiceCentre.Calendar);

    public static readonly Instant Start = new LocalDateTime(2025, 1, 13, 0, 0).InZoneStrictly(ServiceCentre.Zone).ToInstant();

    private readonly Random _random = new(options.Seed);
    private AgreementCatalog _catalog = new(Array.Empty<AgreementVersion>());
    private AgreementVersion _fallback = ServiceCentre.Agreement();

    /// <summary>How each member of staff works: drawn once per seed, so scorecards spread the same way every run.</summary>
    private readonly Dictionary<StaffId, StaffProfile> _staff = ServiceCentre.Staff.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => StaffProfile.Draw(new Random(unchecked((options.Seed * 7919) + p.i))));

    /// <summary>Relative arrivals by hour of the day, 07:00 to 21:59: a morning and an afternoon peak, quiet evenings.</summary>
    private static readonly int[] HourWeights = [2, 5, 9, 10, 8, 5, 6, 8, 9, 7, 5, 4, 3, 2, 1];

    /// <summary>The Spring Festival holiday of 2025 (28 Jan to 4 Feb): fewer cases arrive.</summary>
    private static readonly (LocalDate From, LocalDate To) Festival = (new LocalDate(2025, 1, 28), new LocalDate(2025, 2, 4));

    /// <summary>When each customer's complaints so far were received, for the repeat-complaint rule.</summary>
    private readonly Dictionary<CustomerId, List<Instant>> _receipts = [];

    private readonly System.Diagnostics.Stopwatch _timer = new();

    /// <summary>How long each part of the run took (wall-clock time), for <c>--timings</c>; never part of the report.</summary>
    public List<(string Section, TimeSpan Elapsed)> Laps { get; } = [];

    public List<Customer> Customers { get; } = [];

    public List<Ticket> Tickets { get; } = [];

    public List<Complaint> Complaints { get; } = [];

    public List<VisitRecord> Visits { get; } = [];

    public Instant End => Start + Duration.FromDays(options.Days);

    /// <summary>
    /// Runs the period. Each case opens with the catalogue's choice for it at its start (the customer SLA version in force,
    /// every OLA, the underpinning contract), recorded on the case; <paramref name="fallback"/> is the agreement of a case
    /// the catalogue gives none, for its escalations.
    /// </summary>
    public void Run(AgreementCatalog catalog, AgreementVersion fallback, IProgress<string> progress)
    {
        (_catalog, _fallback) = (catalog, fallback);
        _timer.Restart();
        CreateCustomers();
        for (var day = 0; day < options.Days; day++)
        {
            var dayStart = Start + Duration.FromDays(day);
            var date = dayStart.InZone(ServiceCentre.Zone).Date;
            var load = date >= Festival.From && date <= Festival.To ? 0.45 : date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? 0.7 : 1.1;
            var ticketsToday = (int)Math.Round(options.Customers / 5 * load) + _random.Next(-20, 21);
            // Each ticket draws from its own random stream (seeded by the run's seed and the ticket's number), so the day's
            // tickets are simulated in parallel and still come out the same for a seed, whatever the scheduling.
            var today = new Ticket[Math.Max(0, ticketsToday)];
            var first = Tickets.Count;
            Parallel.For(0, today.Length, i => today[i] = SimulateTicket(dayStart, first + i, new Random(StreamSeed(first + i))));
            Tickets.AddRange(today);

            for (var i = 0; i < Math.Max(1, ticketsToday / 22); i++)
            {
                SimulateComplaint(dayStart);
            }

            progress.Report($"day {day + 1}/{options.Days}: {Tickets.Count:N0} tickets, {Complaints.Count:N0} complaints");
        }

        Lap("cases");
        PlanCallbacks();
        Lap("callbacks and visits");
        SweepOpenCases();
        Lap("scheduler sweep");
        UpdateTrust();
        Lap("trust");
    }

    private void Lap(string section)
    {
        Laps.Add((section, _timer.Elapsed));
        _timer.Restart();
    }

    private void CreateCustomers()
    {
        // Last year's tiers came from the spend of the year before; this year's from the annual re-selection on 2024's spend,
        // which moves some customers up and some down.
        var registered = Start - Duration.FromDays(30);
        var spend2023 = Enumerable.Range(0, options.Customers)
            .Select(i => new TierCandidate(new CustomerId($"C-{i:00000}"), Money.Yuan(Math.Round((decimal)(Math.Exp(_random.NextDouble() * 9) * 50), 2))))
            .ToArray();
        var decisions2024 = tiers.Classify(spend2023);
        for (var i = 0; i < spend2023.Length; i++)
        {
            var customer = Customer.Register(spend2023[i].Customer, $"Household {i}", new ContactDetails($"1380000{i:0000}", null, $"Block {i % 40}, Unit {i % 300}"), ServiceTier.Ordinary, new LocalDate(2020, 1, 1), registered);
            customer.RecordSpend(2023, spend2023[i].Spend, registered);
            customer.ChangeTier(decisions2024[i].Tier, new LocalDate(2024, 1, 1), decisions2024[i].ReasonCode, registered);
            customer.RecordSpend(2024, Money.Yuan(Math.Round(spend2023[i].Spend.Amount * (decimal)(0.55 + (_random.NextDouble() * 0.9)), 2)), registered);
            Customers.Add(customer);
        }

        var byId = Customers.ToDictionary(c => c.Id);
        foreach (var change in AnnualReselection.Reselect(tiers, Customers, 2025, "CNY"))
        {
            change.ApplyTo(byId[change.Customer], registered);
        }
    }

    /// <summary>The agreement a case recorded first (its customer SLA), by which it is escalated.</summary>
    private AgreementVersion Main(AgreementReference? recorded) => recorded is { } reference ? _catalog.Find(reference) ?? _fallback : _fallback;

    /// <summary>The agreement a case records first: the customer SLA the catalogue chose, or null when it chose nothing.</summary>
    private static AgreementReference? First(IReadOnlyList<AgreementVersion> chosen) => chosen.Count > 0 ? chosen[0].Reference : null;

    /// <summary>The agreements a case records beside its first: the rest of the catalogue's choice, in its order.</summary>
    private static AgreementReference[] Others(IReadOnlyList<AgreementVersion> chosen)
    {
        var others = new AgreementReference[Math.Max(0, chosen.Count - 1)];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = chosen[i + 1].Reference;
        }

        return others;
    }

    /// <summary>The seed of ticket <paramref name="index"/>'s own random stream: the run's seed and the index, mixed.</summary>
    private int StreamSeed(int index) => (int)(((uint)options.Seed * 2654435761u) ^ ((uint)index * 40503u) ^ 0x5bd1e995u) & int.MaxValue;

    /// <summary>
    /// The statuses of the thread's current look: each look's decision is read before the next look is taken, so one buffer
    /// per thread serves every look at every case that thread simulates (the day's tickets in parallel, then the complaints
    /// and the sweep on the calling thread).
    /// </summary>
    [ThreadStatic]
    private static SlaStatus[]? t_statuses;

    private Ticket SimulateTicket(Instant dayStart, int index, Random random)
    {
        var customer = Customers[random.Next(Customers.Count)];
        var owner = ServiceCentre.Staff[random.Next(10)];
        var kind = (TicketKind)random.Next(6);
        var priority = entitlements.For(customer.Tier).RaisePriority(random.Next(100) switch { < 5 => Priority.P1, < 25 => Priority.P2, < 75 => Priority.P3, _ => Priority.P4 });
        var now = dayStart + Duration.FromMinutes(ArrivalMinute(random));
        var outOfHours = now.InZone(ServiceCentre.Zone).Hour is < 9 or >= 18;
        var channel = (Channel)random.Next(7);
        var chosen = _catalog.Select(CaseProfile.ForTicket(customer.Tier, customer.Id, kind, channel, priority), now);
        var ticket = Ticket.Open(new TicketId($"T-{index:000000}"), customer.Id, kind, channel, priority, owner, customer.Tier, now, First(chosen),
            requiresOnSiteVisit: kind is TicketKind.RepairRequest or TicketKind.FaultReport, otherAgreements: Others(chosen));
        var agreement = Main(ticket.Agreement);

        // How fast a step goes: the person's own speed; urgent tickets first; key accounts through their green channel; the
        // evening desk slower than the day shift.
        var key = customer.Tier == ServiceTier.Key;
        double Pace(StaffId who) => _staff[who].Speed * (ticket.Priority switch { Priority.P1 => 0.15, Priority.P2 => 0.75, Priority.P4 => 1.15, _ => 1.0 }) * (key ? 0.75 : 1.0);
        Instant Later(int minMinutes, int maxMinutes, StaffId who) =>
            now += Duration.FromMinutes((int)(random.Next(minMinutes, maxMinutes) * Pace(who)) + 1);

        // Each step happens at its instant, after the escalations the policy records on the way there, as a host's scheduler would.
        Instant At(int minMinutes, int maxMinutes, StaffId who)
        {
            var at = Later(minMinutes, maxMinutes, who);
            EscalateAsThePolicySays(ticket, agreement, ticket.LastEventAt, at);
            return at;
        }

        if (random.Next(100) < 2)
        {
            ticket.Cancel("duplicate report", At(5, 120, owner));
            return ticket;
        }

        // Reception answers about half the enquiries, suggestions and other requests itself (first contact); the rest go to a team.
        var firstContact = kind is TicketKind.Inquiry or TicketKind.Suggestion or TicketKind.Other && random.Next(100) < 55;
        var worker = firstContact || random.Next(100) < 25 ? owner : ServiceCentre.Staff[10 + random.Next(ServiceCentre.Staff.Length - 10)];
        ticket.Assign(worker, new DepartmentId(ServiceCentre.TeamOf(worker)), At(1, outOfHours ? 50 : 25, owner));
        ticket.RecordResponse(worker, isPublic: random.Next(100) < 96, At(3, outOfHours ? 200 : 120, worker));
        ticket.StartWork(At(5, 120, worker));
        if (ticket.RequiresOnSiteVisit)
        {
            ticket.RecordOnSiteArrival(worker, At(20, 330, worker));
        }

        // Careful staff keep the customer posted while the work goes on.
        if (random.NextDouble() < _staff[worker].Care)
        {
            ticket.RecordResponse(worker, isPublic: true, At(20, 240, worker));
        }

        if (!firstContact && random.Next(100) < 8)
        {
            var colleague = ServiceCentre.Staff[10 + ((Array.IndexOf(ServiceCentre.Staff, worker) - 10 + 1 + random.Next(ServiceCentre.Staff.Length - 11)) % (ServiceCentre.Staff.Length - 10))];
            ticket.Transfer(colleague, new DepartmentId(ServiceCentre.TeamOf(colleague)), At(10, 60, worker));
        }

        if (random.Next(100) < 6)
        {
            ticket.ChangePriority(ticket.Priority == Priority.P1 ? Priority.P2 : Priority.P1, At(10, 120, ticket.Assignee!.Value));
        }

        switch (random.Next(100))
        {
            case < 12:
                ticket.Hold(HoldReason.WaitingForCustomer, At(10, 200, ticket.Assignee!.Value));
                ticket.Resume(now += Duration.FromMinutes(random.Next(60, 2880)));
                break;
            case < 18:
                ticket.ReferToThirdParty("lift and utilities vendor", At(10, 200, ticket.Assignee!.Value));
                ticket.RecordThirdPartyReturn("repaired by vendor", now += Duration.FromMinutes(random.Next(120, 4000)));
                break;
        }

        var holder = ticket.Assignee!.Value;
        if (!firstContact || random.Next(100) < 50)
        {
            ticket.RecordResponse(holder, isPublic: true, At(30, 420, holder));
        }

        ticket.Resolve(holder, At(20, ticket.Priority == Priority.P1 ? 400 : 1300, holder));

        // Careless work comes back more often.
        if (random.NextDouble() < 0.02 + ((1 - _staff[holder].Care) * 0.08))
        {
            ticket.Reopen("the fault came back", At(60, 1440, holder));
            ticket.Resolve(holder, At(30, 900, holder));
        }

        if (random.Next(100) < 90)
        {
            ticket.Close(now += Duration.FromMinutes(random.Next(60, 2880)));
        }

        return ticket;
    }

    /// <summary>A minute of the day between 07:00 and 22:00, by the hour-of-day arrival weights.</summary>
    private static int ArrivalMinute(Random random)
    {
        var pick = random.Next(HourWeights.Sum());
        var hour = 0;
        while (pick >= HourWeights[hour])
        {
            pick -= HourWeights[hour++];
        }

        return ((7 + hour) * 60) + random.Next(60);
    }

    /// <summary>The member of staff a complaint names: careless staff are named far more often, careful ones hardly ever.</summary>
    private StaffId Blame()
    {
        var weights = ServiceCentre.Staff.Select(s => Math.Pow(1.1 - _staff[s].Care, 4)).ToArray();
        var pick = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((pick -= weights[i]) < 0)
            {
                return ServiceCentre.Staff[i];
            }
        }

        return ServiceCentre.Staff[^1];
    }

    private void SimulateComplaint(Instant dayStart)
    {
        // A few customers complain again and again, mostly without ground: the repeat rule escalates them and their trust falls.
        var serial = _random.Next(100) < 12;
        var customer = serial ? Customers[(int)((long)_random.Next(Math.Max(1, Customers.Count / 100)) * 97 % Customers.Count)] : Customers[_random.Next(Customers.Count)];
        StaffId? against = _random.Next(100) < 75 ? Blame() : null;
        var now = dayStart + Duration.FromMinutes(ArrivalMinute(_random));
        var severity = _random.Next(100) switch { < 72 => Severity.Minor, < 96 => Severity.Major, _ => Severity.Critical };
        Money? loss = _random.Next(100) < 10 ? Money.Yuan(_random.Next(100, 30_000)) : null;
        var channel = (Channel)_random.Next(7);
        var category = (ComplaintCategory)_random.Next(8);
        var chosen = _catalog.Select(CaseProfile.ForComplaint(customer.Tier, customer.Id, category, channel, severity), now);
        var complaint = Complaint.Receive(new ComplaintId($"K-{Complaints.Count:00000}"), customer.Id, channel, category, severity, now,
            claimedLoss: loss, againstStaff: against, againstDepartment: against is { } staff ? new DepartmentId(ServiceCentre.TeamOf(staff)) : new DepartmentId(ServiceCentre.Teams[1]),
            customerTier: customer.Tier, agreement: First(chosen), otherAgreements: Others(chosen));
        var agreement = Main(complaint.Agreement);
        Complaints.Add(complaint);
        Instant Later(int minMinutes, int maxMinutes) => now += Duration.FromMinutes(_random.Next(minMinutes, maxMinutes));

        if (_random.Next(100) < 3)
        {
            complaint.Withdraw("settled with the customer", Later(30, 600));
            return;
        }

        if (!_receipts.TryGetValue(customer.Id, out var receipts))
        {
            _receipts[customer.Id] = receipts = [];
        }

        List<Instant> earlier = [.. receipts];
        receipts.Add(complaint.ReceivedAt);

        // The same matter often arrives twice, by phone and by the app: the duplicate is merged into the first.
        Complaint? duplicate = null;
        if (_random.Next(100) < 7)
        {
            var (duplicateChannel, duplicateAt) = ((Channel)(((int)channel + 1 + _random.Next(6)) % 7), Later(5, 90));
            var duplicateChosen = _catalog.Select(CaseProfile.ForComplaint(customer.Tier, customer.Id, category, duplicateChannel, severity), duplicateAt);
            duplicate = Complaint.Receive(new ComplaintId($"K-{Complaints.Count:00000}"), customer.Id, duplicateChannel, category, severity,
                duplicateAt, againstStaff: against, againstDepartment: complaint.AgainstDepartment, customerTier: customer.Tier,
                agreement: First(duplicateChosen), otherAgreements: Others(duplicateChosen));
            Complaints.Add(duplicate);
        }

        complaint.Register(Later(5, 150));
        if (duplicate is not null)
        {
            complaint.Merge(duplicate, Later(5, 60));
        }

        var investigator = ServiceCentre.Staff[30 + _random.Next(10)];
        var pace = _staff[investigator].Speed;
        complaint.AssignInvestigation(new DepartmentId(ServiceCentre.TeamOf(investigator)), investigator, now + Duration.FromDays(3), Later(10, 120));
        var (respondAt, resolveAt) = (Later(60, (int)(1500 * pace)), Later(30, (int)(1500 * pace)));
        EscalateAsThePolicySays(complaint, customer.Tier, agreement, earlier, complaint.LastEventAt, respondAt);
        complaint.Respond("We apologise and have investigated.", "Repair, apology and follow-up.", respondAt);
        EscalateAsThePolicySays(complaint, customer.Tier, agreement, earlier, complaint.LastEventAt, resolveAt);
        complaint.Resolve(resolveAt);

        // Complaints against careless staff are more often upheld.
        var care = against is { } named ? _staff[named].Care : 0.6;
        var upheld = _random.NextDouble();
        var outcome = serial && upheld < 0.75 ? VerdictOutcome.Unsubstantiated
            : upheld < 0.65 - (care * 0.45) ? VerdictOutcome.Substantiated : upheld < 0.85 - (care * 0.4) ? VerdictOutcome.PartlySubstantiated : VerdictOutcome.Unsubstantiated;
        complaint.RecordVerdict(outcome, "investigation finding", investigator, Later(10, 300));
        if (loss is { } claimed && outcome != VerdictOutcome.Unsubstantiated)
        {
            complaint.RecordCompensation(Money.Yuan(Math.Min(claimed.Amount, 2000m)), Later(10, 300));
        }

        // Some customers decline the callback; the waiver is recorded with its reason and the complaint closes.
        if (_random.Next(100) < 5)
        {
            complaint.WaiveCallback("the customer declined a callback", Later(10, 240));
            complaint.Close(Later(5, 60));
        }
    }

    /// <summary>
    /// The cases still open after their last event are watched the way a host does it: an <see cref="AssessmentScheduler{TCase}"/>
    /// holds each at the next instant anything about it can change, and an hourly sweep assesses the cases due, records the
    /// escalation the policy decides and schedules them again, until the end of the simulated period.
    /// </summary>
    private void SweepOpenCases()
    {
        var scheduler = new AssessmentScheduler<string>();
        var tickets = Tickets.Where(t => !t.IsFinal).ToDictionary(t => t.Id.Value);
        var complaints = Complaints.Where(c => !c.IsFinal).ToDictionary(c => c.Id.Value);
        var tiers = Customers.ToDictionary(c => c.Id, c => c.Tier);
        EscalationOutlook LookAt(string id, Instant at) => tickets.TryGetValue(id, out var ticket)
            ? Look(ticket, Main(ticket.Agreement), at)
            : Look(complaints[id], tiers[complaints[id].Customer], Main(complaints[id].Agreement), _receipts.GetValueOrDefault(complaints[id].Customer, []).Where(r => r != complaints[id].ReceivedAt).ToList(), at);
        foreach (var id in tickets.Keys.Concat(complaints.Keys).Order(StringComparer.Ordinal))
        {
            var last = tickets.TryGetValue(id, out var t) ? t.LastEventAt : complaints[id].LastEventAt;
            scheduler.Schedule(id, last < End ? last : null);
        }

        for (var now = Start; now < End && scheduler.Count > 0; now += Duration.FromHours(1))
        {
            foreach (var id in scheduler.TakeDue(now))
            {
                var look = LookAt(id, now);
                var applied = tickets.TryGetValue(id, out var ticket) ? look.Decision.ApplyTo(ticket, now) : look.Decision.ApplyTo(complaints[id], now);
                // After an escalation the next one may be due at once (looked at in the next sweep); a decision the case cannot
                // take (its state does not allow an escalation) changes nothing until the case changes, so it is not rescheduled.
                var next = applied ? LookAt(id, now).NextChangeAt : look.NextChangeAt;
                scheduler.Schedule(id, next is { } at && at < End && (applied || at > now) ? Instant.Max(at, now + Duration.FromMinutes(1)) : null);
            }
        }
    }

    /// <summary>
    /// At the end of the month each customer's trust score is updated by the trust policy from what the month showed: an
    /// upheld complaint or a satisfied callback counts for the customer, an unfounded complaint against.
    /// </summary>
    private void UpdateTrust()
    {
        var policy = trust ?? TrustPolicy.Standard;
        var observations = Complaints.Where(c => c.Verdict is not null)
            .Select(c => (c.Customer, Observation: new TrustObservation(c.Verdict!.DecidedAt, c.Verdict.Outcome != VerdictOutcome.Unsubstantiated, 1, "complaint." + c.Verdict.Outcome)))
            .Concat(Visits.Where(v => v.Overall is not null).Select(v => (v.Customer, Observation: new TrustObservation(v.EndedAt!.Value, v.Overall >= SatisfactionRating.Satisfied, 1, "callback"))))
            .ToLookup(o => o.Customer, o => o.Observation);
        foreach (var customer in Customers.Where(c => observations.Contains(c.Id)))
        {
            var score = policy.Update(customer.TrustScore, customer.LastEventAt, observations[customer.Id], End);
            if (score != customer.TrustScore)
            {
                customer.UpdateTrustScore(score, "the month's complaints and callbacks", End);
            }
        }
    }

    /// <summary>
    /// One look at a ticket, as a host's scheduler takes it on its hot path: the clocks of the agreement it escalates by,
    /// evaluated without allocating into the thread's buffer (no cycles or breakdowns, which only a report needs), then the
    /// policy's decision from them and when it can next change (<see cref="CaseAssessor.DecideEscalation(Ticket, IReadOnlyList{SlaStatus}, string, Instant)"/>).
    /// </summary>
    private EscalationOutlook Look(Ticket ticket, AgreementVersion agreement, Instant at)
    {
        var buffer = t_statuses ??= new SlaStatus[SlaClock.MaxStatusesPerCase];
        var summary = SlaClock.EvaluateTicket(ticket.History, agreement, _calendars, at, buffer);
        return assessor.DecideEscalation(ticket, new ArraySegment<SlaStatus>(buffer, 0, summary.Count), summary.CalendarName, at);
    }

    /// <summary>One look at a complaint, as <see cref="Look(Ticket, AgreementVersion, Instant)"/>.</summary>
    private EscalationOutlook Look(Complaint complaint, ServiceTier tier, AgreementVersion agreement, IReadOnlyList<Instant> earlier, Instant at)
    {
        var buffer = t_statuses ??= new SlaStatus[SlaClock.MaxStatusesPerCase];
        var summary = SlaClock.EvaluateComplaint(complaint.History, tier, agreement, _calendars, at, buffer);
        return assessor.DecideEscalation(complaint, tier, new ArraySegment<SlaStatus>(buffer, 0, summary.Count), summary.CalendarName, at, earlier);
    }

    /// <summary>
    /// Walks a ticket from <paramref name="from"/> up to (not including) <paramref name="until"/> the way a host's scheduler
    /// would: look (<see cref="Look(Ticket, AgreementVersion, Instant)"/>), record the escalation the policy decides
    /// (<c>EscalationDecision.ApplyTo</c>), and look again at the next instant the decision can change (a warning stage that
    /// changes no decision is no reason to look). A ticket that accepts no escalation (resolved, closed, cancelled) is not
    /// evaluated: the assessor decides nothing for it and names no instant to look again.
    /// </summary>
    private void EscalateAsThePolicySays(Ticket ticket, AgreementVersion agreement, Instant from, Instant until)
    {
        var at = from;
        for (var look = 0; look < MaxLooks && at < until && ticket.CanEscalate(); look++)
        {
            var (decision, nextChange) = Look(ticket, agreement, at);
            decision.ApplyTo(ticket, at);
            if (nextChange is not { } next || next <= at)
            {
                return;
            }

            at = next;
        }
    }

    /// <summary>The complaint's walk, as <see cref="EscalateAsThePolicySays(Ticket, AgreementVersion, Instant, Instant)"/>.</summary>
    private void EscalateAsThePolicySays(Complaint complaint, ServiceTier tier, AgreementVersion agreement, IReadOnlyList<Instant> earlier, Instant from, Instant until)
    {
        var at = from;
        for (var look = 0; look < MaxLooks && at < until && complaint.CanEscalate(); look++)
        {
            var (decision, nextChange) = Look(complaint, tier, agreement, earlier, at);
            decision.ApplyTo(complaint, at);
            if (nextChange is not { } next || next <= at)
            {
                return;
            }

            at = next;
        }
    }

    /// <summary>The most looks one walk takes (a guard: the ladder's levels run out long before).</summary>
    private const int MaxLooks = 32;

    /// <summary>
    /// Plans the callbacks the policy requires, and the after-care visits key accounts get after a repair (15 days and a month
    /// after closing), and has the reception team carry them out: up to three attempts, each agent reaching customers at
    /// their own rate, and the customer rating what each dimension of the service was like.
    /// </summary>
    private void PlanCallbacks()
    {
        var afterCare = CallbackPolicies.Recurring(new RecurringSchedule([Period.FromDays(15), Period.FromMonths(1)], null, 0), ServiceCentre.Zone, VisitKind.OnSiteVisit);
        var tiers = Customers.ToDictionary(c => c.Id, c => c.Tier);
        var agents = ServiceCentre.Staff[..10];
        var ticketsById = Tickets.ToDictionary(t => t.Id);
        var complaintsById = Complaints.ToDictionary(c => c.Id);

        SatisfactionRating Rate(double care, bool wentWrong)
        {
            var mood = _random.NextDouble() + (care * 0.3) - (wentWrong ? 0.3 : 0);
            return mood switch { > 0.7 => SatisfactionRating.VerySatisfied, > 0.12 => SatisfactionRating.Satisfied, > 0.05 => SatisfactionRating.Neutral, > 0.01 => SatisfactionRating.Dissatisfied, _ => SatisfactionRating.VeryDissatisfied };
        }

        void CarryOut(CallbackPlan plan, Action<VisitRecord> onCompleted, StaffId? by = null)
        {
            var visit = plan.ToVisit(new VisitId($"V-{Visits.Count:000000}"), maxAttempts: 3, plan.Due - Duration.FromHours(40));
            Visits.Add(visit);
            if (plan.Due > End + Duration.FromDays(7))
            {
                return; // Not due yet: it stays planned.
            }

            var agent = by ?? agents[_random.Next(agents.Length)];
            var at = plan.Due - Duration.FromHours(30) + Duration.FromMinutes(_random.Next(0, 600));
            for (var attempt = 0; attempt < 3 && visit.CanRecordAttempt(); attempt++, at += Duration.FromHours(2 + _random.Next(4)))
            {
                visit.RecordAttempt(_random.NextDouble() < _staff[agent].Reach ? AttemptOutcome.Reached : AttemptOutcome.NoAnswer, at);
                if (visit.CustomerReached)
                {
                    break;
                }
            }

            if (visit.CustomerReached)
            {
                // What the customer says about each part of the service follows who did it and whether it went wrong.
                var (first, second, dimensions) = plan.Subject switch
                {
                    { Ticket: { } ticketId } when ticketsById.TryGetValue(ticketId, out var t) =>
                        (Rate(_staff[t.FirstContactOwner].Care, false), Rate(_staff[t.Assignee ?? t.FirstContactOwner].Care, t.ReopenCount > 0), ("reception", "repair")),
                    { Complaint: { } complaintId } when complaintsById.TryGetValue(complaintId, out var c) =>
                        (Rate(_staff[c.Investigation?.Person ?? agent].Care, false), Rate(0.5, c.Verdict?.Outcome == VerdictOutcome.Substantiated), ("handling", "remedy")),
                    _ when by is { } senior => (Rate(_staff[senior].Care, false), Rate(_staff[senior].Care, false), ("visit", "account care")),
                    _ => (Rate(0.6, false), Rate(0.6, false), ("reception", "repair")),
                };
                var overall = (SatisfactionRating)(((int)first + (int)second) / 2);
                visit.Complete(overall, new Dictionary<string, SatisfactionRating> { [dimensions.Item1] = first, [dimensions.Item2] = second }, null, agent, at + Duration.FromMinutes(5));
                onCompleted(visit);
            }
            else
            {
                visit.MarkMissed(Instant.Max(plan.Due, visit.LastEventAt));
            }
        }

        foreach (var complaint in Complaints.Where(c => c.CallbackWaiverReason is null))
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
            var plans = callbacks.ForTicket(ticket);
            if (tiers[ticket.Customer] == ServiceTier.Key && ticket.Kind == TicketKind.RepairRequest)
            {
                plans = [.. plans, .. afterCare.ForTicket(ticket)];
            }

            foreach (var plan in plans)
            {
                CarryOut(plan, _ => { });
            }
        }

        // The visits a tier entitles its accounts to (key accounts: two senior visits a year and a review every quarter), each
        // account's spread over the year by its id; those due in the period are made by the team leads, each leading the
        // accounts of a quarter of the customer base.
        var year = Start.InZone(ServiceCentre.Zone).Year;
        var leads = ServiceCentre.Staff.Where((_, i) => i % 10 == 0).ToArray();
        foreach (var customer in Customers)
        {
            foreach (var plan in PeriodicVisits.PlanStaggeredFor(customer, entitlements, year, ServiceCentre.Zone).Where(p => p.Due >= Start && p.Due < End).OrderBy(p => p.Due))
            {
                CarryOut(plan, _ => { }, leads[(int)(uint.Parse(customer.Id.Value[2..], System.Globalization.CultureInfo.InvariantCulture) % (uint)leads.Length)]);
            }
        }
    }
}

/// <summary>How a member of staff works: speed (a multiplier on how long each step takes), care (0-1), and how often their calls reach the customer.</summary>
internal sealed record StaffProfile(double Speed, double Care, double Reach)
{
    public static StaffProfile Draw(Random random) => new(
        Speed: 0.6 + (random.NextDouble() * random.NextDouble() * 1.6),
        Care: 0.25 + (random.NextDouble() * 0.75),
        Reach: 0.55 + (random.NextDouble() * 0.4));
}
