using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>Who must investigate a complaint, and by when.</summary>
/// <param name="Department">The responsible department.</param>
/// <param name="Person">The responsible person.</param>
/// <param name="Deadline">When the investigation is due.</param>
/// <param name="AssignedAt">When it was assigned.</param>
public sealed record Investigation(DepartmentId Department, StaffId Person, Instant Deadline, Instant AssignedAt);
