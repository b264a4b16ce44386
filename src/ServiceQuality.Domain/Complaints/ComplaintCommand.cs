namespace ServiceQuality.Domain.Complaints;

/// <summary>The commands of the complaint's transition table.</summary>
internal enum ComplaintCommand
{
    Register,
    AssignInvestigation,
    Respond,
    Resolve,
    RecordVerdict,
    RecordSatisfiedCallback,
    RecordDissatisfiedCallback,
    WaiveCallback,
    Close,
    Withdraw,
    Escalate,
    Merge,
    MergeAsDuplicate,
    RecordCompensation,
    ChangeSeverity,
}
