using System.Text.Json.Serialization;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Kpis;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Trust;

namespace ServiceDesk;

/// <summary>
/// The sample's report: a plain data shape, already in the manager's words and rounded to what it shows, that the text,
/// markdown, JSON and HTML writers render. Per-case detail (<see cref="Cases"/>) is only filled in on request.
/// </summary>
internal sealed record Report(
    ReportPeriod Period,
    Totals Totals,
    IReadOnlyList<TierCount> Tiers,
    IReadOnlyList<KpiRow> Kpis,
    IReadOnlyList<ComplianceRow> Compliance,
    IReadOnlyList<AgreementRow> Agreements,
    IReadOnlyList<AgreementComplianceRow> ComplianceByKind,
    Backlog Backlog,
    Breaches Breaches,
    IReadOnlyList<EscalationRow> EscalationsRecorded,
    IReadOnlyList<EscalationRow> EscalationsDue,
    IReadOnlyList<DayCount> EscalationsPerDay,
    Callbacks Callbacks,
    StaffStandings Staff,
    Credits Credits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CaseRow>? Cases)
{
    /// <summary>How many of the oldest open cases the report lists.</summary>
    public const int OldestShown = 10;

    /// <summary>How many staff the breaches-by-holder table lists (more when the last places tie).</summary>
    public const int HoldersShown = 10;

    /// <summary>How many of the largest service credits the report lists.</summary>
    public const int CreditsShown = 10;

    public static Report Build(
        Cases cases, AgreementVersion agreement, AgreementCatalog catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars, CaseAssessor assessor,
        ScoringEngine scoring, StandingRules standingRules, IServiceCreditPolicy creditPolicy, ITrustPolicy trust, Instant at, bool withCases,
        ICollection<(string Section, TimeSpan Elapsed)>? timings = null)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string section)
        {
            timings?.Add((section, timer.Elapsed));
            timer.Restart();
        }

        // Everything is read as the cases stood at the evaluation instant: an escalation, verdict, callback or trust update
        // recorded after it does not count, and a case opened after it is not in the report.
        var simulation = cases.AsOf(at);
        Lap("cut at the evaluation instant");

        var lookup = CalendarLookup.From(calendars);
        var zone = ServiceCentre.Zone;
        var tiers = simulation.Customers.ToDictionary(c => c.Id, c => c.TierOn(at.InZone(zone).Date));

        // Each case is evaluated once, at the cut, under every agreement it recorded (the SLA, each team's OLA, the contract);
        // the escalation policy then reads the customer SLA's clocks of that same evaluation. Who held the case while its
        // promises were kept or broken (the breakdown by holder, which only clocks that were met or missed need) comes from the
        // allocating evaluation of the agreement the case is escalated by. Cases are independent, so they are evaluated in
        // parallel, a block at a time, each into its own slot, and each block is counted in id order before the next is
        // evaluated: the report is the same however the work was scheduled, and only one block's evaluations are held at once.
        var receipts = simulation.Complaints.ToLookup(c => c.Customer, c => c.ReceivedAt);
        var (tickets, complaints) = (simulation.Tickets, simulation.Complaints);
        var total = tickets.Count + complaints.Count;
        var block = Math.Min(total, BlockSize);
        var results = new CaseEvaluation[block];
        var slaFacts = new IReadOnlyList<ScoreFact>[block];
        var breachHolders = new IReadOnlyList<string>[block];

        // Each slot's statuses of the main agreement are written into the slot's own buffer, reused block after block: an
        // evaluation is read only while its block is counted, and an open case keeps a copy.
        var ownBuffers = new SlaStatus[]?[block];
        var room = SlaClock.MaxStatusesPerCase * Math.Max(1, catalog.Versions.Count + 1);

        var choice = new AgreementChoice(catalog);
        var samples = new ComplianceTally();
        var kpiMeasurement = new KpiMeasurement();
        var facts = new List<ScoreFact>();
        var due = new Dictionary<(int Level, string Reason), int>();
        var rows = withCases ? new List<CaseRow>() : null;
        var open = new List<OpenCase>();
        var breaches = new List<(string Holder, bool Ticket)>();
        var targets = new Dictionary<(Metric, Priority, ServiceTier), HashSet<(Duration, TimeBasis, string?)>>();
        var versions = new Dictionary<(Metric, Priority, ServiceTier), HashSet<AgreementReference>>();
        var byCustomer = new Dictionary<CustomerId, (long Met, long Missed)>();
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        var (evaluating, attributing, counting) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        void Evaluate(int first, int count)
        {
            Parallel.For(0, count, () => new SlaStatus[room], (slot, _, buffer) =>
            {
                var i = first + slot;
                CaseEvaluation evaluated;
                if (i < tickets.Count)
                {
                    var ticket = tickets[i];
                    var all = withCases ? new List<SlaStatus>() : null;
                    var (main, chosen, clocks, own) = CaseEvaluation.OfTicket(ticket, catalog, agreement, lookup, at, buffer, ownBuffers[slot] ??= new SlaStatus[SlaClock.MaxStatusesPerCase], all);
                    evaluated = new CaseEvaluation(main, chosen, clocks, own, assessor.AssessEvaluated(ticket, own, at), all);
                }
                else
                {
                    var complaint = complaints[i - tickets.Count];
                    var tier = complaint.CustomerTier ?? tiers[complaint.Customer];
                    var all = withCases ? new List<SlaStatus>() : null;
                    var (main, chosen, clocks, own) = CaseEvaluation.OfComplaint(complaint, tier, catalog, agreement, lookup, at, buffer, ownBuffers[slot] ??= new SlaStatus[SlaClock.MaxStatusesPerCase], all);
                    var others = receipts[complaint.Customer].Where(r => r != complaint.ReceivedAt).ToList();
                    evaluated = new CaseEvaluation(main, chosen, clocks, own, assessor.AssessEvaluated(complaint, tier, own, at, others), all);
                }

                results[slot] = evaluated;
                return buffer;
            }, _ => { });
        }

        void Attribute(int first, int count)
        {
            Parallel.For(0, count, slot =>
            {
                var (i, evaluated) = (first + slot, results[slot]);
                if (!Decided(evaluated.Own))
                {
                    (slaFacts[slot], breachHolders[slot]) = ([], []);
                }
                else if (i < tickets.Count)
                {
                    var ticket = tickets[i];
                    (slaFacts[slot], breachHolders[slot]) = HoldersOf(SlaClock.EvaluateTicket(ticket.History, evaluated.Main, lookup, at), ticket.Id.Value);
                }
                else
                {
                    var complaint = complaints[i - tickets.Count];
                    var tier = complaint.CustomerTier ?? tiers[complaint.Customer];
                    (slaFacts[slot], breachHolders[slot]) = HoldersOf(SlaClock.EvaluateComplaint(complaint.History, tier, evaluated.Main, lookup, at), complaint.Id.Value);
                }
            });
        }

        void Record(int slot, Priority priority, ServiceTier tier, CustomerId customer, bool ticket)
        {
            var evaluated = results[slot];
            choice.Add(evaluated.Chosen, ticket, evaluated.Clocks);
            Count(due, evaluated.Assessment);
            kpiMeasurement.AddStatuses(evaluated.Own.Statuses);
            AddFacts(facts, slaFacts[slot]);
            foreach (var holder in breachHolders[slot])
            {
                breaches.Add((holder, ticket));
            }

            var statuses = evaluated.Own.Statuses;
            var (caseMet, caseMissed) = (0L, 0L);
            for (var s = 0; s < statuses.Count; s++)
            {
                var status = statuses[s];
                var key = (status.Metric, priority, tier);
                if (!targets.TryGetValue(key, out var seen))
                {
                    targets[key] = seen = [];
                }

                seen.Add((status.Target, status.Basis, ComplianceRow.CalendarOf(status.Agreement, catalog, agreement)));
                if (!versions.TryGetValue(key, out var named))
                {
                    versions[key] = named = [];
                }

                named.Add(status.Agreement);
                samples.Add(key, status);
                if (status.State is SlaState.Met or SlaState.Missed)
                {
                    (caseMet, caseMissed) = status.IsMissed ? (caseMet, caseMissed + 1) : (caseMet + 1, caseMissed);
                }
            }

            if (caseMet + caseMissed > 0)
            {
                var (met, missed) = byCustomer.GetValueOrDefault(customer);
                byCustomer[customer] = (met + caseMet, missed + caseMissed);
            }
        }

        void CountBlock(int first, int count)
        {
            for (var slot = 0; slot < count; slot++)
            {
                var i = first + slot;
                var evaluated = results[slot];
                if (i < tickets.Count)
                {
                    var ticket = tickets[i];
                    Record(slot, ticket.Priority, ticket.CustomerTier, ticket.Customer, ticket: true);
                    kpiMeasurement.AddTicket(ticket);
                    rows?.Add(CaseRow.Of(ticket.Id.Value, "ticket", ticket.History[0].OccurredAt, ticket.CustomerTier, evaluated, catalog, zone));
                    NoteTeams(ticket, teams);

                    if (!ticket.IsFinal)
                    {
                        open.Add(new OpenCase(ticket.Id.Value, "Ticket", ticket.History[0].OccurredAt, ticket.CustomerTier, ticket.Priority, ticket.Assignee?.Value ?? Unassigned,
                            [.. evaluated.Own.Statuses], ticket.Status == TicketStatus.Resolved, evaluated.Agreements));
                    }
                }
                else
                {
                    var complaint = complaints[i - tickets.Count];
                    var tier = tiers[complaint.Customer];
                    var priority = SlaClock.PriorityOf(complaint.Severity);
                    Record(slot, priority, tier, complaint.Customer, ticket: false);
                    kpiMeasurement.AddComplaint(complaint);
                    AddFacts(facts, ComplaintScoreFacts.From(complaint, at));
                    rows?.Add(CaseRow.Of(complaint.Id.Value, "complaint", complaint.ReceivedAt, complaint.CustomerTier ?? tier, evaluated, catalog, zone));
                    NoteTeams(complaint, teams);

                    if (!complaint.IsFinal)
                    {
                        open.Add(new OpenCase(complaint.Id.Value, "Complaint", complaint.ReceivedAt, tier, priority, complaint.Investigation?.Person.Value ?? Unassigned, [.. evaluated.Own.Statuses],
                            complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.CallbackCompleted, evaluated.Agreements));
                    }
                }

                (results[slot], slaFacts[slot], breachHolders[slot]) = (null!, null!, null!);
            }
        }

        var phase = System.Diagnostics.Stopwatch.StartNew();
        for (var first = 0; first < total; first += block)
        {
            var count = Math.Min(block, total - first);
            phase.Restart();
            Evaluate(first, count);
            evaluating += phase.Elapsed;
            phase.Restart();
            Attribute(first, count);
            attributing += phase.Elapsed;
            phase.Restart();
            CountBlock(first, count);
            counting += phase.Elapsed;
        }

        timings?.Add(("evaluation", evaluating));
        timings?.Add(("score facts", attributing));
        timer.Restart();

        // Callbacks and visits count for whoever made them, as the log names them; the rating and a missed one count for or
        // against the holder of the case they followed. Nobody else is credited.
        var ticketsById = simulation.Tickets.ToDictionary(t => t.Id);
        var complaintsById = simulation.Complaints.ToDictionary(c => c.Id);
        foreach (var visit in simulation.Visits)
        {
            var handler = visit.Subject.Ticket is { } ticketId && ticketsById.TryGetValue(ticketId, out var followed) ? followed.Assignee
                : visit.Subject.Complaint is { } complaintId && complaintsById.TryGetValue(complaintId, out var complaint) ? complaint.Investigation?.Person
                : null;
            facts.AddRange(VisitScoreFacts.From(visit, handler, at));
            kpiMeasurement.AddVisit(visit);
        }

        timings?.Add(("counting", counting + timer.Elapsed));
        timer.Restart();
        var firstDay = simulation.Start.InZone(zone).Date;
        var lastDay = simulation.End.InZone(zone).Date;
        // Scores are kept to the two decimals the report shows before they are ranked, so equal-looking scores are equal ranks.
        var scorecards = scoring.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts), new Interval(simulation.Start - Duration.FromDays(1), at + Duration.Epsilon))
            .Select(card => card with { Total = Math.Round(card.Total, 2, MidpointRounding.AwayFromZero) }).ToList();
        var standings = Standings.Evaluate(scorecards, standingRules)
            .Where(s => s.Scorecard.Subject.Kind == ScoreSubjectKind.Staff).ToList();
        var kpis = ServiceKpis.CheckObjectives(agreement, kpiMeasurement.Actuals());

        var compliance = ComplianceRow.Table(samples.Samples(), targets, versions, catalog, agreement);

        var recorded = simulation.Tickets.SelectMany(t => t.Escalation.Escalations).Concat(simulation.Complaints.SelectMany(c => c.Escalation.Escalations)).ToList();
        return new Report(
            new ReportPeriod(Labels.IsoDate(firstDay), Labels.IsoDate(lastDay), Labels.IsoTime(at, zone), zone.Id, agreement.Reference.ToString(), agreement.Name,
                Labels.Period(firstDay, lastDay), Labels.Time(at, zone)),
            new Totals(simulation.Customers.Count, simulation.Tickets.Count, simulation.Complaints.Count, simulation.Visits.Count, open.Count, breaches.Count),
            TierCount.Of(simulation.Customers, tiers, firstDay.Year, trust),
            [.. kpis.Select(r => new KpiRow(
                Labels.Kpi(r.Objective.Kpi), Labels.Objective(r.Objective.Comparison, r.Objective.ThresholdPercent), r.Actual.Numerator, r.Actual.Denominator, Labels.Round(r.Actual.Percent),
                Labels.Verdict(r.Verdict)))],
            compliance,
            choice.Versions(zone),
            choice.ComplianceByKind(),
            Backlog.Of(open, at, zone),
            Breaches.Of(breaches, teams),
            [.. recorded.GroupBy(e => (e.Level, e.Reason)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
                .Select(g => new EscalationRow(g.Key.Level, Labels.Reason(g.Key.Reason), g.Count()))],
            [.. due.OrderBy(e => e.Key.Level).ThenBy(e => e.Key.Reason, StringComparer.Ordinal).Select(e => new EscalationRow(e.Key.Level, Labels.Reason(e.Key.Reason), e.Value))],
            [.. recorded.GroupBy(e => e.EscalatedAt.InZone(zone).Date).OrderBy(g => g.Key).Select(g => new DayCount(Labels.IsoDate(g.Key), g.Count()))],
            Callbacks.Of(simulation),
            StaffStandings.Of(standings, standingRules, teams),
            Credits.Of(simulation.Customers, tiers, byCustomer, creditPolicy, simulation.End, at, lastDay.Year),
            rows);
    }

    /// <summary>How many cases are evaluated before they are counted: enough to keep both cores busy, few enough that their evaluations are a small part of memory.</summary>
    private const int BlockSize = 1024;

    /// <summary>Whether a case's own evaluation has a clock that was met or missed (only those have holders to credit or blame).</summary>
    private static bool Decided(SlaEvaluation own)
    {
        var statuses = own.Statuses;
        for (var s = 0; s < statuses.Count; s++)
        {
            if (statuses[s].State is SlaState.Met or SlaState.Missed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>From the allocating evaluation of a case's main agreement: its score facts, and who held it at each breach.</summary>
    private static (IReadOnlyList<ScoreFact> Facts, IReadOnlyList<string> Holders) HoldersOf(SlaEvaluation detailed, string id)
    {
        List<string>? holders = null;
        var (statuses, breakdowns) = (detailed.Statuses, detailed.Breakdowns);
        for (var s = 0; s < statuses.Count; s++)
        {
            var status = statuses[s];
            if (!status.IsMissed)
            {
                continue;
            }

            SlaBreakdown? breakdown = null;
            for (var b = 0; b < breakdowns.Count && breakdown is null; b++)
            {
                breakdown = breakdowns[b].Metric == status.Metric && breakdowns[b].Agreement == status.Agreement ? breakdowns[b] : null;
            }

            (holders ??= []).Add(breakdown?.AtBreach?.Assignee?.Value ?? Unassigned);
        }

        return (SlaScoreFacts.From(detailed, id), holders ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>Appends a case's facts by index (no enumerator or interface copy for the many small lists).</summary>
    private static void AddFacts(List<ScoreFact> facts, IReadOnlyList<ScoreFact> more)
    {
        for (var i = 0; i < more.Count; i++)
        {
            facts.Add(more[i]);
        }
    }

    /// <summary>The holder of a case nobody was assigned to yet.</summary>
    public const string Unassigned = "(unassigned)";

    /// <summary>The team each member of staff works in, as the events name it (so a replayed log's staff are described by the log).</summary>
    private static void NoteTeams(Ticket ticket, Dictionary<string, string> teams)
    {
        foreach (var e in ticket.History)
        {
            switch (e)
            {
                case TicketAssigned { Department: { } department } a:
                    teams[a.Assignee.Value] = department.Value;
                    break;
                case TicketTransferred { Department: { } department } t:
                    teams[t.To.Value] = department.Value;
                    break;
            }
        }
    }

    private static void NoteTeams(Complaint complaint, Dictionary<string, string> teams)
    {
        foreach (var e in complaint.History)
        {
            if (e is InvestigationAssigned a)
            {
                teams[a.Person.Value] = a.Department.Value;
            }
        }
    }

    private static void Count(Dictionary<(int Level, string Reason), int> escalations, CaseAssessment assessment)
    {
        if (assessment.Escalation is { Step: { } step, ReasonCode: { } reason })
        {
            escalations[(step.Level, reason)] = escalations.GetValueOrDefault((step.Level, reason)) + 1;
        }
    }
}

/// <summary>
/// One case evaluated at the cut: the agreement it is escalated by, the agreements it recorded, its clocks under all of them,
/// the clocks of that one agreement, the assessment made from those, and (for the per-case rows only) every status the
/// evaluation gave, in its order.
/// </summary>
internal sealed record CaseEvaluation(
    AgreementVersion Main, IReadOnlyList<AgreementVersion> Chosen, IReadOnlyList<ClockOutcome> Clocks, SlaEvaluation Own, CaseAssessment Assessment,
    IReadOnlyList<SlaStatus>? All = null)
{
    /// <summary>The agreements the catalogue chose for the case, as it recorded them; the main agreement alone when it recorded none.</summary>
    public IReadOnlyList<AgreementVersion> Agreements => Chosen.Count > 0 ? Chosen : [Main];

    /// <summary>
    /// A ticket evaluated at <paramref name="at"/> (its history must end by then) as the report evaluates it: under every
    /// agreement it recorded, into <paramref name="buffer"/>; the clocks whose window opened and the statuses of its main
    /// agreement (the one it is escalated by); when <paramref name="all"/> is given, every status of the evaluation is added
    /// to it, in its order. Thread-safe for distinct buffers.
    /// </summary>
    public static (AgreementVersion Main, IReadOnlyList<AgreementVersion> Chosen, ClockOutcome[] Clocks, SlaEvaluation Own) OfTicket(
        Ticket ticket, AgreementCatalog catalog, AgreementVersion fallback, ICalendarLookup lookup, Instant at, SlaStatus[] buffer, SlaStatus[]? ownBuffer = null,
        List<SlaStatus>? all = null)
    {
        var chosen = catalog.Recorded(ticket);
        var main = Under(ticket.Agreement, catalog, fallback, ticket.History[0].OccurredAt);
        var summary = chosen.Count > 1
            ? SlaClock.EvaluateTicket(ticket.History, chosen, lookup, at, buffer)
            : SlaClock.EvaluateTicket(ticket.History, main, lookup, at, buffer);
        all?.AddRange(buffer.AsSpan(0, summary.Count));
        var (clocks, own) = Split(buffer.AsSpan(0, summary.Count), main, summary, ownBuffer);
        return (main, chosen, clocks, own);
    }

    /// <summary>
    /// A complaint evaluated at <paramref name="at"/> (its history must end by then) as the report evaluates it: under every
    /// agreement it recorded when it recorded the customer's tier, otherwise under its main agreement for <paramref name="tier"/>;
    /// when <paramref name="all"/> is given, every status of the evaluation is added to it, in its order.
    /// </summary>
    public static (AgreementVersion Main, IReadOnlyList<AgreementVersion> Chosen, ClockOutcome[] Clocks, SlaEvaluation Own) OfComplaint(
        Complaint complaint, ServiceTier tier, AgreementCatalog catalog, AgreementVersion fallback, ICalendarLookup lookup, Instant at, SlaStatus[] buffer,
        SlaStatus[]? ownBuffer = null, List<SlaStatus>? all = null)
    {
        var chosen = catalog.Recorded(complaint);
        var main = Under(complaint.Agreement, catalog, fallback, complaint.History[0].OccurredAt);
        var summary = chosen.Count > 1 && complaint.CustomerTier is not null
            ? SlaClock.EvaluateComplaint(complaint.History, chosen, lookup, at, buffer)
            : SlaClock.EvaluateComplaint(complaint.History, tier, main, lookup, at, buffer);
        all?.AddRange(buffer.AsSpan(0, summary.Count));
        var (clocks, own) = Split(buffer.AsSpan(0, summary.Count), main, summary, ownBuffer);
        return (main, chosen, clocks, own);
    }

    /// <summary>
    /// The agreement a case is escalated by: the version it recorded (at its opening, or at the host's last recompute), or
    /// the version of <paramref name="fallback"/>'s agreement in force when it began (the run checks there is one).
    /// </summary>
    private static AgreementVersion Under(AgreementReference? recorded, AgreementCatalog catalog, AgreementVersion fallback, Instant start) =>
        recorded is { } reference && catalog.Find(reference) is { } found ? found : catalog.VersionInForce(fallback.Id, start) ?? fallback;

    /// <summary>
    /// From an allocation-free evaluation: the outcome of each clock whose window opened (an OLA of a team that never held
    /// the case, or a contract never referred to, is no promise kept or broken), and the statuses of <paramref name="main"/>
    /// as an evaluation of their own: in <paramref name="ownBuffer"/> when it is given and long enough (the evaluation is then
    /// only good until the buffer is reused), otherwise in an array of its own.
    /// </summary>
    public static (ClockOutcome[] Clocks, SlaEvaluation Own) Split(ReadOnlySpan<SlaStatus> statuses, AgreementVersion main, SlaEvaluationSummary summary, SlaStatus[]? ownBuffer = null)
    {
        var (opened, mine) = (0, 0);
        foreach (ref readonly var status in statuses)
        {
            opened += status.State != SlaState.NotApplicable ? 1 : 0;
            mine += status.Agreement == main.Reference ? 1 : 0;
        }

        var (clocks, own) = (new ClockOutcome[opened], ownBuffer is { } reused && reused.Length >= mine ? reused : new SlaStatus[mine]);
        var (nextClock, nextOwn) = (0, 0);
        foreach (ref readonly var status in statuses)
        {
            if (status.State != SlaState.NotApplicable)
            {
                clocks[nextClock++] = new ClockOutcome(status.Agreement, status.State);
            }

            if (status.Agreement == main.Reference)
            {
                own[nextOwn++] = status;
            }
        }

        IReadOnlyList<SlaStatus> ownStatuses = own.Length == mine ? own : new ArraySegment<SlaStatus>(own, 0, mine);
        return (clocks, new SlaEvaluation(ownStatuses, summary.NextChangeAt) { CalendarName = summary.CalendarName });
    }
}

/// <summary>
/// The clocks the compliance table groups by metric, priority and tier, kept as counts and the elapsed times of decided
/// clocks rather than a sample per clock: the same groups, counts and percentiles as the samples themselves, in less memory.
/// </summary>
internal sealed class ComplianceTally
{
    private readonly Dictionary<(Metric Metric, Priority Priority, ServiceTier Tier), Group> _groups = [];

    /// <summary>Counts one clock (its state, and its elapsed time when it was met or missed) under <paramref name="key"/>.</summary>
    public void Add((Metric Metric, Priority Priority, ServiceTier Tier) key, in SlaStatus status)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new Group();
        }

        switch (status.State)
        {
            case SlaState.Met:
                group.Met.Add(status.Elapsed.ToInt64Nanoseconds());
                break;
            case SlaState.Missed:
                group.Missed.Add(status.Elapsed.ToInt64Nanoseconds());
                break;
            default:
                group.Others[status.State] = group.Others.GetValueOrDefault(status.State) + 1;
                break;
        }
    }

    /// <summary>The clocks again as compliance samples (without staff, department or period, which the table does not group by), group by group.</summary>
    public IEnumerable<ComplianceSample> Samples()
    {
        foreach (var ((metric, priority, tier), group) in _groups)
        {
            foreach (var elapsed in group.Met)
            {
                yield return new ComplianceSample(metric, SlaState.Met, Duration.FromNanoseconds(elapsed), priority, tier);
            }

            foreach (var elapsed in group.Missed)
            {
                yield return new ComplianceSample(metric, SlaState.Missed, Duration.FromNanoseconds(elapsed), priority, tier);
            }

            foreach (var (state, count) in group.Others)
            {
                for (var n = 0L; n < count; n++)
                {
                    yield return new ComplianceSample(metric, state, Duration.Zero, priority, tier);
                }
            }
        }
    }

    private sealed class Group
    {
        public List<long> Met { get; } = [];

        public List<long> Missed { get; } = [];

        public Dictionary<SlaState, long> Others { get; } = [];
    }
}

/// <summary>One clock of a case, as the compliance by agreement kind counts it: its agreement version and its state.</summary>
internal readonly record struct ClockOutcome(AgreementReference Agreement, SlaState State);

/// <summary>The period the cases cover (both days included) and when they were evaluated, in the centre's zone.</summary>
internal sealed record ReportPeriod(string From, string To, string EvaluatedAt, string Zone, string Agreement, string AgreementName,
    [property: JsonIgnore] string Words, [property: JsonIgnore] string EvaluatedAtWords);

internal sealed record Totals(int Customers, int Tickets, int Complaints, int Visits, int OpenCases, long Breaches);

/// <summary>
/// The customers of a tier: how many the annual re-selection moved into it from a lower or a higher tier on January 1, and how
/// many the trust policy would not let claim a refund without review.
/// </summary>
internal sealed record TierCount(string Tier, int Customers, int MovedUp, int MovedDown, int RefundNeedsReview)
{
    public static IReadOnlyList<TierCount> Of(IReadOnlyList<Customer> customers, IReadOnlyDictionary<CustomerId, ServiceTier> tiers, int year, ITrustPolicy trust)
    {
        var (before, from) = (new LocalDate(year - 1, 12, 31), new LocalDate(year, 1, 1));
        return [.. customers.GroupBy(c => tiers[c.Id]).OrderBy(g => Labels.TierOrder(g.Key)).Select(g => new TierCount(
            Labels.Tier(g.Key), g.Count(),
            g.Count(c => c.TierOn(from).Rank > c.TierOn(before).Rank), g.Count(c => c.TierOn(from).Rank < c.TierOn(before).Rank),
            g.Count(c => !trust.Authorize(c.TrustScore, "refund").Allowed)))];
    }
}

internal sealed record DayCount(string Date, int Count);

internal sealed record KpiRow(string Kpi, string Objective, long Numerator, long Denominator, decimal? ActualPercent, string Verdict);

internal sealed record ComplianceRow(
    string Metric, string Priority, string Tier, string Target, string Calendar, long Met, long Missed, long Running, long Cancelled, decimal? CompliancePercent, double? P90Hours,
    string Verdict)
{
    /// <summary>
    /// The compliance table: the clocks of the agreement each case is escalated by, grouped by metric, priority and tier
    /// (<paramref name="samples"/>), each group worded by the targets its clocks ran to (<paramref name="targets"/>: target,
    /// basis, calendar) and the agreement versions they fell under (<paramref name="versions"/>). The order of the samples and
    /// of the sets does not matter.
    /// </summary>
    public static IReadOnlyList<ComplianceRow> Table(
        IEnumerable<ComplianceSample> samples, IReadOnlyDictionary<(Metric, Priority, ServiceTier), HashSet<(Duration, TimeBasis, string?)>> targets,
        IReadOnlyDictionary<(Metric, Priority, ServiceTier), HashSet<AgreementReference>> versions, AgreementCatalog catalog, AgreementVersion agreement)
    {
        var slaObjective = agreement.Objectives.FirstOrDefault(o => o.Kpi == Kpi.SlaCompliance);
        return [.. ComplianceReport.Build(samples, ComplianceDimensions.Metric | ComplianceDimensions.Tier | ComplianceDimensions.Priority)
            .OrderBy(g => g.Key.Metric).ThenBy(g => g.Key.Priority).ThenBy(g => Labels.TierOrder(g.Key.Tier!.Value))
            .Select(g =>
            {
                // The promise as the agreement words it for this priority and tier (the most specific target); the clocks' own
                // targets when the agreement has none (an investigation deadline is set per case).
                // The versions the group's cases fell under, and the cell each writes for them.
                var (metric, priority, tier) = (g.Key.Metric!.Value, g.Key.Priority!.Value, g.Key.Tier!.Value);
                var written = (versions.GetValueOrDefault((metric, priority, tier)) ?? [])
                    .Select(reference => catalog.Find(reference) ?? agreement).Distinct().OrderBy(a => a.Id.Value, StringComparer.Ordinal).ThenBy(a => a.Version)
                    .Select(a => (Agreement: a, Cell: a.Targets.Where(t => t.Metric == metric && t.Matches(priority, tier)).OrderByDescending(t => t.Specificity).FirstOrDefault()))
                    .ToList();
                var byVersion = written.Count > 0 && written.All(w => w.Cell is { Deadline: null });
                HashSet<(Duration, TimeBasis, string?)> promised = byVersion
                    ? [.. written.Select(w => (w.Cell!.Target, w.Cell.Basis, w.Agreement.CalendarName))]
                    : targets.GetValueOrDefault((metric, priority, tier)) ?? [];
                var target = promised.Count == 1 ? Labels.Target(promised.First().Item1, promised.First().Item2)
                    : metric == ServiceQuality.Domain.Agreements.Metric.InvestigationDeadline ? "by the deadline set for each case" : promised.Count == 0 ? "–"
                    : byVersion ? string.Join(", ", written.Select(w => $"{Labels.Target(w.Cell!.Target, w.Cell.Basis)} ({(written.All(o => o.Agreement.Id == w.Agreement.Id) ? $"v{w.Agreement.Version}" : w.Agreement.Reference)})")) : "varies by case";
                var calendars = promised.Select(p => Labels.Calendar(p.Item2, p.Item3)).Distinct().Order(StringComparer.Ordinal).ToList();
                var verdict = slaObjective is null || !g.Compliance.HasValue ? Labels.NoData : Labels.Verdict(ServiceKpis.Check(slaObjective, g.Compliance).Verdict);
                return new ComplianceRow(
                    Labels.Metric(g.Key.Metric.Value), Labels.Priority(g.Key.Priority.Value), Labels.Tier(g.Key.Tier.Value), target, string.Join(", ", calendars),
                    g.Met, g.Missed, g.Running, g.Cancelled, Labels.Round(g.Compliance.Percent), Labels.RoundHours(g.ElapsedP90?.TotalHours), verdict);
            })];

    }

    /// <summary>The calendar a clock of <paramref name="reference"/> runs on (the default agreement's for a version the catalogue does not hold).</summary>
    public static string? CalendarOf(AgreementReference reference, AgreementCatalog catalog, AgreementVersion agreement) =>
        catalog.Find(reference) is { } a ? a.CalendarName : agreement.CalendarName;
}

internal sealed record EscalationRow(int Level, string Reason, int Cases);

/// <summary>An agreement version of the catalogue and how many cases recorded it when they opened.</summary>
internal sealed record AgreementRow(string Agreement, string Name, string Kind, string Team, string InForce, int Tickets, int Complaints);

/// <summary>The clocks of the agreements of one kind (of an OLA, one team's), whatever the version; running includes paused.</summary>
internal sealed record AgreementComplianceRow(string Kind, string Agreements, long Met, long Missed, long Running, long Cancelled, decimal? CompliancePercent);

/// <summary>The catalogue's choice for each case, counted: the cases of each version, and the clocks of each agreement kind.</summary>
internal sealed class AgreementChoice(AgreementCatalog catalog)
{
    private readonly Dictionary<AgreementReference, (int Tickets, int Complaints)> _cases = [];
    private readonly Dictionary<AgreementReference, KindClocks> _byAgreement = [];
    private readonly Dictionary<(AgreementKind Kind, string? Team), KindClocks> _clocks = [];

    /// <summary>Counts a case under the versions it recorded, and its clocks under their agreements' kinds.</summary>
    public void Add(IReadOnlyList<AgreementVersion> recorded, bool ticket, IReadOnlyList<ClockOutcome> clocksOfCase)
    {
        for (var i = 0; i < recorded.Count; i++)
        {
            var reference = recorded[i].Reference;
            var (tickets, complaints) = _cases.GetValueOrDefault(reference);
            _cases[reference] = ticket ? (tickets + 1, complaints) : (tickets, complaints + 1);
        }

        for (var i = 0; i < clocksOfCase.Count; i++)
        {
            Count(clocksOfCase[i], 1);
        }
    }

    /// <summary>Counts <paramref name="times"/> clocks with <paramref name="status"/>'s agreement and state under their agreement's kind.</summary>
    public void Count(ClockOutcome status, long times)
    {
        // The kind (and the version's name among the kind's versions) is looked up once per agreement version.
        if (!_byAgreement.TryGetValue(status.Agreement, out var clocks))
        {
            var version = catalog.Find(status.Agreement);
            var key = (version?.Kind ?? AgreementKind.ServiceLevel, version?.Team?.Value);
            if (!_clocks.TryGetValue(key, out clocks))
            {
                _clocks[key] = clocks = new KindClocks();
            }

            clocks.Versions.Add(status.Agreement.ToString());
            _byAgreement[status.Agreement] = clocks;
        }

        switch (status.State)
        {
            case SlaState.Met:
                clocks.Met += times;
                break;
            case SlaState.Missed:
                clocks.Missed += times;
                break;
            case SlaState.Cancelled:
                clocks.Cancelled += times;
                break;
            default:
                clocks.Running += times;
                break;
        }
    }

    /// <summary>The clocks of one agreement kind (of an OLA, one team's) and the versions they fell under.</summary>
    private sealed class KindClocks
    {
        public long Met { get; set; }

        public long Missed { get; set; }

        public long Running { get; set; }

        public long Cancelled { get; set; }

        public SortedSet<string> Versions { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Every version of the catalogue, in its order, with the cases that recorded it.</summary>
    public IReadOnlyList<AgreementRow> Versions(DateTimeZone zone) =>
    [
        .. catalog.Versions.Select(v => (Version: v, Cases: _cases.GetValueOrDefault(v.Reference))).Select(v => new AgreementRow(
            v.Version.Reference.ToString(), v.Version.Name, Labels.AgreementKind(v.Version.Kind), v.Version.Team?.Value ?? "–",
            Labels.InForce(v.Version.EffectiveFrom, v.Version.EffectiveUntil, zone), v.Cases.Tickets, v.Cases.Complaints)),
    ];

    /// <summary>The clocks by kind: the customer SLA, each team's OLA, the underpinning contracts.</summary>
    public IReadOnlyList<AgreementComplianceRow> ComplianceByKind() =>
    [
        .. _clocks.OrderBy(c => c.Key.Kind).ThenBy(c => c.Key.Team, StringComparer.Ordinal).Select(c => new AgreementComplianceRow(
            Labels.AgreementKind(c.Key.Kind) + (c.Key.Team is { } team ? $": {team}" : string.Empty), string.Join(", ", c.Value.Versions),
            c.Value.Met, c.Value.Missed, c.Value.Running, c.Value.Cancelled, Labels.Round(new Ratio(c.Value.Met, c.Value.Met + c.Value.Missed).Percent))),
    ];
}

/// <summary>An open case, its clocks at the evaluation instant, and the agreements the catalogue chose for it.</summary>
internal sealed record OpenCase(
    string Id, string Kind, Instant Opened, ServiceTier Tier, Priority Priority, string Holder, IReadOnlyList<SlaStatus> Clocks, bool Resolved, IReadOnlyList<AgreementVersion> Agreements);

/// <summary>The open cases: how many are overdue, at risk (by the warning stage reached), on track or only waiting to be closed; the oldest listed.</summary>
internal sealed record Backlog(int Open, IReadOnlyList<BacklogRow> ByState, IReadOnlyList<OpenCaseRow> Oldest)
{
    public const string Overdue = "Overdue";
    public const string OnTrack = "On track";
    public const string AwaitingClosure = "Resolved, awaiting closure";
    public const string NoClock = "No clock running";

    public static Backlog Of(IReadOnlyList<OpenCase> open, Instant at, DateTimeZone zone)
    {
        var described = open.Select(c => (Case: c, State: StateOf(c, out var clock), Clock: clock)).ToList();
        var order = new List<string> { Overdue };
        order.AddRange(described.Select(d => d.State).Where(s => s.StartsWith("At risk", StringComparison.Ordinal)).Distinct().OrderByDescending(s => s, StringComparer.Ordinal));
        order.AddRange([OnTrack, AwaitingClosure, NoClock]);
        var byState = order
            .Select(state => (State: state, Cases: described.Where(d => d.State == state).ToList()))
            .Where(s => s.Cases.Count > 0 || s.State == Overdue || s.State == OnTrack)
            .Select(s => new BacklogRow(s.State, s.Cases.Count, s.Cases.Count == 0 ? null : Labels.IsoTime(s.Cases.Min(c => c.Case.Opened), zone)))
            .ToList();
        var oldest = described.Where(d => d.State != AwaitingClosure).OrderBy(d => d.Case.Opened).ThenBy(d => d.Case.Id, StringComparer.Ordinal).Take(Report.OldestShown)
            .Select(d => new OpenCaseRow(
                d.Case.Id, d.Case.Kind, Labels.IsoTime(d.Case.Opened, zone), Math.Max(0, (int)(at - d.Case.Opened).TotalDays),
                Labels.Tier(d.Case.Tier), Labels.Priority(d.Case.Priority), d.State, d.Clock is { } c ? Labels.Metric(c.Metric) : "–",
                d.Clock?.DueAt is { } dueAt ? Labels.IsoTime(dueAt, zone) : null, d.Case.Holder,
                [.. d.Case.Agreements.Select(a => a.Reference.ToString())], Labels.Agreements(d.Case.Agreements)))
            .ToList();
        return new Backlog(open.Count, byState, oldest);
    }

    private static string StateOf(OpenCase c, out SlaStatus? clock)
    {
        var running = c.Clocks.Where(s => s.StoppedAt is null && s.State is SlaState.Running or SlaState.Paused or SlaState.Missed).ToList();
        var overdue = running.Where(s => s.IsMissed).OrderBy(s => s.DueAt).ToList();
        if (overdue.Count > 0)
        {
            clock = overdue[0];
            return Overdue;
        }

        var atRisk = running.Where(s => s.Stages.Count > 0).OrderByDescending(s => s.Stages[^1].Percent).ThenBy(s => s.DueAt).ToList();
        if (atRisk.Count > 0)
        {
            clock = atRisk[0];
            return $"At risk: {Labels.Percent(atRisk[0].Stages[^1].Percent)} of the time used";
        }

        clock = running.OrderBy(s => s.DueAt).Cast<SlaStatus?>().FirstOrDefault();
        return running.Count > 0 ? OnTrack : c.Resolved ? AwaitingClosure : NoClock;
    }
}

internal sealed record BacklogRow(string State, int Cases, string? OldestOpenedAt);

/// <summary>One of the oldest open cases; <paramref name="Agreements"/> are the versions the catalogue chose for it, <paramref name="AgreementsWords"/> the same in short.</summary>
internal sealed record OpenCaseRow(
    string Case, string Kind, string OpenedAt, int AgeDays, string Tier, string Priority, string State, string Clock, string? DueAt, string HeldBy, IReadOnlyList<string> Agreements,
    [property: JsonIgnore] string AgreementsWords);

/// <summary>The promises broken, by who held the case when each broke.</summary>
internal sealed record Breaches(long Total, IReadOnlyList<HolderRow> ByHolder, int OtherHolders, long OtherBreaches)
{
    public static Breaches Of(IReadOnlyList<(string Holder, bool Ticket)> breaches, IReadOnlyDictionary<string, string> teams)
    {
        var all = breaches.GroupBy(b => b.Holder)
            .Select(g => new HolderRow(g.Key, teams.GetValueOrDefault(g.Key, "–"), g.LongCount(b => b.Ticket), g.LongCount(b => !b.Ticket), g.LongCount()))
            .OrderByDescending(h => h.Total).ThenBy(h => h.Holder, StringComparer.Ordinal).ToList();

        // The first ten, and everyone tied with the tenth: a cut never separates equals.
        var shown = all.Count <= Report.HoldersShown ? all : all.TakeWhile((h, i) => i < Report.HoldersShown || h.Total == all[Report.HoldersShown - 1].Total).ToList();
        return new Breaches(breaches.Count, shown, all.Count - shown.Count, all.Skip(shown.Count).Sum(h => h.Total));
    }
}

internal sealed record HolderRow(string Holder, string Team, long Tickets, long Complaints, long Total);

/// <summary>Callbacks and visits: how many were required, done and reached, by kind; and satisfaction per dimension.</summary>
internal sealed record Callbacks(IReadOnlyList<VisitRow> ByKind, int WaivedComplaintCallbacks, IReadOnlyList<DimensionRow> Satisfaction)
{
    public static Callbacks Of(Cases cases)
    {
        var byKind = cases.Visits.GroupBy(v => (v.Kind, Complaint: v.Subject.Complaint is not null, Ticket: v.Subject.Ticket is not null))
            .OrderBy(g => g.Key.Kind).ThenByDescending(g => g.Key.Complaint).ThenByDescending(g => g.Key.Ticket)
            .Select(g => new VisitRow(
                Labels.VisitKind(g.Key.Kind) + (g.Key.Complaint ? " after a complaint" : g.Key.Ticket ? " after a ticket" : " (tier entitlement)"),
                g.Count(), g.Count(v => v.Status == VisitStatus.Completed), g.Count(v => v.CustomerReached), g.Count(v => v.Status == VisitStatus.Missed),
                g.Count(v => v.Status == VisitStatus.Cancelled), g.Count(v => v.Status == VisitStatus.Planned)))
            .ToList();
        var rated = cases.Visits.Where(v => v.Status == VisitStatus.Completed).ToList();
        var dimensions = rated.SelectMany(v => v.Dimensions.Select(d => (Dimension: Labels.Dimension(d.Key), Rating: d.Value)))
            .Concat(rated.Where(v => v.Overall is not null).Select(v => (Dimension: "Overall", Rating: v.Overall!.Value)))
            .GroupBy(d => d.Dimension)
            .OrderBy(g => g.Key == "Overall" ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DimensionRow(
                g.Key, g.Count(), Labels.Round(g.Count(d => d.Rating >= SatisfactionRating.Satisfied) * 100m / g.Count()),
                Labels.Round(g.Count(d => d.Rating == SatisfactionRating.VerySatisfied) * 100m / g.Count()),
                g.Count(d => d.Rating <= SatisfactionRating.Dissatisfied)))
            .ToList();
        return new Callbacks(byKind, cases.Complaints.Count(c => c.CallbackWaiverReason is not null), dimensions);
    }
}

internal sealed record VisitRow(string Kind, int Required, int Done, int Reached, int Missed, int Cancelled, int StillPlanned);

internal sealed record DimensionRow(string Dimension, int Ratings, decimal? SatisfiedPercent, decimal? VerySatisfiedPercent, int Dissatisfied);

/// <summary>Every member of staff's standing as the rules give it: rank (ties share it), score, card, stars, complaint-free title.</summary>
internal sealed record StaffStandings(
    int Staff, int RedCards, int YellowCards, IReadOnlyList<StarCount> Stars, int ComplaintFree, int BottomFlagged, string Rules, decimal YellowBelow, decimal RedBelow,
    IReadOnlyList<StandingRow> Standings, IReadOnlyList<int> ScoreDistribution)
{
    public static StaffStandings Of(IReadOnlyList<Standing> standings, StandingRules rules, IReadOnlyDictionary<string, string> teams)
    {
        var rows = standings.Select(s => new StandingRow(
                s.Rank, standings.Count(o => o.Rank == s.Rank) > 1, s.Scorecard.Subject.Id, teams.GetValueOrDefault(s.Scorecard.Subject.Id, "–"), s.Scorecard.Total,
                Labels.Card(s.Card), s.Stars, s.ComplaintFree, s.BottomFlagged))
            .ToList();
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var words = string.Create(ci, $"yellow card below {rules.YellowBelow}, red card below {rules.RedBelow}; stars from {string.Join(", ", rules.StarsFrom.Select(s => s.ToString(ci)))}; bottom {rules.BottomSharePercent} % flagged");
        return new StaffStandings(
            rows.Count, standings.Count(s => s.Card == CardColour.Red), standings.Count(s => s.Card == CardColour.Yellow),
            [.. Enumerable.Range(0, rules.StarsFrom.Count + 1).Reverse().Select(n => new StarCount(n, standings.Count(s => s.Stars == n)))],
            standings.Count(s => s.ComplaintFree), standings.Count(s => s.BottomFlagged), words, rules.YellowBelow, rules.RedBelow, rows,
            [.. Enumerable.Range(0, 10).Select(bucket => standings.Count(s => Math.Clamp((int)(s.Scorecard.Total / 10), 0, 9) == bucket))]);
    }
}

internal sealed record StarCount(int Stars, int Staff);

internal sealed record StandingRow(int Rank, bool Tied, string Staff, string Team, decimal Score, string Card, int Stars, bool ComplaintFree, bool BottomFlagged);

/// <summary>Service credits owed to key accounts: each account's compliance over the period against the credit policy, on a month's fee.</summary>
internal sealed record Credits(string Policy, string Fee, int KeyAccounts, int Owed, decimal Total, string Currency, IReadOnlyList<CreditReasonRow> ByReason, IReadOnlyList<CreditRow> Largest)
{
    public static Credits Of(
        IReadOnlyList<Customer> customers, IReadOnlyDictionary<CustomerId, ServiceTier> tiers, IReadOnlyDictionary<CustomerId, (long Met, long Missed)> compliance,
        IServiceCreditPolicy policy, Instant periodEnd, Instant claimedAt, int year)
    {
        var credits = new List<(Customer Customer, Ratio Compliance, Money Fee, ServiceCredit Credit)>();
        foreach (var customer in customers.Where(c => tiers[c.Id] == ServiceTier.Key))
        {
            // A key account's monthly fee is a twelfth of its spend the year before.
            if (customer.SpendIn(year - 1) is not { } spend)
            {
                continue;
            }

            var fee = new Money(Math.Round(spend.Amount / 12m, 2), spend.Currency);
            var (met, missed) = compliance.GetValueOrDefault(customer.Id);
            var ratio = new Ratio(met, met + missed);
            credits.Add((customer, ratio, fee, policy.Compute(new ServiceCreditRequest(ratio, fee, periodEnd, claimedAt))));
        }

        var owed = credits.Where(c => c.Credit.Amount.Amount > 0).ToList();
        var currency = credits.Count == 0 ? "CNY" : credits[0].Fee.Currency;
        return new Credits(
            policy.Description, "a month's fee: a twelfth of the account's spend the year before", credits.Count, owed.Count, Math.Round(owed.Sum(c => c.Credit.Amount.Amount), 2), currency,
            [.. credits.GroupBy(c => (c.Credit.ReasonCode, c.Credit.SharePercent)).OrderByDescending(g => g.Key.SharePercent).ThenBy(g => g.Key.ReasonCode, StringComparer.Ordinal)
                .Select(g => new CreditReasonRow(Labels.CreditReason(g.Key.ReasonCode), g.Key.SharePercent, g.Count(), Math.Round(g.Sum(c => c.Credit.Amount.Amount), 2)))],
            [.. owed.OrderByDescending(c => c.Credit.Amount.Amount).ThenBy(c => c.Customer.Id.Value, StringComparer.Ordinal).Take(Report.CreditsShown)
                .Select(c => new CreditRow(c.Customer.Id.Value, c.Compliance.Numerator, c.Compliance.Denominator - c.Compliance.Numerator, Labels.Round(c.Compliance.Percent),
                    c.Fee.Amount, c.Credit.SharePercent, Math.Round(c.Credit.Amount.Amount, 2), Labels.CreditReason(c.Credit.ReasonCode)))]);
    }
}

internal sealed record CreditReasonRow(string Reason, decimal SharePercent, int Accounts, decimal Amount);

internal sealed record CreditRow(string Customer, long Met, long Missed, decimal? CompliancePercent, decimal Fee, decimal SharePercent, decimal Amount, string Reason);

/// <summary>
/// One case at the evaluation instant (JSON with <c>--cases</c> only): when it opened, the customer tier it was evaluated for (the
/// tier it recorded; a complaint that recorded none, its customer's tier at the evaluation instant), the agreements the
/// catalogue chose for it (the customer SLA version first, then the others as the case recorded them), the clocks of every
/// agreement the report evaluated it under, each naming its agreement, and the escalation decision. The main agreement's
/// clocks are all there; another agreement's only when their window opened (an OLA of a team that never held the case, or
/// a contract for a case never referred, is no promise, as in the compliance by agreement kind).
/// </summary>
internal sealed record CaseRow(
    string Id, string Kind, string OpenedAt, string Tier, IReadOnlyList<string> Agreements, IReadOnlyList<StatusRow> Statuses, int? EscalationLevel, string? EscalationReason, string? NextChangeAt)
{
    public static CaseRow Of(string id, string kind, Instant opened, ServiceTier tier, CaseEvaluation evaluated, AgreementCatalog catalog, DateTimeZone zone)
    {
        var assessment = evaluated.Assessment;
        return new(
            id, kind, Labels.IsoTime(opened, zone), Labels.Tier(tier), [.. evaluated.Agreements.Select(a => a.Reference.ToString())],
            [.. (evaluated.All ?? evaluated.Own.Statuses).Where(s => s.Agreement == evaluated.Main.Reference || s.State != SlaState.NotApplicable).Select(s => StatusRow.Of(s, catalog.Find(s.Agreement)?.Kind ?? AgreementKind.ServiceLevel, zone))],
            assessment.Escalation.Step?.Level, assessment.Escalation.ReasonCode, assessment.NextChangeAt is { } next ? Labels.IsoTime(next, zone) : null);
    }
}

/// <summary>One clock of a case: its agreement version and that agreement's kind in words, then the clock itself.</summary>
internal sealed record StatusRow(
    string Agreement, string AgreementKind, string Metric, string State, double TargetHours, string Basis, double ElapsedHours, string? DueAt, string? BreachedAt,
    IReadOnlyList<StageRow> Stages, int Cycle)
{
    public static StatusRow Of(SlaStatus s, AgreementKind kind, DateTimeZone zone) => new(
        s.Agreement.ToString(), Labels.AgreementKind(kind), s.Metric.ToString(), s.State.ToString(), Math.Round(s.Target.TotalHours, 2), s.Basis.ToString(),
        Math.Round(s.Elapsed.TotalHours, 2), s.DueAt is { } dueAt ? Labels.IsoTime(dueAt, zone) : null, s.BreachedAt is { } breached ? Labels.IsoTime(breached, zone) : null,
        [.. s.Stages.Select(stage => new StageRow(stage.Percent, Labels.IsoTime(stage.At, zone)))], s.Cycle);
}

internal sealed record StageRow(decimal Percent, string At);
