namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// From when a target cell's clock counts, when the cell first applies to a case only after its clock started (a
/// priority or severity change made it the cell in force). For a cell in force from the clock's start, all three agree.
/// </summary>
public enum TargetStart
{
    /// <summary>
    /// The default: the cell takes over the time counted since the clock started (the case's opening, or the start of the
    /// cycle), and a deadline that was already missed under the cell in force before stays missed at that instant.
    /// </summary>
    Opening,

    /// <summary>
    /// The cell counts only from the first instant it applies in the cycle (for example the moment a P3 is raised to P1):
    /// time before that is not counted, its deadline is computed from that instant, and <c>SlaStatus.StartedAt</c> is it.
    /// A deadline already missed under the cell in force before stays missed.
    /// </summary>
    WhenApplies,

    /// <summary>
    /// The cell counts from the clock's start as if it had applied all along: elapsed time and its deadline are computed
    /// from the opening, so a breach that falls before the cell applied is reported at its exact instant
    /// (<c>SlaStatus.BreachedAt</c> in the past), even when a deadline missed under the earlier cell came later.
    /// </summary>
    Retroactive,
}
