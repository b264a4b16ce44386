using NodaTime;
using ServiceDesk.Web.Scheduling;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web;

/// <summary>What every endpoint and the scheduler share: the store, the board, the assessor with the centre's agreements, the clock.</summary>
internal sealed class Desk(
    CaseRepository repository, CaseBoard board, CaseAssessor assessor, ICalendarLookup calendars, DeskDefinitions definitions, IClock clock, CaseQueue queue,
    Microsoft.Extensions.Options.IOptions<ServiceQuality.Policies.DependencyInjection.ServiceQualityOptions> options)
{
    public CaseRepository Repository => repository;

    public CaseBoard Board => board;

    public DeskDefinitions Definitions => definitions;

    public IClock Clock => clock;

    public Instant Now => clock.GetCurrentInstant();

    /// <summary>The name of an escalation level on the centre's ladder (for example "Team lead").</summary>
    public string LevelName(int level) => options.Value.Ladder.Steps.FirstOrDefault(s => s.Level == level)?.Name ?? $"level {level}";

    /// <summary>
    /// Assesses a ticket under every agreement it was opened under: the escalation policy decides on its customer SLA (the
    /// promise escalations are about), while the statuses and the next-change instant cover the SLA, the OLAs and the
    /// underpinning contract, so the scheduler wakes the case when any of their clocks changes.
    /// </summary>
    public CaseAssessment Assess(Ticket ticket, Instant now)
    {
        var assessment = assessor.AssessTicket(ticket, definitions.For(ticket.Agreement), now);
        return definitions.AllOf(ticket.Agreement, ticket.OtherAgreements) is { } all
            ? WithAll(assessment, SlaClock.EvaluateTicket(ticket.History, all, calendars, now))
            : assessment;
    }

    /// <summary>Assesses a complaint under every agreement it was received under (see the ticket's overload).</summary>
    public CaseAssessment Assess(Complaint complaint, Instant now)
    {
        var assessment = assessor.AssessComplaint(complaint, TierOf(complaint), definitions.For(complaint.Agreement), now, board.EarlierComplaints(complaint));
        return complaint.CustomerTier is not null && definitions.AllOf(complaint.Agreement, complaint.OtherAgreements) is { } all
            ? WithAll(assessment, SlaClock.EvaluateComplaint(complaint.History, all, calendars, now))
            : assessment;
    }

    public ServiceTier TierOf(Complaint complaint) => complaint.CustomerTier ?? board.TierOf(complaint.Customer) ?? ServiceTier.Ordinary;

    /// <summary>A command changed the ticket: the board shows it and the scheduler looks at it now.</summary>
    public void Changed(Ticket ticket)
    {
        board.Put(ticket);
        queue.Wake(CaseRepository.StreamOf(ticket.Id), clock.GetCurrentInstant());
    }

    public void Changed(Complaint complaint)
    {
        board.Put(complaint);
        queue.Wake(CaseRepository.StreamOf(complaint.Id), clock.GetCurrentInstant());
    }

    private static CaseAssessment WithAll(CaseAssessment assessment, SlaEvaluation all) =>
        assessment with
        {
            Sla = all,
            NextChangeAt = assessment.NextChangeAt is { } a && all.NextChangeAt is { } b ? Instant.Min(a, b) : assessment.NextChangeAt ?? all.NextChangeAt,
        };
}
