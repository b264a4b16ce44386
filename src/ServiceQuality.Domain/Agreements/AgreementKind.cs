namespace ServiceQuality.Domain.Agreements;

/// <summary>Who an agreement is between.</summary>
public enum AgreementKind
{
    /// <summary>A service-level agreement with customers (服务承诺).</summary>
    ServiceLevel,

    /// <summary>An operational-level agreement between departments (内部支撑部门服务承诺).</summary>
    OperationalLevel,

    /// <summary>An underpinning contract with a vendor.</summary>
    UnderpinningContract,
}
