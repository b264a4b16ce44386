namespace ServiceQuality.Domain.Customers;

/// <summary>Care flags on a customer account; several may be set at once.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "'Care flags' is the domain's own term.")]
public enum CareFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>A hardship household (困难户): fees waived or reduced, visits prioritised.</summary>
    HardshipHousehold = 1,

    /// <summary>The red list: customers to be treated with particular care (sensitive, influential or previously harmed).</summary>
    RedList = 2,

    /// <summary>The black list: customers barred from some services (fraud, abuse of staff).</summary>
    BlackList = 4,
}
