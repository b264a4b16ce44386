using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers;

/// <summary>
/// The customer's transition table: one state, in which every command is accepted and leads back to it. Declared like
/// the other aggregates' tables so that hosts and docs read every aggregate the same way; a later state (such as a
/// closed account) is a row change here.
/// </summary>
internal static class CustomerTransitions
{
    /// <summary>The frozen table.</summary>
    public static readonly TransitionTable<CustomerStatus, CustomerCommand> Table =
        new(Enum.GetValues<CustomerCommand>().Select(c => (CustomerStatus.Registered, c, CustomerStatus.Registered)));
}
