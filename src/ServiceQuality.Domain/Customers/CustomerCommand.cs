namespace ServiceQuality.Domain.Customers;

/// <summary>
/// The commands of the customer's transition table (<see cref="Customer.Transitions"/>), one per command method of
/// <see cref="Customer"/> after registration; all are accepted in its one state, <see cref="CustomerStatus.Registered"/>.
/// </summary>
public enum CustomerCommand
{
    /// <summary><see cref="Customer.ChangeTier"/>: gives the customer a new tier from a date on.</summary>
    ChangeTier,

    /// <summary><see cref="Customer.ChangeCreditGrade"/>: sets the credit grade.</summary>
    ChangeCreditGrade,

    /// <summary><see cref="Customer.UpdateTrustScore"/>: sets the trust score.</summary>
    UpdateTrustScore,

    /// <summary><see cref="Customer.AssignAccountManager"/>: assigns or removes the account manager.</summary>
    AssignAccountManager,

    /// <summary><see cref="Customer.SetCareFlags"/>: replaces the care flags.</summary>
    SetCareFlags,

    /// <summary><see cref="Customer.RecordSpend"/>: adds spend to a year's total.</summary>
    RecordSpend,

    /// <summary><see cref="Customer.ChangeContactDetails"/>: replaces the contact details.</summary>
    ChangeContactDetails,
}
