using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Complaints;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Turns a complaint's verdict into score facts about the staff member (and department) it names: substantiated, partly
/// substantiated or unsubstantiated, dated when the verdict was decided. A complaint that names nobody, or has no verdict
/// by the instant, gives none. Pure and thread-safe.
/// </summary>
public static class ComplaintScoreFacts
{
    /// <summary>The score facts of a complaint's verdict, as of <paramref name="at"/>.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="at">The evaluation instant: a verdict decided after it does not count yet (inclusive: one decided at it does).</param>
    /// <returns>
    /// Nothing without a verdict decided at or before <paramref name="at"/>; otherwise one fact of the outcome's kind
    /// (<see cref="FactKind.ComplaintSubstantiated"/>, <see cref="FactKind.ComplaintPartlySubstantiated"/> or
    /// <see cref="FactKind.ComplaintUnsubstantiated"/>) for <see cref="Complaint.AgainstStaff"/> when named, then one for
    /// <see cref="Complaint.AgainstDepartment"/> when named, each with the complaint's id as evidence.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is null.</exception>
    public static IReadOnlyList<ScoreFact> From(Complaint complaint, Instant at)
    {
        Guard.Against.Null(complaint);
        if (complaint.Verdict is not { } verdict || verdict.DecidedAt > at || (complaint.AgainstStaff is null && complaint.AgainstDepartment is null))
        {
            return [];
        }

        var kind = verdict.Outcome switch
        {
            VerdictOutcome.Substantiated => FactKind.ComplaintSubstantiated,
            VerdictOutcome.PartlySubstantiated => FactKind.ComplaintPartlySubstantiated,
            _ => FactKind.ComplaintUnsubstantiated,
        };
        var facts = new List<ScoreFact>(2);
        if (complaint.AgainstStaff is { } staff)
        {
            facts.Add(new ScoreFact(ScoreSubject.Staff(staff), kind, verdict.DecidedAt, 0, complaint.Id.Value));
        }

        if (complaint.AgainstDepartment is { } department)
        {
            facts.Add(new ScoreFact(ScoreSubject.Department(department), kind, verdict.DecidedAt, 0, complaint.Id.Value));
        }

        return facts;
    }
}
