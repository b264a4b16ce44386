using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>A staff member, team or department that is scored.</summary>
/// <param name="Kind">Staff, team or department.</param>
/// <param name="Id">The subject's id text.</param>
public readonly record struct ScoreSubject(ScoreSubjectKind Kind, string Id)
{
    /// <summary>A staff member.</summary>
    /// <param name="staff">The staff member.</param>
    /// <returns>The subject.</returns>
    public static ScoreSubject Staff(StaffId staff) => new(ScoreSubjectKind.Staff, staff.Value);

    /// <summary>A team.</summary>
    /// <param name="team">The team's id.</param>
    /// <returns>The subject.</returns>
    public static ScoreSubject Team(string team) => new(ScoreSubjectKind.Team, team);

    /// <summary>A department.</summary>
    /// <param name="department">The department.</param>
    /// <returns>The subject.</returns>
    public static ScoreSubject Department(DepartmentId department) => new(ScoreSubjectKind.Department, department.Value);

    /// <summary>Returns <c>Staff s1</c>.</summary>
    /// <returns>The kind and id.</returns>
    public override string ToString() => $"{Kind} {Id}";
}
