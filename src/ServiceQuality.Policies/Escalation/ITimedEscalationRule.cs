using NodaTime;

namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// An escalation rule that fires when a clock reaches a point in time, so the policies built from it
/// (<see cref="EscalationPolicies"/>) can tell a scheduler when it will fire.
/// </summary>
public interface ITimedEscalationRule : IEscalationRule
{
    /// <summary>
    /// When this rule will next ask for a level above <see cref="EscalationContext.CurrentLevel"/> if nothing else happens,
    /// or null when it will not (it already did, the level is reached, the clocks concerned are paused or stopped, or the
    /// instant lies beyond the supported range).
    /// </summary>
    /// <param name="context">The case at an instant; its <see cref="EscalationContext.Calendar"/> runs the business-time clocks.</param>
    /// <returns>The instant after <see cref="EscalationContext.Now"/> at which the rule fires, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// For the stock rules: <see cref="EscalationContext.Now"/> lies outside the supported range of the calendar a counting
    /// clock runs on (parameter <c>context</c>).
    /// </exception>
    Instant? NextFiringAt(EscalationContext context);
}
