using NodaTime;

namespace ServiceQuality.Policies.Scoring;

/// <summary>Signed points a rule gave a subject, with why and the evidence.</summary>
/// <param name="Subject">Who.</param>
/// <param name="Section">The scorecard section the points count in.</param>
/// <param name="Points">The points: positive rewards, negative penalties.</param>
/// <param name="ReasonCode">A stable code for the rule.</param>
/// <param name="Evidence">The fact's evidence.</param>
/// <param name="At">When the fact happened.</param>
/// <param name="AutomaticFail">Whether the fact fails the whole scorecard (for example accepting a gift).</param>
public readonly record struct ScoreEntry(ScoreSubject Subject, string Section, decimal Points, string ReasonCode, string Evidence, Instant At, bool AutomaticFail = false);
