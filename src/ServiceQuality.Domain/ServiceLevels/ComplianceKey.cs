using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>What a compliance group shares; a dimension not grouped by is null.</summary>
/// <param name="Metric">The metric, when grouped by metric.</param>
/// <param name="Priority">The priority, when grouped by priority.</param>
/// <param name="Tier">The tier, when grouped by tier.</param>
/// <param name="Staff">The staff member, when grouped by staff (null also for samples without one).</param>
/// <param name="Department">The department, when grouped by department (null also for samples without one).</param>
/// <param name="Period">The period, when grouped by period (null also for samples without one).</param>
public readonly record struct ComplianceKey(Metric? Metric, Priority? Priority, ServiceTier? Tier, StaffId? Staff, DepartmentId? Department, LocalDate? Period)
{
    /// <summary>The agreement version, when grouped by agreement (null also for samples without one).</summary>
    public AgreementReference? Agreement { get; init; }

    /// <summary>The agreement's kind, when grouped by agreement kind (null also for samples without one).</summary>
    public AgreementKind? AgreementKind { get; init; }
}
