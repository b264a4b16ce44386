using ServiceQuality.Domain.Common;
using static ServiceQuality.Domain.Complaints.ComplaintCommand;
using static ServiceQuality.Domain.Complaints.ComplaintStatus;

namespace ServiceQuality.Domain.Complaints;

/// <summary>The complaint's transition table, declared once: for each state, the commands allowed and where they lead.</summary>
internal static class ComplaintTransitions
{
    private static readonly ComplaintStatus[] Open = [Received, Registered, UnderInvestigation, Responded, Resolved, CallbackCompleted];
    private static readonly ComplaintStatus[] Decidable = [UnderInvestigation, Responded, Resolved, CallbackCompleted];

    private static readonly (ComplaintStatus From, ComplaintCommand Command, ComplaintStatus To)[] Rows =
    [
        (Received, Register, Registered),
        (Registered, AssignInvestigation, UnderInvestigation),
        (UnderInvestigation, AssignInvestigation, UnderInvestigation),
        (UnderInvestigation, Respond, Responded),
        (Responded, Resolve, Resolved),
        .. Decidable.Select(s => (s, RecordVerdict, s)),
        (Resolved, RecordSatisfiedCallback, CallbackCompleted),
        (Resolved, RecordDissatisfiedCallback, UnderInvestigation),
        .. Open.Select(s => (s, WaiveCallback, s)),
        (Resolved, Close, Closed),
        (CallbackCompleted, Close, Closed),
        .. Open.Where(s => s is not (Resolved or CallbackCompleted)).Select(s => (s, Withdraw, Withdrawn)),
        .. Open.Select(s => (s, Escalate, s)),
        .. Open.Select(s => (s, Merge, s)),
        .. Open.Select(s => (s, MergeAsDuplicate, Merged)),
        .. Open.Select(s => (s, RecordCompensation, s)),
        .. Open.Select(s => (s, ChangeSeverity, s)),
        .. Open.Select(s => (s, ReselectAgreements, s)),
    ];

    /// <summary>The frozen table.</summary>
    public static readonly TransitionTable<ComplaintStatus, ComplaintCommand> Table = new(Rows);

    public static bool Allows(ComplaintStatus from, ComplaintCommand command) => Table.Allows(from, command);

    public static ComplaintStatus Target(ComplaintStatus from, ComplaintCommand command) => Table.Target(from, command);
}
