namespace ServiceQuality.Domain.Tickets;

/// <summary>Why a ticket is on hold; agreements say which reasons pause which clocks.</summary>
public enum HoldReason
{
    /// <summary>Waiting for the customer (information, access to premises, a decision).</summary>
    WaitingForCustomer,

    /// <summary>Waiting for a third party: a developer, vendor or utility the ticket was referred to (工作联系单).</summary>
    WaitingForThirdParty,
}
