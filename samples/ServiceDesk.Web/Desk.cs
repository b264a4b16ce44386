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

    /// <summary>
    /// A command changed the ticket and assessed it at <paramref name="now"/>: the board shows it, and the scheduler looks at
    /// it when that assessment says it can next change (at once when an escalation is due), without assessing it again.
    /// </summary>
    public void Changed(Ticket ticket, CaseAssessment assessment, Instant now)
    {
        board.Put(ticket);
        Schedule(CaseRepository.StreamOf(ticket.Id), ticket.IsFinal, assessment, now);
    }

    /// <summary>A command changed the complaint and assessed it at <paramref name="now"/> (see the ticket's overload).</summary>
    public void Changed(Complaint complaint, CaseAssessment assessment, Instant now)
    {
        board.Put(complaint);
        Schedule(CaseRepository.StreamOf(complaint.Id), complaint.IsFinal, assessment, now);
    }

    /// <summary>A command changed the complaint without assessing it: the scheduler looks at it now.</summary>
    public void Changed(Complaint complaint)
    {
        board.Put(complaint);
        queue.Wake(CaseRepository.StreamOf(complaint.Id), clock.GetCurrentInstant());
    }

    private void Schedule(string stream, bool isFinal, CaseAssessment assessment, Instant now)
    {
        if (isFinal)
        {
            queue.Remove(stream);
        }
        else
        {
            queue.Schedule(stream, assessment.Escalation.Fires ? now : assessment.NextChangeAt);
        }
    }

    private static CaseAssessment WithAll(CaseAssessment assessment, SlaEvaluation all) =>
        assessment with
        {
            Sla = all,
            NextChangeAt = assessment.NextChangeAt is { } a && all.NextChangeAt is { } b ? Instant.Min(a, b) : assessment.NextChangeAt ?? all.NextChangeAt,
        };
}
