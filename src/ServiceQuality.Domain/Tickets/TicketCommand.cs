namespace ServiceQuality.Domain.Tickets;

/// <summary>The commands of the ticket's transition table.</summary>
internal enum TicketCommand
{
    Assign,
    Transfer,
    RecordResponse,
    StartWork,
    Hold,
    Resume,
    ReferToThirdParty,
    RecordThirdPartyReturn,
    RecordOnSiteArrival,
    ChangePriority,
    Resolve,
    Reopen,
    Close,
    Cancel,
    Escalate,
}
