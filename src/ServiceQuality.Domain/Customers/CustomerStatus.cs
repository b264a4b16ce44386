namespace ServiceQuality.Domain.Customers;

/// <summary>
/// Where a customer is in its life. A customer has no lifecycle of its own: once registered it accepts every command, so
/// its transition table (<see cref="Customer.Transitions"/>) has this one state, and every command leads back to it.
/// </summary>
public enum CustomerStatus
{
    /// <summary>Registered: the only state.</summary>
    Registered,
}
