using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The brute-force SLA oracle: walks a ticket's life minute by minute. A minute counts for a metric when the calendar
/// is open (for business-time targets) and the ticket's condition during that minute counts for the metric. Events must
/// fall on whole minutes, at most one per minute.
/// </summary>
public sealed class ReferenceClock
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    public sealed record Expected(
        SlaState State, Duration Target, Duration Elapsed, Instant? Breach, Instant? Due, IReadOnlyList<Instant> Stages, int Cycle, int MissedCycles, Instant? NextChange)
    {
        /// <summary>Whether the clock runs on but its deadline lies beyond the projection horizon (so <see cref="Due"/> is unknown).</summary>
        public bool DueBeyondHorizon { get; init; }

        /// <summary>Where the cell in force counts from: the cycle's start, or when the cell first applied.</summary>
        public Instant? Origin { get; init; }

        /// <summary>
        /// Asserts that the clock's <paramref name="actual"/> status agrees with this one, member by member, with a message
        /// naming the member; a deadline beyond <paramref name="horizon"/> need only lie beyond it. <paramref name="origin"/>
        /// also compares where the cell counts from.
        /// </summary>
        public void AssertMatches(SlaStatus actual, Instant now, Duration horizon, bool origin = false)
        {
            var label = $"{actual.Metric} at {now}";
            Assert.True(State == actual.State, $"{label}: state {actual.State}, expected {State}; {actual}");
            Assert.True(Elapsed == actual.Elapsed, $"{label}: elapsed {actual.Elapsed}, expected {Elapsed}");
            Assert.True(Breach == actual.BreachedAt, $"{label}: breach {actual.BreachedAt}, expected {Breach}");
            if (DueBeyondHorizon)
            {
                Assert.True(actual.DueAt > now + horizon, $"{label}: due {actual.DueAt}, expected beyond the horizon");
            }
            else
            {
                Assert.True(Due == actual.DueAt, $"{label}: due {actual.DueAt}, expected {Due}");
            }

            Assert.True(Cycle == actual.Cycle, $"{label}: cycle {actual.Cycle}, expected {Cycle}");
            Assert.True(MissedCycles == actual.MissedCycles, $"{label}: missed cycles {actual.MissedCycles}, expected {MissedCycles}");
            Assert.Equal(Stages, actual.Stages.Select(s => s.At));
            if (State != SlaState.NotApplicable)
            {
                Assert.True(Target == actual.Target, $"{label}: target {actual.Target}, expected {Target}");
                Assert.True(!origin || Origin == actual.StartedAt, $"{label}: started {actual.StartedAt}, expected {Origin}");
            }
        }
    }

    /// <summary>The ticket's condition from one event to the next, in the spec's own words.</summary>
    private sealed record Condition(
        bool Open, bool Cancelled, HoldReason? Hold, bool Responded, bool Arrived, bool EverResolved, bool ResolvedBeforeArrival,
        Priority Priority, int PublicResponses, int ReopensAfterResponse, int Reopens, DepartmentId? Team, bool Referred);

    private readonly List<(Instant From, Condition Condition)> _conditions = [];
    private readonly ServiceLevelAgreement _agreement;
    private readonly Func<Instant, bool> _open;
    private readonly Metric _metric;
    private readonly TicketOpened _opened;
    private readonly Instant _now;
    private readonly ReferenceDeadline? _deadlines;
    private readonly Dictionary<(ServiceTarget, Instant), (Instant Due, long Amount)> _deadlineCache = [];

    private ReferenceClock(IReadOnlyList<TicketEvent> history, ServiceLevelAgreement agreement, Func<Instant, bool> businessOpen, Metric metric, Instant now, ReferenceDeadline? deadlines)
    {
        (_agreement, _open, _metric, _now, _deadlines) = (agreement, businessOpen, metric, now, deadlines);
        _opened = (TicketOpened)history[0];
        var c = new Condition(true, false, null, false, false, false, false, _opened.Priority, 0, 0, 0, null, false);
        _conditions.Add((_opened.OccurredAt, c));
        foreach (var e in history.Skip(1).Where(e => e.OccurredAt <= now))
        {
            c = e switch
            {
                TicketResumed => c with { Hold = null },
                ThirdPartyReturned => c with { Hold = null, Referred = false },
                TicketOnHold h => c with { Hold = h.Reason },
                ReferredToThirdParty => c with { Hold = HoldReason.WaitingForThirdParty, Referred = true },
                TicketAssigned a => c with { Team = a.Department },
                TicketTransferred t => c with { Team = t.Department },
                ResponseRecorded { IsPublic: true } => c with { Responded = true, PublicResponses = c.PublicResponses + 1 },
                OnSiteArrived => c with { Arrived = true },
                PriorityChanged p => c with { Priority = p.To },
                TicketResolved => c with { Open = false, Hold = null, Referred = false, EverResolved = true, ResolvedBeforeArrival = c.ResolvedBeforeArrival || !c.Arrived },
                TicketReopened => c with { Open = true, Reopens = c.Reopens + 1, ReopensAfterResponse = c.ReopensAfterResponse + (c.PublicResponses > 0 ? 1 : 0) },
                TicketCancelled => c with { Cancelled = true, Hold = null },
                _ => c,
            };
            _conditions.Add((e.OccurredAt, c));
        }
    }

    /// <summary>The reference status; <paramref name="deadlines"/> computes deadlines in business days, when the agreement has any.</summary>
    public static Expected? Evaluate(
        IReadOnlyList<TicketEvent> history, ServiceLevelAgreement agreement, Func<Instant, bool> businessOpen, Metric metric, Instant now, int horizonMinutes,
        ReferenceDeadline? deadlines = null)
    {
        var opened = (TicketOpened)history[0];
        return !agreement.Targets.Any(t => t.Metric == metric) || (metric == Metric.OnSiteArrival && !opened.RequiresOnSiteVisit)
            ? null
            : new ReferenceClock(history, agreement, businessOpen, metric, now, deadlines).Evaluate(horizonMinutes);
    }

    /// <summary>The condition in force at <paramref name="t"/>: that of the last event at or before it (a binary search; the list is in time order).</summary>
    private Condition At(Instant t)
    {
        var (low, high) = (0, _conditions.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = _conditions[middle].From <= t ? (middle, high) : (low, middle - 1);
        }

        return _conditions[low].Condition;
    }

    private int CycleOf(Condition k) => _metric switch
    {
        Metric.NextResponse => k.PublicResponses + k.ReopensAfterResponse,
        Metric.Resolution when _agreement.Reopen == ReopenBehaviour.NewCycle => k.Reopens + 1,
        _ => 1,
    };

    private bool Started(Condition k) => _metric != Metric.NextResponse || k.PublicResponses > 0;

    private bool Stopped(Condition k) => _metric switch
    {
        Metric.FirstResponse => k.Responded || k.EverResolved,
        Metric.OnSiteArrival => k.Arrived || k.EverResolved,
        _ => !k.Open,
    };

    private bool Paused(Condition k) => k.Hold is { } reason && _agreement.IsPausedBy(reason, _metric);

    /// <summary>
    /// Whether the case is inside the agreement's window: with its team (an OLA naming one), referred to a third party (an
    /// underpinning contract), or always (an SLA, an OLA without a team).
    /// </summary>
    private bool InWindow(Condition k) => _agreement.Kind switch
    {
        AgreementKind.OperationalLevel when _agreement.Team is { } team => k.Team == team,
        AgreementKind.UnderpinningContract => k.Referred,
        _ => true,
    };

    /// <summary>Whether the cycle ever ran inside the window: a windowed clock that never did does not apply.</summary>
    private bool EverInWindow(int cycle) =>
        _conditions.Any(x => CycleOf(x.Condition) == cycle && Started(x.Condition) && !Stopped(x.Condition) && !x.Condition.Cancelled && InWindow(x.Condition));

    private bool Counts(Condition k, int cycle) => CycleOf(k) == cycle && Started(k) && !Stopped(k) && !k.Cancelled && !Paused(k) && InWindow(k);

    /// <summary>A cycle's stop: the start of its last stopped stretch, or the start of the next cycle.</summary>
    private Instant? StopOf(int cycle)
    {
        var inCycle = _conditions.Where(x => CycleOf(x.Condition) == cycle).ToList();
        Instant? stop = null;
        for (var i = 0; i < inCycle.Count; i++)
        {
            var halted = Stopped(inCycle[i].Condition) || inCycle[i].Condition.Cancelled;
            var wasHalted = i > 0 && (Stopped(inCycle[i - 1].Condition) || inCycle[i - 1].Condition.Cancelled);
            stop = halted ? (wasHalted ? stop : inCycle[i].From) : null;
        }

        return stop ?? _conditions.FirstOrDefault(x => CycleOf(x.Condition) > cycle) switch
        {
            { Condition: not null } next => next.From,
            _ => null,
        };
    }

    private Measured Measure(int cycle, Instant? stop) => Measure(cycle, stop ?? _now, At(stop ?? _now).Priority);

    /// <summary>One cycle measured under one cell: what the clock counted, the crossings (the last one never before <see cref="NotBefore"/>).</summary>
    private sealed record Measured(ServiceTarget? Target, long Elapsed, List<Instant> Crossings, long[] Thresholds, Instant? NotBefore, Instant Origin, long Amount);

    private Measured Measure(int cycle, Instant end, Priority priority)
    {
        var target = _agreement.TargetFor(_metric, priority, _opened.CustomerTier);
        var start = _conditions.First(x => CycleOf(x.Condition) == cycle).From;
        if (target is null)
        {
            return new Measured(null, 0, [], [], null, start, 0);
        }

        // The cell counts from the cycle's start, or from the first instant of the cycle it was the cell in force.
        var origin = target.Start == TargetStart.WhenApplies
            ? _conditions.First(x => CycleOf(x.Condition) == cycle && ReferenceEquals(_agreement.TargetFor(_metric, x.Condition.Priority, _opened.CustomerTier), target)).From
            : start;
        var amount = target.Target.ToInt64Nanoseconds();
        Instant? notBefore = null;
        var stages = true;
        if (target.Deadline is { } deadline)
        {
            if (!_deadlineCache.TryGetValue((target, origin), out var computed))
            {
                var due = _deadlines!.Due(deadline, origin);
                long minutes = 0;
                for (var t = origin; t < due; t += Minute)
                {
                    minutes += _open(t) ? 1 : 0;
                }

                computed = _deadlineCache[(target, origin)] = (due, minutes * Minute.ToInt64Nanoseconds());
            }

            (notBefore, amount) = (computed.Due, computed.Amount);
            stages = amount > 0;
        }

        var thresholds = stages
            ? _agreement.WarningStages.Select(p => (long)(amount * p / 100m)).Append(amount).ToArray()
            : [amount];
        var crossings = new List<Instant>();
        if (amount == 0)
        {
            crossings.Add(notBefore!.Value);
        }

        long elapsed = 0;
        for (var t = origin; t < end && t < _now; t += Minute)
        {
            if (Counts(At(t), cycle) && (target.Basis == TimeBasis.CalendarTime || _open(t)))
            {
                Cross(thresholds, crossings, ref elapsed, t, notBefore);
            }
        }

        return new Measured(target, elapsed, crossings, thresholds, notBefore, origin, amount);
    }

    /// <summary>The first deadline missed under the target in force just before a priority change within the cycle, if any.</summary>
    private Instant? LockedBreach(int cycle)
    {
        for (var i = 1; i < _conditions.Count; i++)
        {
            var (changedAt, k) = _conditions[i];
            var before = _conditions[i - 1].Condition;
            if (k.Priority == before.Priority || CycleOf(before) != cycle || !Started(before) || Stopped(before) || before.Cancelled)
            {
                continue;
            }

            var (target, _, crossings, thresholds, _, _, _) = Measure(cycle, changedAt, before.Priority);
            if (target is not null && crossings.Count == thresholds.Length && crossings[^1] <= changedAt)
            {
                return crossings[^1];
            }
        }

        return null;
    }

    private static void Cross(long[] thresholds, List<Instant> crossings, ref long elapsed, Instant minute, Instant? notBefore)
    {
        var length = Minute.ToInt64Nanoseconds();
        while (crossings.Count < thresholds.Length && elapsed + length >= thresholds[crossings.Count])
        {
            var at = minute + Duration.FromNanoseconds(thresholds[crossings.Count] - elapsed);
            crossings.Add(crossings.Count == thresholds.Length - 1 && notBefore > at ? notBefore.Value : at);
        }

        elapsed += length;
    }

    private Expected Evaluate(int horizonMinutes)
    {
        var final = At(_now);
        var cycle = CycleOf(final);
        if (!Started(final))
        {
            return new Expected(SlaState.NotApplicable, Duration.Zero, Duration.Zero, null, null, [], 1, 0, null);
        }

        var missedBefore = Enumerable.Range(1, Math.Max(cycle - 1, 0))
            .Count(earlier => _conditions.Any(x => CycleOf(x.Condition) == earlier) && EverInWindow(earlier) && StopOf(earlier) is { } s && Measure(earlier, s) is { Target: not null } m
                && ((m.Crossings.Count == m.Thresholds.Length && m.Crossings[^1] < s) || LockedBreach(earlier) is not null));

        var stop = StopOf(cycle);
        var (target, elapsed, crossings, thresholds, notBefore, origin, amount) = Measure(cycle, stop);
        if (target is null || !EverInWindow(cycle))
        {
            return new Expected(SlaState.NotApplicable, Duration.Zero, Duration.Zero, null, null, [], cycle, missedBefore, null);
        }

        var cancelled = (final.Cancelled && !Stopped(final)) || (_metric == Metric.OnSiteArrival && final.ResolvedBeforeArrival);
        var locked = LockedBreach(cycle);
        Instant? own = crossings.Count == thresholds.Length ? crossings[^1] : null;
        Instant? breach = target.Start == TargetStart.Retroactive && own < locked ? own : locked ?? own;
        var missed = !cancelled && (locked is not null || (breach is { } b && (stop is { } st ? b < st : b <= _now)));
        var waiting = Paused(final) || !InWindow(final);
        var state = cancelled ? SlaState.Cancelled : missed ? SlaState.Missed : stop is not null ? SlaState.Met : waiting ? SlaState.Paused : SlaState.Running;

        Instant? due = null;
        Instant? next = null;
        if (!cancelled && stop is null && !waiting)
        {
            // Project forward from now with the ticket's condition frozen.
            var projected = new List<Instant>(crossings);
            var projectedElapsed = elapsed;
            for (var t = _now; projected.Count < thresholds.Length && t < _now + (Minute * horizonMinutes); t += Minute)
            {
                if (target.Basis == TimeBasis.CalendarTime || _open(t))
                {
                    Cross(thresholds, projected, ref projectedElapsed, t, notBefore);
                }
            }

            due = breach ?? (projected.Count == thresholds.Length ? projected[^1] : null);
            next = projected.Count > crossings.Count && !(locked is not null && crossings.Count == thresholds.Length - 1) ? projected[crossings.Count]
                : crossings.Count == thresholds.Length && locked is null && crossings[^1] > _now ? crossings[^1]
                : null;
        }

        return new Expected(
            state, Duration.FromNanoseconds(amount), Duration.FromNanoseconds(elapsed), missed ? breach : null, due, [.. crossings.Take(thresholds.Length - 1)],
            cycle, missedBefore + (missed ? 1 : 0), next)
        {
            DueBeyondHorizon = !cancelled && stop is null && !waiting && due is null,
            Origin = origin,
        };
    }
}
