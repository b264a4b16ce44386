namespace ServiceQuality.Domain.Agreements;

/// <summary>What an agreement's target measures.</summary>
public enum Metric
{
    /// <summary>From opening to the first public response.</summary>
    FirstResponse,

    /// <summary>The longest gap between consecutive public responses while the case is open and not paused.</summary>
    NextResponse,

    /// <summary>From opening to resolution.</summary>
    Resolution,

    /// <summary>From opening to arrival on site, for cases that need a visit.</summary>
    OnSiteArrival,

    /// <summary>From a complaint's receipt to its registration.</summary>
    ComplaintAcknowledgement,

    /// <summary>From a complaint's receipt to its resolution.</summary>
    ComplaintResolution,

    /// <summary>From resolution to the completed callback.</summary>
    CallbackAfterClosing,

    /// <summary>
    /// A complaint's investigation (处理时限): from its assignment to the department's response, against the deadline set
    /// on the case when it was assigned (a re-assignment sets a new one), in calendar time. Measured for every complaint
    /// with an investigation; an agreement cannot set a target for it.
    /// </summary>
    InvestigationDeadline,

    /// <summary>
    /// The same-day loss report (当日上报): a ticket or complaint claiming a loss above the agreement's
    /// <see cref="ServiceLevelAgreement.LossReporting"/> threshold is escalated to at least its level before the end of the
    /// local day it was received (the zone of the agreement's calendar), in calendar time. Measured only for such cases;
    /// an agreement cannot set a target for it.
    /// </summary>
    LossReport,
}
