using NodaTime;

namespace ServiceQuality.Policies.Scoring;

/// <summary>A fact about a subject that scoring rules turn into points.</summary>
/// <param name="Subject">Who the fact is about.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="Value">A number the kind needs (the rating, 1-5, for <see cref="FactKind.SatisfactionRating"/>); 0 otherwise.</param>
/// <param name="Evidence">Where it is recorded (a ticket, complaint or visit id), for audit.</param>
public readonly record struct ScoreFact(ScoreSubject Subject, FactKind Kind, Instant At, int Value = 0, string Evidence = "");
