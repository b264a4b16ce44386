using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Scoring;

namespace ServiceDesk;

/// <summary>The sample's report: a plain data shape that the text, markdown and JSON writers render.</summary>
internal sealed record Report(
    string Period, int Customers, int Tickets, int Complaints, int Visits,
    IReadOnlyList<TierCount> Tiers,
    IReadOnlyList<ComplianceRow> Compliance,
    long Breaches,
    IReadOnlyList<EscalationRow> Escalations,
    IReadOnlyList<EscalationRow> EscalationsRecorded,
    IReadOnlyList<StandingRow> TopStaff,
    IReadOnlyList<StandingRow> BottomStaff,
    int ComplaintFreeStaff,
    IReadOnlyList<KpiRow> Kpis,
    IReadOnlyList<int> ScoreDistribution,
    IReadOnlyList<DayCount> EscalationsPerDay,
    IReadOnlyList<CaseRow> Cases)
{
    public static Report Build(
        Cases simulation, ServiceLevelAgreement agreement, IReadOnlyDictionary<string, ServiceLevelAgreement> agreements, CaseAssessor assessor, ScoringEngine scoring,
        StandingRules standingRules, Instant at)
    {
        var samples = new List<ComplianceSample>();
        var statuses = new List<SlaStatus>();
        var facts = new List<ScoreFact>();
        var escalations = new Dictionary<(int Level, string Reason), int>();
        var rows = new List<CaseRow>();
        var tiers = simulation.Customers.ToDictionary(c => c.Id, c => c.TierOn(at.InZone(ServiceCentre.Zone).Date));
        foreach (var ticket in simulation.Tickets)
        {
            var under = ticket.Agreement is { } reference && agreements.TryGetValue(reference.Id.Value, out var named) ? named : agreement;
            var assessment = assessor.AssessTicket(ticket, under, at);
            Count(escalations, assessment);
            rows.Add(CaseRow.Of(ticket.Id.Value, "ticket", assessment));
            foreach (var status in assessment.Sla.Statuses)
            {
                statuses.Add(status);
                samples.Add(ComplianceSample.From(status, ticket.Priority, ticket.CustomerTier, ticket.Assignee, ticket.Department));
                if (ticket.Assignee is { } staff && status.State is SlaState.Met or SlaState.Missed)
                {
                    facts.Add(new ScoreFact(ScoreSubject.Staff(staff), status.IsMissed ? FactKind.SlaMissed : FactKind.SlaMet, status.StoppedAt ?? at, Evidence: ticket.Id.Value));
                }
            }
        }

        // Each complaint is assessed from the level it has reached, knowing the customer's other complaints (repeat rule).
        var receipts = simulation.Complaints.ToLookup(c => c.Customer, c => c.ReceivedAt);
        foreach (var complaint in simulation.Complaints)
        {
            var others = receipts[complaint.Customer].Where(received => received != complaint.ReceivedAt).ToList();
            var under = simulation.ComplaintAgreements.TryGetValue(complaint.Id, out var reference) && agreements.TryGetValue(reference.Id.Value, out var named) ? named : agreement;
            var assessment = assessor.AssessComplaint(complaint, tiers[complaint.Customer], under, at, others);
            Count(escalations, assessment);
            rows.Add(CaseRow.Of(complaint.Id.Value, "complaint", assessment));
            foreach (var status in assessment.Sla.Statuses)
            {
                statuses.Add(status);
                samples.Add(ComplianceSample.From(status, SlaClock.PriorityOf(complaint.Severity), tiers[complaint.Customer], complaint.AgainstStaff, complaint.AgainstDepartment));
            }

            if (complaint is { AgainstStaff: { } staff, Verdict: { } verdict })
            {
                var kind = verdict.Outcome switch
                {
                    VerdictOutcome.Substantiated => FactKind.ComplaintSubstantiated,
                    VerdictOutcome.PartlySubstantiated => FactKind.ComplaintPartlySubstantiated,
                    _ => FactKind.ComplaintUnsubstantiated,
                };
                facts.Add(new ScoreFact(ScoreSubject.Staff(staff), kind, verdict.DecidedAt, Evidence: complaint.Id.Value));
            }
        }

        var ticketsById = simulation.Tickets.ToDictionary(t => t.Id);
        foreach (var visit in simulation.Visits)
        {
            var handler = visit.Subject.Ticket is { } ticketId && ticketsById.TryGetValue(ticketId, out var followed) ? followed.Assignee : null;
            if (handler is { } staff && visit.Overall is { } rating)
            {
                facts.Add(new ScoreFact(ScoreSubject.Staff(staff), FactKind.SatisfactionRating, visit.EndedAt!.Value, (int)rating, visit.Id.Value));
            }

            facts.Add(new ScoreFact(ScoreSubject.Staff(ServiceCentre.Staff[0]), visit.Status == VisitStatus.Completed ? FactKind.CallbackDone : FactKind.CallbackMissed, visit.EndedAt ?? at, Evidence: visit.Id.Value));
        }

        var period = new Interval(simulation.Start - Duration.FromDays(1), at + Duration.FromDays(60));
        var standings = Standings.Evaluate(scoring.Score(facts, period), standingRules);
        var complaintVisits = simulation.Visits.Where(v => v.Subject.Complaint is not null).ToList();
        var actuals = new Dictionary<Kpi, Ratio>
        {
            [Kpi.SatisfactionRate] = ServiceKpis.SatisfactionRate(simulation.Visits),
            [Kpi.ClosingRate] = ServiceKpis.ClosingRate(simulation.Tickets),
            [Kpi.ComplaintRate] = ServiceKpis.ComplaintRate(simulation.Complaints.Count, simulation.Tickets.Count),
            [Kpi.CallbackRate] = ServiceKpis.CallbackRate(complaintVisits),
            [Kpi.SlaCompliance] = ServiceKpis.SlaCompliance(statuses),
            [Kpi.FirstContactResolutionRate] = ServiceKpis.FirstContactResolution(simulation.Tickets),
        };

        var compliance = ComplianceReport.Build(samples, ComplianceDimensions.Metric | ComplianceDimensions.Tier | ComplianceDimensions.Priority)
            .Select(g => new ComplianceRow(g.Key.Metric!.Value.ToString(), g.Key.Tier!.Value.Code, g.Key.Priority!.Value.ToString(), g.Met, g.Missed, g.Running, g.Cancelled, g.Compliance.Percent, g.ElapsedP90?.TotalHours))
            .ToList();
        var staffStandings = standings.Where(s => s.Scorecard.Subject.Kind == ScoreSubjectKind.Staff).ToList();
        return new Report(
            $"{simulation.Start.InZone(ServiceCentre.Zone).Date:yyyy-MM-dd} to {simulation.End.InZone(ServiceCentre.Zone).Date:yyyy-MM-dd}, evaluated at {at}",
            simulation.Customers.Count, simulation.Tickets.Count, simulation.Complaints.Count, simulation.Visits.Count,
            [.. simulation.Customers.GroupBy(c => c.Tier).OrderByDescending(g => g.Key).Select(g => new TierCount(g.Key.Code, g.Count()))],
            compliance,
            statuses.LongCount(s => s.IsMissed),
            [.. escalations.OrderBy(e => e.Key.Level).ThenBy(e => e.Key.Reason, StringComparer.Ordinal).Select(e => new EscalationRow(e.Key.Level, e.Key.Reason, e.Value))],
            [.. simulation.Tickets.SelectMany(t => t.Escalation.Escalations).Concat(simulation.Complaints.SelectMany(c => c.Escalation.Escalations))
                .GroupBy(e => (e.Level, e.Reason))
                .OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
                .Select(g => new EscalationRow(g.Key.Level, g.Key.Reason, g.Count()))],
            [.. staffStandings.Take(5).Select(StandingRow.Of)],
            [.. staffStandings.TakeLast(5).Select(StandingRow.Of)],
            staffStandings.Count(s => s.ComplaintFree),
            [.. ServiceKpis.CheckObjectives(agreement, actuals).Select(r => new KpiRow(r.Objective.Kpi.ToString(), r.Objective.Comparison.ToString(), r.Objective.ThresholdPercent, r.Actual.Numerator, r.Actual.Denominator, r.Actual.Percent, r.Verdict.ToString()))],
            [.. Enumerable.Range(0, 10).Select(bucket => staffStandings.Count(s => Math.Min(9, (int)(s.Scorecard.Total / 10)) == bucket))],
            [.. simulation.Tickets.SelectMany(t => t.Escalation.Escalations).Concat(simulation.Complaints.SelectMany(c => c.Escalation.Escalations))
                .GroupBy(e => e.EscalatedAt.InZone(ServiceCentre.Zone).Date)
                .OrderBy(g => g.Key)
                .Select(g => new DayCount(g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), g.Count()))],
            rows);
    }

    private static void Count(Dictionary<(int Level, string Reason), int> escalations, CaseAssessment assessment)
    {
        if (assessment.Escalation is { Step: { } step, ReasonCode: { } reason })
        {
            escalations[(step.Level, reason)] = escalations.GetValueOrDefault((step.Level, reason)) + 1;
        }
    }
}

internal sealed record TierCount(string Tier, int Customers);

internal sealed record DayCount(string Date, int Count);

internal sealed record ComplianceRow(string Metric, string Tier, string Priority, long Met, long Missed, long Running, long Cancelled, decimal? CompliancePercent, double? ElapsedP90Hours);

internal sealed record EscalationRow(int Level, string Reason, int Cases);

internal sealed record StandingRow(string Staff, decimal Total, int Rank, string Card, int Stars, bool ComplaintFree)
{
    public static StandingRow Of(Standing s) => new(s.Scorecard.Subject.Id, Math.Round(s.Scorecard.Total, 2), s.Rank, s.Card.ToString(), s.Stars, s.ComplaintFree);
}

internal sealed record KpiRow(string Kpi, string Comparison, decimal ThresholdPercent, long Numerator, long Denominator, decimal? ActualPercent, string Verdict);

internal sealed record CaseRow(string Id, string Kind, IReadOnlyList<StatusRow> Statuses, int? EscalationLevel, string? EscalationReason, string? NextChangeAt)
{
    public static CaseRow Of(string id, string kind, CaseAssessment assessment) => new(
        id, kind, [.. assessment.Sla.Statuses.Select(StatusRow.Of)], assessment.Escalation.Step?.Level, assessment.Escalation.ReasonCode, Iso(assessment.NextChangeAt));

    public static string? Iso(Instant? instant) => instant?.ToString("uuuu-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record StatusRow(
    string Metric, string State, double TargetHours, string Basis, double ElapsedHours, double RemainingHours, string? DueAt, string? BreachedAt,
    IReadOnlyList<StageRow> Stages, int Cycle)
{
    public static StatusRow Of(SlaStatus s) => new(
        s.Metric.ToString(), s.State.ToString(), s.Target.TotalHours, s.Basis.ToString(), s.Elapsed.TotalHours, s.Remaining.TotalHours, CaseRow.Iso(s.DueAt), CaseRow.Iso(s.BreachedAt),
        [.. s.Stages.Select(stage => new StageRow(stage.Percent, CaseRow.Iso(stage.At)!))], s.Cycle);
}

internal sealed record StageRow(decimal Percent, string At);
