using ServiceQuality.Domain.Common;
using static ServiceQuality.Domain.Tickets.TicketCommand;
using static ServiceQuality.Domain.Tickets.TicketStatus;

namespace ServiceQuality.Domain.Tickets;

/// <summary>
/// The ticket's transition table, declared once: for each state, the commands allowed in it and the state
/// each leads to. Every command checks it; the <c>CanX</c> methods read it.
/// </summary>
internal static class TicketTransitions
{
    private static readonly TicketStatus[] Open = [New, Assigned, InProgress, OnHold];
    private static readonly TicketStatus[] Working = [Assigned, InProgress, OnHold];

    private static readonly (TicketStatus From, TicketCommand Command, TicketStatus To)[] Rows =
    [
        (New, Assign, Assigned),
        .. Working.Select(s => (s, Transfer, s)),
        .. Open.Select(s => (s, RecordResponse, s)),
        (Assigned, StartWork, InProgress),
        (InProgress, Hold, OnHold),
        (OnHold, Resume, InProgress),
        (InProgress, ReferToThirdParty, OnHold),
        (OnHold, RecordThirdPartyReturn, InProgress),
        (Assigned, RecordOnSiteArrival, Assigned),
        (InProgress, RecordOnSiteArrival, InProgress),
        .. Open.Select(s => (s, ChangePriority, s)),
        (InProgress, Resolve, Resolved),
        (OnHold, Resolve, Resolved),
        (Resolved, Reopen, InProgress),
        (Resolved, Close, Closed),
        .. Open.Select(s => (s, Cancel, Cancelled)),
        .. Open.Select(s => (s, Escalate, s)),
        .. Open.Append(Resolved).Select(s => (s, ReselectAgreements, s)),
    ];

    /// <summary>The frozen table.</summary>
    public static readonly TransitionTable<TicketStatus, TicketCommand> Table = new(Rows);

    public static bool Allows(TicketStatus from, TicketCommand command) => Table.Allows(from, command);

    public static TicketStatus Target(TicketStatus from, TicketCommand command) => Table.Target(from, command);
}
