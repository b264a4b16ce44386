using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Turns a callback or visit into score facts: the customer's overall rating counts for whoever handled the case it followed,
/// the callback itself for whoever made it, and a missed one against the case's handler. Only what ended at or before the
/// evaluation instant counts. Pure and thread-safe.
/// </summary>
public static class VisitScoreFacts
{
    /// <summary>The score facts of a visit, as of <paramref name="at"/>.</summary>
    /// <param name="visit">The visit.</param>
    /// <param name="handler">
    /// Who handled the case the visit followed (a ticket's assignee, a complaint's investigator), or null when nobody did or
    /// the visit follows no case (a tier's periodic visit).
    /// </param>
    /// <param name="at">The evaluation instant: a visit that ended after it gives nothing yet (inclusive: one that ended at it counts).</param>
    /// <returns>
    /// For a visit completed by <paramref name="at"/>: a <see cref="FactKind.SatisfactionRating"/> fact (its value the overall
    /// rating, 1–5) for <paramref name="handler"/> when both are known, then a <see cref="FactKind.CallbackDone"/> fact for
    /// <see cref="VisitRecord.PerformedBy"/>. For a visit missed by then: a <see cref="FactKind.CallbackMissed"/> fact for
    /// <paramref name="handler"/> when known. Nothing for a visit planned, under way or cancelled. Each is dated when the
    /// visit ended, with the visit's id as evidence.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="visit"/> is null.</exception>
    public static IReadOnlyList<ScoreFact> From(VisitRecord visit, StaffId? handler, Instant at)
    {
        Guard.Against.Null(visit);
        if (visit.EndedAt is not { } ended || ended > at)
        {
            return [];
        }

        var facts = new List<ScoreFact>(2);
        if (visit.Status == VisitStatus.Completed)
        {
            if (handler is { } holder && visit.Overall is { } rating)
            {
                facts.Add(new ScoreFact(ScoreSubject.Staff(holder), FactKind.SatisfactionRating, ended, (int)rating, visit.Id.Value));
            }

            if (visit.PerformedBy is { } caller)
            {
                facts.Add(new ScoreFact(ScoreSubject.Staff(caller), FactKind.CallbackDone, ended, 0, visit.Id.Value));
            }
        }
        else if (visit.Status == VisitStatus.Missed && handler is { } holder)
        {
            facts.Add(new ScoreFact(ScoreSubject.Staff(holder), FactKind.CallbackMissed, ended, 0, visit.Id.Value));
        }

        return facts;
    }
}
