namespace ServiceQuality.Domain.Complaints;

/// <summary>
/// The commands of the complaint's transition table (<see cref="Complaint.Transitions"/>), one per command method of
/// <see cref="Complaint"/> after receipt, with <see cref="Complaint.RecordCallback"/> split by its outcome and
/// <see cref="Complaint.Merge"/> by side; <see cref="Complaint.PermittedCommands"/> lists those its status accepts.
/// </summary>
public enum ComplaintCommand
{
    /// <summary><see cref="Complaint.Register"/>: registers the received complaint.</summary>
    Register,

    /// <summary><see cref="Complaint.AssignInvestigation"/>: assigns (or reassigns) the investigation.</summary>
    AssignInvestigation,

    /// <summary><see cref="Complaint.Respond"/>: records the reply and remedy.</summary>
    Respond,

    /// <summary><see cref="Complaint.Resolve"/>: resolves the responded complaint.</summary>
    Resolve,

    /// <summary><see cref="Complaint.RecordVerdict"/>: records the verdict.</summary>
    RecordVerdict,

    /// <summary><see cref="Complaint.RecordCallback"/> with a satisfied customer: the callback is completed.</summary>
    RecordSatisfiedCallback,

    /// <summary><see cref="Complaint.RecordCallback"/> with a dissatisfied customer: the complaint goes back to investigation.</summary>
    RecordDissatisfiedCallback,

    /// <summary><see cref="Complaint.WaiveCallback"/>: waives the required callback, with a reason.</summary>
    WaiveCallback,

    /// <summary><see cref="Complaint.Close"/>: closes the complaint.</summary>
    Close,

    /// <summary><see cref="Complaint.Withdraw"/>: the customer withdraws the complaint.</summary>
    Withdraw,

    /// <summary><see cref="Complaint.Escalate"/>: escalates the open complaint.</summary>
    Escalate,

    /// <summary><see cref="Complaint.Merge"/>, on the primary complaint: it absorbs a duplicate and keeps its state.</summary>
    Merge,

    /// <summary><see cref="Complaint.Merge"/>, on the duplicate: it becomes <see cref="ComplaintStatus.Merged"/> the primary.</summary>
    MergeAsDuplicate,

    /// <summary><see cref="Complaint.RecordCompensation"/>: records compensation paid.</summary>
    RecordCompensation,

    /// <summary><see cref="Complaint.ChangeSeverity"/>: changes the severity.</summary>
    ChangeSeverity,

    /// <summary><see cref="Complaint.ReselectAgreements"/>: records the agreements chosen again for the open complaint.</summary>
    ReselectAgreements,
}
