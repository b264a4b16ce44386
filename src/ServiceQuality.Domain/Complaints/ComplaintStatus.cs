namespace ServiceQuality.Domain.Complaints;

/// <summary>
/// Where a complaint is in its life: Received → Registered → UnderInvestigation → Responded → Resolved →
/// CallbackCompleted → Closed; a dissatisfied callback returns it to UnderInvestigation; Withdrawn and Merged are final.
/// </summary>
public enum ComplaintStatus
{
    /// <summary>Received from the customer, not yet registered.</summary>
    Received,

    /// <summary>Registered (acknowledged) by the centre.</summary>
    Registered,

    /// <summary>Assigned to a responsible department and person with a deadline.</summary>
    UnderInvestigation,

    /// <summary>A reply and remedy were given to the customer.</summary>
    Responded,

    /// <summary>Resolved; waits for the callback where one is required.</summary>
    Resolved,

    /// <summary>The customer was called back and was satisfied.</summary>
    CallbackCompleted,

    /// <summary>Closed: final.</summary>
    Closed,

    /// <summary>Withdrawn by the customer: final.</summary>
    Withdrawn,

    /// <summary>Merged into a primary complaint about the same matter (多头投诉): final, accepts no command.</summary>
    Merged,
}
