using ServiceQuality.Domain.Common;
using static ServiceQuality.Domain.Visits.VisitCommand;
using static ServiceQuality.Domain.Visits.VisitStatus;

namespace ServiceQuality.Domain.Visits;

/// <summary>
/// The visit's transition table, declared once: only a planned visit accepts commands. Every command checks it; the
/// <c>CanX</c> methods read it (and add the attempt rules).
/// </summary>
internal static class VisitTransitions
{
    /// <summary>The frozen table.</summary>
    public static readonly TransitionTable<VisitStatus, VisitCommand> Table = new(
    [
        (Planned, RecordAttempt, Planned),
        (Planned, Complete, Completed),
        (Planned, MarkMissed, Missed),
        (Planned, Cancel, Cancelled),
    ]);
}
