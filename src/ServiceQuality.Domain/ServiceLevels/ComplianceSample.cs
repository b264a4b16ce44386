using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>One measured clock, with the case attributes a compliance report can group by.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="State">The clock's state.</param>
/// <param name="Elapsed">The elapsed time measured.</param>
/// <param name="Priority">The case's priority.</param>
/// <param name="Tier">The customer's tier.</param>
/// <param name="Staff">The responsible staff member, if any.</param>
/// <param name="Department">The responsible department, if any.</param>
/// <param name="Period">The reporting period the case belongs to (for example the first day of its month), if any.</param>
public readonly record struct ComplianceSample(
    Metric Metric, SlaState State, Duration Elapsed, Priority Priority, ServiceTier Tier, StaffId? Staff = null, DepartmentId? Department = null, LocalDate? Period = null)
{
    /// <summary>The agreement version the clock was measured against, if known (<see cref="From"/> takes it from the status).</summary>
    public AgreementReference? Agreement { get; init; }

    /// <summary>The kind of that agreement (customer SLA, team OLA, underpinning contract), if known.</summary>
    public AgreementKind? AgreementKind { get; init; }

    /// <summary>A sample from a status and the case's attributes; the agreement version and its kind come from the status.</summary>
    /// <param name="status">The status.</param>
    /// <param name="priority">The case's priority.</param>
    /// <param name="tier">The customer's tier.</param>
    /// <param name="staff">The responsible staff member, if any.</param>
    /// <param name="department">The responsible department, if any.</param>
    /// <param name="period">The reporting period, if any.</param>
    /// <returns>The sample.</returns>
    public static ComplianceSample From(in SlaStatus status, Priority priority, ServiceTier tier, StaffId? staff = null, DepartmentId? department = null, LocalDate? period = null) =>
        new(status.Metric, status.State, status.Elapsed, priority, tier, staff, department, period) { Agreement = status.Agreement.Id == default ? null : status.Agreement, AgreementKind = status.Agreement.Id == default ? null : status.AgreementKind };
}
