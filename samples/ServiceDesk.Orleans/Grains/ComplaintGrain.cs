using NodaTime;
using Orleans.Placement;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// A complaint as a grain (see <see cref="CaseGrain{TAggregate, TEvent}"/>). Its assessment needs what only the customer
/// knows — their tier and their other complaints (the repeat-complaint rule) — so it asks the customer's grain.
/// </summary>
[HashBasedPlacement]
internal sealed class ComplaintGrain(CaseJournal journal, Centre centre, DeskClock clock)
    : CaseGrain<Complaint, ComplaintEvent>(journal, centre, clock), IComplaintGrain
{
    protected override string Family => Streams.Complaints;

    protected override Complaint Rebuild(IEnumerable<ComplaintEvent> history) => Complaint.FromHistory(history);

    protected override int EscalationLevel(Complaint aggregate) => aggregate.Escalation.Level;

    protected override bool IsFinal(Complaint aggregate) => aggregate.IsFinal;

    protected override async Task<CaseAssessment> AssessAsync(Complaint aggregate, Instant at)
    {
        var context = await GrainFactory.GetGrain<ICustomerGrain>(aggregate.Customer.Value).ForComplaint(Id, at);
        var tier = context.Tier ?? aggregate.CustomerTier ?? ServiceTier.Ordinary;
        return Centre.Assessor.AssessComplaint(aggregate, tier, Centre.MainAgreement(aggregate.Agreement), at, context.OtherReceipts);
    }

    protected override bool Apply(EscalationDecision decision, Complaint aggregate, Instant at) => decision.ApplyTo(aggregate, at);

    protected override Task OnChangedAsync(Complaint aggregate, int previousVersion) =>
        previousVersion == 0
            ? GrainFactory.GetGrain<ICustomerGrain>(aggregate.Customer.Value).NoteComplaint(Id, aggregate.ReceivedAt)
            : Task.CompletedTask;

    /// <summary>
    /// The complaint's command for each event it records. A merge changes two complaints at once (the primary records
    /// the duplicate, the duplicate records where it went); each side's event is checked by its aggregate's replay rules.
    /// </summary>
    protected override Complaint Run(Complaint? complaint, ComplaintEvent command)
    {
        if (command is ComplaintReceived r)
        {
            return complaint is null
                ? Complaint.Receive(r.ComplaintId, r.Customer, r.Channel, r.Category, r.Severity, r.OccurredAt, r.ClaimedLoss, r.AgainstStaff, r.AgainstDepartment,
                    r.RelatedTicket, r.CallbackRequired, r.CustomerTier, r.Agreement, r.OtherAgreements)
                : throw new InvalidOperationException($"The complaint {Id} was already received.");
        }

        if (complaint is null)
        {
            throw new InvalidOperationException($"The complaint {Id} does not exist; receive it first.");
        }

        if (command.ComplaintId.Value != Id)
        {
            throw new ArgumentException($"The command is for complaint {command.ComplaintId}, not {Id}.", nameof(command));
        }

        var now = command.OccurredAt;
        switch (command)
        {
            case ComplaintRegistered: complaint.Register(now); break;
            case InvestigationAssigned e: complaint.AssignInvestigation(e.Department, e.Person, e.Deadline, now); break;
            case ComplaintResponded e: complaint.Respond(e.Reply, e.Remedy, now); break;
            case ComplaintResolved: complaint.Resolve(now); break;
            case VerdictRecorded e: complaint.RecordVerdict(e.Outcome, e.Reason, e.DecidedBy, now); break;
            case CallbackRecorded e: complaint.RecordCallback(e.Satisfied, now); break;
            case CallbackWaived e: complaint.WaiveCallback(e.Reason, now); break;
            case ComplaintClosed: complaint.Close(now); break;
            case ComplaintWithdrawn e: complaint.Withdraw(e.Reason, now); break;
            case ComplaintEscalated e: complaint.Escalate(e.Level, e.Target, e.Reason, now); break;
            case CompensationRecorded e: complaint.RecordCompensation(e.Amount, now); break;
            case SeverityChanged e: complaint.ChangeSeverity(e.Severity, now); break;
            case ComplaintMerged or DuplicateMerged: return Complaint.FromHistory([.. complaint.History, command]);
            default: throw new ArgumentException($"No complaint command records a {command.GetType().Name}.", nameof(command));
        }

        return complaint;
    }
}
