using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web.Api;

/// <summary>
/// One SLA clock of a case, as the API shows it: with its agreement (the customer SLA, an OLA or the underpinning contract,
/// with its kind and name when the definitions hold it), the time each holder of the case accounts for
/// (the library's breakdown), who held it at the breach, and the cycles it completed before the current one.
/// </summary>
internal sealed record SlaView(
    AgreementReference Agreement, AgreementKind? Kind, string? AgreementName, Metric Metric, string Promise, SlaState State, Duration Target, TimeBasis Basis, Duration Elapsed, Duration Remaining,
    double ElapsedPercent, Instant? DueAt, Instant? BreachedAt, int Cycle, int MissedCycles, IReadOnlyList<StageReached> Stages,
    IReadOnlyList<HolderView> Breakdown, HolderView? HeldAtBreach, IReadOnlyList<SlaCycle> CompletedCycles)
{
    public static IReadOnlyList<SlaView> Of(SlaEvaluation evaluation, DeskDefinitions definitions) =>
        [.. evaluation.Statuses.Select(s =>
        {
            var breakdown = evaluation.Breakdowns.FirstOrDefault(b => b.Agreement == s.Agreement && b.Metric == s.Metric);
            var agreement = definitions.Find(s.Agreement);
            return new SlaView(
                s.Agreement, agreement?.Kind, agreement?.Name, s.Metric, Promises.Of(s.Metric), s.State, s.Target, s.Basis, s.Elapsed, s.Remaining, Math.Round(s.ElapsedPercent, 1), s.DueAt,
                s.BreachedAt, s.Cycle, s.MissedCycles, s.Stages,
                breakdown is null ? [] : [.. breakdown.Shares.Select(share => HolderView.Of(share.Holder, share.Elapsed))],
                breakdown?.AtBreach is { } holder ? HolderView.Of(holder, null) : null,
                [.. evaluation.CompletedCycles.Where(c => c.Agreement == s.Agreement && c.Metric == s.Metric)]);
        })];
}

/// <summary>Who held a case (nobody before the first assignment), and for how long while a clock counted.</summary>
internal sealed record HolderView(StaffId? Assignee, DepartmentId? Team, Duration? Elapsed)
{
    public static HolderView Of(CaseHolder holder, Duration? elapsed) => new(holder.Assignee, holder.Team, elapsed);
}

/// <summary>A case's escalation track and what the policy would decide now.</summary>
internal sealed record EscalationView(int Level, IReadOnlyList<Escalation> Track, string? Proposed, string? Reason, Instant? NotifyAt)
{
    public static EscalationView Of(EscalationTrack track, CaseAssessment assessment) =>
        new(track.Level, track.Escalations, assessment.Escalation.Step?.Name, assessment.Escalation.ReasonCode, assessment.Escalation.NotifyAt);
}

internal sealed record CustomerView(CustomerId Id, int Version, ServiceTier Tier, LocalDate CustomerSince, int TrustScore, CreditGrade CreditGrade)
{
    public static CustomerView Of(Customer c) => new(c.Id, c.StreamVersion, c.Tier, c.CustomerSince, c.TrustScore, c.CreditGrade);
}

internal sealed record TicketView(
    TicketId Id, int Version, CustomerId Customer, TicketKind Kind, Channel Channel, Priority Priority, ServiceTier CustomerTier, TicketStatus Status,
    StaffId FirstContactOwner, StaffId? Assignee, DepartmentId? Department, string? HoldReason, Instant OpenedAt, Instant? ResolvedAt, Instant? ClosedAt,
    AgreementReference? Agreement, IReadOnlyList<AgreementReference> OtherAgreements, IReadOnlyList<TicketCommand> Permitted, Instant AssessedAt,
    IReadOnlyList<SlaView> Sla, EscalationView Escalation, Instant? NextChangeAt)
{
    public static TicketView Of(Ticket t, CaseAssessment a, Instant now, DeskDefinitions definitions) => new(
        t.Id, t.StreamVersion, t.Customer, t.Kind, t.Channel, t.Priority, t.CustomerTier, t.Status, t.FirstContactOwner, t.Assignee, t.Department, t.HoldReason?.Code,
        t.OpenedAt, t.ResolvedAt, t.ClosedAt, t.Agreement, t.OtherAgreements, t.PermittedCommands, now, SlaView.Of(a.Sla, definitions), EscalationView.Of(t.Escalation, a),
        a.NextChangeAt);
}

internal sealed record ComplaintView(
    ComplaintId Id, int Version, CustomerId Customer, Channel Channel, ComplaintCategory Category, Severity Severity, ComplaintStatus Status,
    Instant ReceivedAt, Instant? ResolvedAt, VerdictOutcome? Verdict, bool CallbackRequired, Instant? CallbackCompletedAt, Money? Compensation,
    IReadOnlyList<ComplaintId> Duplicates, ComplaintId? MergedInto, AgreementReference? Agreement, IReadOnlyList<AgreementReference> OtherAgreements,
    IReadOnlyList<ComplaintCommand> Permitted, Instant AssessedAt, IReadOnlyList<SlaView> Sla, EscalationView Escalation, Instant? NextChangeAt)
{
    public static ComplaintView Of(Complaint c, CaseAssessment a, Instant now, DeskDefinitions definitions) => new(
        c.Id, c.StreamVersion, c.Customer, c.Channel, c.Category, c.Severity, c.Status, c.ReceivedAt, c.ResolvedAt, c.Verdict?.Outcome, c.CallbackRequired,
        c.CallbackCompletedAt, c.Compensation, c.Duplicates, c.MergedInto, c.Agreement, c.OtherAgreements, c.PermittedCommands, now, SlaView.Of(a.Sla, definitions),
        EscalationView.Of(c.Escalation, a), a.NextChangeAt);
}

internal sealed record VisitView(
    VisitId Id, int Version, CustomerId Customer, TicketId? Ticket, ComplaintId? Complaint, VisitKind Kind, VisitStatus Status, Instant Due, int MaxAttempts,
    IReadOnlyList<VisitAttempt> Attempts, bool CustomerReached, SatisfactionRating? Overall, Instant? EndedAt, IReadOnlyList<VisitCommand> Permitted)
{
    public static VisitView Of(VisitRecord v) => new(
        v.Id, v.StreamVersion, v.Customer, v.Subject.Ticket, v.Subject.Complaint, v.Kind, v.Status, v.Due, v.MaxAttempts, v.Attempts, v.CustomerReached, v.Overall,
        v.EndedAt, v.PermittedCommands);
}
