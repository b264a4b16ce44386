namespace ServiceQuality.Domain.Visits;

/// <summary>
/// The commands of the visit's transition table (<see cref="VisitRecord.Transitions"/>), one per command method of
/// <see cref="VisitRecord"/> after planning; <see cref="VisitRecord.PermittedCommands"/> lists those its status accepts.
/// </summary>
public enum VisitCommand
{
    /// <summary><see cref="VisitRecord.RecordAttempt"/>: records an attempt to reach the customer.</summary>
    RecordAttempt,

    /// <summary><see cref="VisitRecord.Complete"/>: completes the visit with the customer's ratings.</summary>
    Complete,

    /// <summary><see cref="VisitRecord.MarkMissed"/>: marks the visit as missed.</summary>
    MarkMissed,

    /// <summary><see cref="VisitRecord.Cancel"/>: cancels the visit.</summary>
    Cancel,
}
