namespace ServiceQuality.Domain.Tickets;

/// <summary>
/// The commands of the ticket's transition table (<see cref="Ticket.Transitions"/>), one per command method of
/// <see cref="Ticket"/> after opening; <see cref="Ticket.PermittedCommands"/> lists those its status accepts.
/// </summary>
public enum TicketCommand
{
    /// <summary><see cref="Ticket.Assign"/>: assigns the new ticket.</summary>
    Assign,

    /// <summary><see cref="Ticket.Transfer"/>: transfers the ticket internally to another assignee.</summary>
    Transfer,

    /// <summary><see cref="Ticket.RecordResponse"/>: records a public response or an internal note.</summary>
    RecordResponse,

    /// <summary><see cref="Ticket.StartWork"/>: starts work on the assigned ticket.</summary>
    StartWork,

    /// <summary><see cref="Ticket.Hold"/>: puts the ticket on hold.</summary>
    Hold,

    /// <summary><see cref="Ticket.Resume"/>: resumes work after a hold.</summary>
    Resume,

    /// <summary><see cref="Ticket.ReferToThirdParty"/>: refers the ticket to a third party, which puts it on hold.</summary>
    ReferToThirdParty,

    /// <summary><see cref="Ticket.RecordThirdPartyReturn"/>: records the third party's return, which resumes work.</summary>
    RecordThirdPartyReturn,

    /// <summary><see cref="Ticket.RecordOnSiteArrival"/>: records that someone arrived on site.</summary>
    RecordOnSiteArrival,

    /// <summary><see cref="Ticket.ChangePriority"/>: changes the priority.</summary>
    ChangePriority,

    /// <summary><see cref="Ticket.Resolve"/>: resolves the ticket.</summary>
    Resolve,

    /// <summary><see cref="Ticket.Reopen"/>: reopens the resolved ticket.</summary>
    Reopen,

    /// <summary><see cref="Ticket.Close"/>: closes the resolved ticket.</summary>
    Close,

    /// <summary><see cref="Ticket.Cancel"/>: cancels the open ticket.</summary>
    Cancel,

    /// <summary><see cref="Ticket.Escalate"/>: escalates the open ticket.</summary>
    Escalate,

    /// <summary><see cref="Ticket.ReselectAgreements"/>: records the agreements chosen again for the ticket, not yet closed or cancelled.</summary>
    ReselectAgreements,
}
