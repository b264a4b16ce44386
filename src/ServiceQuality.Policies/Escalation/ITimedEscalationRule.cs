using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Policies.Escalation;

/// <summary>An escalation rule that fires when a clock reaches a point in time, so a scheduler can know when it will fire.</summary>
public interface ITimedEscalationRule : IEscalationRule
{
    /// <summary>When this rule will fire for <paramref name="status"/> if nothing else happens, or null when it will not (or already did).</summary>
    /// <param name="status">A clock of the case.</param>
    /// <param name="calendar">The calendar of the clock's basis (business calendar, or always open for calendar time).</param>
    /// <param name="now">The instant of the status.</param>
    /// <returns>The instant after <paramref name="now"/> at which the rule fires, or null.</returns>
    Instant? NextFiringAt(in SlaStatus status, BusinessCalendar calendar, Instant now);
}
