namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>Where a metric's clock stands.</summary>
public enum SlaState
{
    /// <summary>The metric does not apply: no target for the case, or its clock has not started (next response before the first response).</summary>
    NotApplicable,

    /// <summary>The clock is counting and the target has not run out.</summary>
    Running,

    /// <summary>
    /// The clock is stopped by a pausing hold — or, for an operational-level agreement with a team or an underpinning
    /// contract, the case is not with that team or not referred — and the target has not run out.
    /// </summary>
    Paused,

    /// <summary>The clock stopped at or before the deadline.</summary>
    Met,

    /// <summary>The deadline passed: before the clock stopped, or it is still open. A missed status never becomes met.</summary>
    Missed,

    /// <summary>The case was cancelled, withdrawn or merged before the clock stopped: neither met nor missed.</summary>
    Cancelled,
}
