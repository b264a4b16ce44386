namespace ServiceQuality.Domain.Visits;

/// <summary>Where a callback or visit is in its life: Planned → Completed | Missed | Cancelled.</summary>
public enum VisitStatus
{
    /// <summary>Planned, not done yet.</summary>
    Planned,

    /// <summary>Done, with the customer's ratings.</summary>
    Completed,

    /// <summary>Not done by its due time, or the customer could not be reached.</summary>
    Missed,

    /// <summary>Cancelled.</summary>
    Cancelled,
}
