namespace ServiceQuality.Domain.Tickets;

/// <summary>
/// Where a ticket is in its life: New → Assigned → InProgress ⇄ OnHold → Resolved → Closed; Resolved → InProgress
/// on reopen; Cancelled from any open state.
/// </summary>
public enum TicketStatus
{
    /// <summary>Opened, not yet assigned.</summary>
    New,

    /// <summary>Assigned to a staff member, work not started.</summary>
    Assigned,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Waiting for the customer or for a third party (see <see cref="Ticket.HoldReason"/>).</summary>
    OnHold,

    /// <summary>Resolved; may be reopened or closed.</summary>
    Resolved,

    /// <summary>Closed: final.</summary>
    Closed,

    /// <summary>Cancelled: final, counted neither as met nor as missed.</summary>
    Cancelled,
}
