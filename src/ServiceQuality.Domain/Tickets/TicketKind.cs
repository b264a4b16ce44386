namespace ServiceQuality.Domain.Tickets;

/// <summary>What a ticket is about.</summary>
public enum TicketKind
{
    /// <summary>A question (咨询).</summary>
    Inquiry,

    /// <summary>A repair request (报修).</summary>
    RepairRequest,

    /// <summary>A fault report (故障).</summary>
    FaultReport,

    /// <summary>An application for a service (业务办理), such as a new connection.</summary>
    ServiceApplication,

    /// <summary>A suggestion (建议).</summary>
    Suggestion,

    /// <summary>Anything else.</summary>
    Other,
}
