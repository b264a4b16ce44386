namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>What a compliance report groups by; combine with <c>|</c>. <see cref="None"/> gives one total group.</summary>
[Flags]
public enum ComplianceDimensions
{
    /// <summary>No grouping: one group with every sample.</summary>
    None = 0,

    /// <summary>By metric.</summary>
    Metric = 1,

    /// <summary>By priority.</summary>
    Priority = 2,

    /// <summary>By customer tier.</summary>
    Tier = 4,

    /// <summary>By responsible staff member.</summary>
    Staff = 8,

    /// <summary>By department.</summary>
    Department = 16,

    /// <summary>By reporting period.</summary>
    Period = 32,

    /// <summary>By agreement version (<see cref="ComplianceSample.Agreement"/>): the customer SLA's versions, each team's OLA, each supplier's contract.</summary>
    Agreement = 64,

    /// <summary>By agreement kind (<see cref="ComplianceSample.AgreementKind"/>): customer SLAs, OLAs, underpinning contracts.</summary>
    AgreementKind = 128,
}
