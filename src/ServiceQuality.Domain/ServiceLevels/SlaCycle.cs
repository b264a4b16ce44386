using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// A completed cycle of one metric of one case (as Jira Service Management's <c>completedCycles</c>): a next-response gap
/// closed by a response, a resolution cycle ended by a reopen under <see cref="ReopenBehaviour.NewCycle"/>, a callback
/// cycle ended by the next resolution. The current cycle is the status itself.
/// </summary>
/// <param name="Agreement">The agreement version measured.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Cycle">The cycle's number, from 1.</param>
/// <param name="StartedAt">Where the cycle's target counted from.</param>
/// <param name="StoppedAt">When the cycle stopped (or was cancelled).</param>
/// <param name="Elapsed">The time it counted.</param>
/// <param name="Target">The target it was measured against, by the priority in force when it stopped.</param>
/// <param name="State"><see cref="SlaState.Met"/>, <see cref="SlaState.Missed"/> or <see cref="SlaState.Cancelled"/>.</param>
public readonly record struct SlaCycle(
    AgreementReference Agreement, Metric Metric, int Cycle, Instant StartedAt, Instant StoppedAt, Duration Elapsed, Duration Target, SlaState State);
