using NodaTime;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>The statuses of one case at one instant, and when any of them will next change.</summary>
/// <param name="Statuses">One status per metric the agreement has targets for, in <see cref="Agreements.Metric"/> order.</param>
/// <param name="NextChangeAt">
/// The earliest instant after the evaluation's <c>now</c> at which a status changes without a new event (a warning
/// stage or a deadline); null when no clock is counting. A host can sleep until then instead of polling.
/// </param>
public sealed record SlaEvaluation(IReadOnlyList<SlaStatus> Statuses, Instant? NextChangeAt);
