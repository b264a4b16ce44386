using System.Diagnostics;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// The clock of one metric of one case, driven by the case's events in order: it records the spans in which the clock
/// counts (started, not paused, not stopped) and, when asked, measures them against the target in force. Cycles end on
/// <see cref="NewCycle"/>, which settles the old cycle's outcome with the priority in force when it stopped.
/// </summary>
/// <remarks>
/// Instants are timeline positions (nanoseconds since the Unix epoch, <see cref="CompiledTimeline.ToNanoseconds"/>): the
/// caller checks them against the calendars' supported range once, so that measuring needs neither a check nor a
/// conversion per span; they become <see cref="Instant"/>s again only in what the clock reports.
/// </remarks>
internal ref struct MetricClock
{
    private readonly Metric _metric;
    private readonly AgreementVersion _agreement;
    private readonly ServiceTier _tier;
    private readonly BusinessCalendar _businessCalendar;
    private readonly Span<long> _spanStarts;
    private readonly Span<long> _spanEnds;
    private int _spans;
    private bool _started;
    private bool _heldPaused;
    private bool _outside;
    private bool _everInside;
    private List<SlaCycle>? _completed;
    private bool _stopped;
    private bool _cancelled;
    private long _startedAt;
    private long _stoppedAt;
    private Priority _priorityAtStop;
    private int _cycle;
    private int _missedBefore;
    private long? _lockedBreach;

    /// <summary>For each priority (P1 to P4), the first position of the current cycle it was in force; see <see cref="_priorityInForce"/>.</summary>
    private PriorityPositions _priorityFirstInForce;
    private int _priorityInForce;

    public MetricClock(Metric metric, AgreementVersion agreement, ServiceTier tier, BusinessCalendar businessCalendar, Span<long> spanStarts, Span<long> spanEnds)
    {
        _metric = metric;
        _agreement = agreement;
        _tier = tier;
        _businessCalendar = businessCalendar;
        _spanStarts = spanStarts;
        _spanEnds = spanEnds;
    }

    public readonly bool IsStarted => _started;

    public readonly bool IsStopped => _stopped || _cancelled;

    private readonly bool IsCounting => _started && !_heldPaused && !_outside && !_stopped && !_cancelled;

    /// <summary>
    /// Makes the clock count only inside a window (an OLA's team holding the case, an underpinning contract's referral),
    /// starting outside it; <see cref="SetWindow"/> moves it in and out. A clock whose cycle never was inside reports
    /// <see cref="SlaState.NotApplicable"/>.
    /// </summary>
    public void Windowed() => _outside = true;

    /// <summary>Keeps every cycle this clock completes in <paramref name="completed"/>.</summary>
    public void KeepCycles(List<SlaCycle>? completed) => _completed = completed;

    /// <summary>The case entered (<paramref name="inside"/>) or left the clock's window at <paramref name="at"/>.</summary>
    public void SetWindow(bool inside, long at)
    {
        if (inside != _outside)
        {
            return;
        }

        if (inside)
        {
            _outside = false;
            if (!IsStopped)
            {
                _everInside = true;
            }

            OpenIfCounting(at);
        }
        else
        {
            CloseIfCounting(at);
            _outside = true;
        }
    }

    public void Start(long at, Priority priority)
    {
        (_started, _startedAt, _cycle, _priorityInForce) = (true, at, 1, 0);
        _everInside = !_outside;
        PriorityChanged(at, priority);
        OpenIfCounting(at);
    }

    /// <summary>
    /// The priority in force is now <paramref name="priority"/>: noted as the first instant of the cycle it applies, when it
    /// is, for cells that start when they first apply (<see cref="TargetStart.WhenApplies"/>).
    /// </summary>
    public void PriorityChanged(long at, Priority priority)
    {
        var index = (int)priority - 1;
        if ((uint)index < PriorityPositions.Count && (_priorityInForce & (1 << index)) == 0)
        {
            _priorityFirstInForce[index] = at;
            _priorityInForce |= 1 << index;
        }
    }

    /// <summary>A hold began or ended; <paramref name="pauses"/> says whether the current hold pauses this metric.</summary>
    public void SetHold(bool pauses, long at)
    {
        if (pauses == _heldPaused)
        {
            return;
        }

        if (pauses)
        {
            CloseIfCounting(at);
            _heldPaused = true;
        }
        else
        {
            _heldPaused = false;
            OpenIfCounting(at);
        }
    }

    public void Stop(long at, Priority priority)
    {
        if (!_started || IsStopped)
        {
            return;
        }

        CloseIfCounting(at);
        (_stopped, _stoppedAt, _priorityAtStop) = (true, at, priority);
    }

    public void Cancel(long at, Priority priority)
    {
        if (!_started || IsStopped)
        {
            return;
        }

        CloseIfCounting(at);
        (_cancelled, _stoppedAt, _priorityAtStop) = (true, at, priority);
    }

    /// <summary>
    /// The priority is about to change: a deadline already missed under the target in force stays missed, even if the
    /// new priority's target would allow more time (a missed status never becomes met).
    /// </summary>
    public void PriorityChanging(long at, Priority from)
    {
        if (_started && !IsStopped && _lockedBreach is null && !IsShortOf(at, from))
        {
            LockIfMissed(at, from);
        }
    }

    /// <summary>
    /// Locks the breach when the deadline under <paramref name="from"/> was missed by <paramref name="at"/>. Out of line,
    /// as is the measuring in <see cref="NewCycle"/>: inlined into the event driver, the measurement on its frame was
    /// zeroed on every call of the driver.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void LockIfMissed(long at, Priority from)
    {
        if (Measure(at, from, stages: false, out var m) && m.Missed)
        {
            _lockedBreach = m.Breach;
        }
    }

    /// <summary>A reopen under <see cref="ReopenBehaviour.ContinueClock"/>: the stopped clock counts again, elapsed time kept.</summary>
    public void Continue(long at)
    {
        if (!_stopped)
        {
            return;
        }

        _stopped = false;
        _everInside |= !_outside;
        OpenIfCounting(at);
    }

    /// <summary>Ends the current cycle (settling whether it missed) and starts the next one at <paramref name="at"/>.</summary>
    public void NewCycle(long at, Priority priority)
    {
        if (!_started)
        {
            Start(at, priority);
            return;
        }

        if (!_stopped && !_cancelled)
        {
            Stop(at, priority);
        }

        // Without cycles to keep, only whether the cycle missed matters, and a cycle short of its target did not.
        if (_everInside && (_completed is not null || _lockedBreach is not null || !IsShortOf(at, _priorityAtStop)))
        {
            Settle(at);
        }

        var cycle = _cycle + 1;
        (_spans, _stopped, _cancelled, _lockedBreach) = (0, false, false, null);
        Start(at, priority);
        _cycle = cycle;
    }

    /// <summary>Settles the cycle that ends at <paramref name="at"/>: counts it if it missed, and keeps it when cycles are kept.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Settle(long at)
    {
        if (Measure(at, _priorityAtStop, stages: false, out var measure))
        {
            var missed = !_cancelled && measure.Missed;
            _missedBefore += missed ? 1 : 0;
            _completed?.Add(new SlaCycle(
                _agreement.Reference, _metric, _cycle, ToInstant(measure.Origin), ToInstant(_stoppedAt), ToDuration(measure.Elapsed),
                ToDuration(measure.TargetNanoseconds), _cancelled ? SlaState.Cancelled : missed ? SlaState.Missed : SlaState.Met));
        }
    }

    /// <summary>
    /// The status at <paramref name="now"/>, and the next instant (after now) at which it will change; written straight
    /// to where it is kept (<paramref name="status"/>), since a status is large and a returned copy would be copied again.
    /// </summary>
    public readonly void Status(long now, Priority currentPriority, out Instant? nextChange, ref SlaStatus status)
    {
        nextChange = null;
        if (!_started || !_everInside || !Measure(now, currentPriority, stages: true, out var m))
        {
            NotApplicable(currentPriority, ref status);
            return;
        }

        var state = _cancelled ? SlaState.Cancelled
            : m.Missed ? SlaState.Missed
            : _stopped ? SlaState.Met
            : _heldPaused || _outside ? SlaState.Paused
            : SlaState.Running;
        var due = NoPosition;
        var dueBeyondRange = false;
        if (IsCounting)
        {
            // A target that runs out only after the end of the calendar's supported range has no deadline to report.
            if (m.Breach is { } breach)
            {
                due = breach;
            }
            else
            {
                // Never earlier than a deadline in business days computed from the origin (the breach already is).
                due = TimelineOf(m.Basis).AddOrNone(now, m.TargetNanoseconds - m.Elapsed);
                dueBeyondRange = due == NoPosition;
                if (!dueBeyondRange && m.NotBefore is { } notBefore && notBefore > due)
                {
                    due = notBefore;
                }
            }

            // The next change is the next stage, or the deadline; a deadline already missed under an earlier priority changes nothing more.
            if (m.NextThreshold < m.Thresholds - 1)
            {
                var stage = TimelineOf(m.Basis).AddOrNone(now, m.NextAmount - m.Elapsed);
                nextChange = stage == NoPosition ? null : ToInstant(stage);
            }
            else if (_lockedBreach is null && due > now)
            {
                nextChange = ToInstant(due);
            }
        }

        SlaStatus.Write(
            ref status, _metric, state, m.TargetNanoseconds, m.Basis, m.Elapsed, due, dueBeyondRange,
            m.Missed ? m.Breach ?? NoPosition : NoPosition, _cycle, _missedBefore + (m.Missed ? 1 : 0), _agreement.StatusSource, m.Origin,
            IsStopped ? _stoppedAt : NoPosition, m.Crossings, m.StagesReached);
    }

    /// <summary>The status of a clock that did not start (or whose window never opened), or has no target: apart, so that a status is built in one place per call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private readonly void NotApplicable(Priority currentPriority, ref SlaStatus status)
    {
        var target = _agreement.TargetFor(_metric, IsStopped ? _priorityAtStop : currentPriority, _tier);
        SlaStatus.Write(
            ref status, _metric, SlaState.NotApplicable, target is null ? 0 : target.Target.ToInt128Nanoseconds(), target?.Basis ?? TimeBasis.BusinessTime, 0, NoPosition, false,
            NoPosition, Math.Max(_cycle, 1), _missedBefore, _agreement.StatusSource, _started ? _startedAt : NoPosition, NoPosition, default, 0);
    }

    /// <summary>
    /// The current cycle's counted time by holder: each counting span (from the origin of the cell in force, the open one up
    /// to <paramref name="now"/>) cut at the instants the holder changed, measured on the cell's calendar.
    /// </summary>
    public readonly SlaBreakdown Breakdown(long now, Priority currentPriority, ReadOnlySpan<Instant> holderFrom, ReadOnlySpan<CaseHolder> holders, in SlaStatus status)
    {
        var shares = new List<HolderShare>();
        var target = _started && _everInside ? _agreement.TargetFor(_metric, IsStopped ? _priorityAtStop : currentPriority, _tier) : null;
        if (target is not null && status.State != SlaState.NotApplicable)
        {
            var timeline = (target.Basis == TimeBasis.BusinessTime ? _businessCalendar : BusinessCalendar.AlwaysOpen).Timeline;
            var origin = target.Start == TargetStart.WhenApplies ? FirstInForce(target) : _startedAt;
            Span<Int128> totals = holders.Length < 32 ? stackalloc Int128[holders.Length + 1] : new Int128[holders.Length + 1];
            for (var i = 0; i <= _spans; i++)
            {
                var (from, to) = i < _spans ? (_spanStarts[i], _spanEnds[i]) : (_spanStarts[i], IsCounting ? now : _spanStarts[i]);
                from = from < origin ? origin : from;
                for (var h = -1; h < holders.Length && from < to; h++)
                {
                    // Holder h (-1: nobody yet) held the case from holderFrom[h] until the next change.
                    var end = h + 1 < holders.Length ? CompiledTimeline.ToNanoseconds(holderFrom[h + 1]) : long.MaxValue;
                    var pieceEnd = end < to ? end : to;
                    if (pieceEnd > from)
                    {
                        totals[h + 1] += timeline.Between(from, pieceEnd);
                        from = pieceEnd;
                    }
                }
            }

            for (var h = -1; h < holders.Length; h++)
            {
                if (totals[h + 1] == 0)
                {
                    continue;
                }

                var holder = h < 0 ? default : holders[h];
                var index = shares.Count - 1;
                while (index >= 0 && shares[index].Holder != holder)
                {
                    index--;
                }

                var elapsed = ToDuration(totals[h + 1]);
                if (index < 0)
                {
                    shares.Add(new HolderShare(holder, elapsed));
                }
                else
                {
                    shares[index] = shares[index] with { Elapsed = shares[index].Elapsed + elapsed };
                }
            }
        }

        CaseHolder? atBreach = null;
        if (status.BreachedAt is { } breach)
        {
            atBreach = default(CaseHolder);
            for (var h = 0; h < holders.Length && holderFrom[h] <= breach; h++)
            {
                atBreach = holders[h];
            }
        }

        return new SlaBreakdown(_agreement.Reference, _metric, shares, atBreach);
    }

    /// <summary>
    /// Measures the recorded spans (and the open one, up to <paramref name="now"/>) against the target in force; without
    /// <paramref name="stages"/> only the target matters, and the stage thresholds (and the calendar searches they cost) are skipped.
    /// </summary>
    private readonly bool Measure(long now, Priority currentPriority, bool stages, out Measurement m)
    {
        var priority = IsStopped ? _priorityAtStop : currentPriority;
        var target = _agreement.TargetFor(_metric, priority, _tier);
        if (target is null)
        {
            m = default;
            return false;
        }

        var calendar = target.Basis == TimeBasis.BusinessTime ? _businessCalendar : BusinessCalendar.AlwaysOpen;
        var origin = target.Start == TargetStart.WhenApplies ? FirstInForce(target) : _startedAt;

        // A deadline in business days is a duration per cycle: the business time from the origin to the deadline.
        var amount = target.Target.ToInt128Nanoseconds();
        long? notBefore = null;
        if (target.Deadline is { } deadline)
        {
            var from = ToInstant(origin);
            var due = deadline.Due(from, calendar);
            (amount, notBefore) = due is { } d ? (calendar.BusinessNanosecondsBetween(from, d), CompiledTimeline.ToNanoseconds(d)) : (Unreachable, (long?)null);
            stages &= due is not null;
        }

        // Built in place: the measurement is large (the stage instants), and a copy of it would cost more than the loop below.
        var timeline = calendar.Timeline;
        var fractions = _agreement.StageFractions;
        m = default;
        m.Init(target.Basis, amount, notBefore, origin, fractions, stages);

        for (var i = 0; i < _spans; i++)
        {
            var from = _spanStarts[i] < origin ? origin : _spanStarts[i];
            if (from < _spanEnds[i])
            {
                m.Add(timeline, fractions, from, _spanEnds[i]);
            }
        }

        var counting = IsCounting;
        var open = counting && _spanStarts[_spans] < origin ? origin : _spanStarts[_spans];
        if (counting && now > open)
        {
            m.Add(timeline, fractions, open, now);
        }

        var end = IsStopped ? _stoppedAt : now;
        m.Missed = !_cancelled && ((m.Breach is { } breach && (IsStopped ? breach < end : breach <= end)) || _lockedBreach is not null);

        // A deadline missed under the earlier cell stands, unless the cell in force applies retroactively and ran out first.
        m.Breach = target.Start == TargetStart.Retroactive && m.Breach < _lockedBreach ? m.Breach : _lockedBreach ?? m.Breach;
        return true;
    }

    /// <summary>
    /// Whether the current cycle is known, without measuring on a calendar, to have counted less than its target by
    /// <paramref name="now"/> (or to have no target): the counting spans last less wall-clock time than a target that is a
    /// plain duration, and open time never exceeds the wall-clock time it lies in. False when it cannot tell.
    /// </summary>
    private readonly bool IsShortOf(long now, Priority currentPriority)
    {
        var target = _agreement.TargetFor(_metric, IsStopped ? _priorityAtStop : currentPriority, _tier);
        if (target is null)
        {
            return true;
        }

        if (target.Deadline is not null)
        {
            return false;
        }

        // 128 bits: positions span more than 2^63 ns.
        Int128 wall = 0;
        for (var i = 0; i < _spans; i++)
        {
            wall += _spanEnds[i] - (Int128)_spanStarts[i];
        }

        if (IsCounting && now > _spanStarts[_spans])
        {
            wall += now - (Int128)_spanStarts[_spans];
        }

        return wall < target.Target.ToInt128Nanoseconds();
    }

    /// <summary>The first position of the cycle at which <paramref name="target"/> was the cell in force: the earliest of the priorities it serves.</summary>
    private readonly long FirstInForce(ServiceTarget target)
    {
        var first = (long?)null;
        for (var i = 0; i < PriorityPositions.Count; i++)
        {
            if ((_priorityInForce & (1 << i)) != 0 && ReferenceEquals(_agreement.TargetFor(_metric, (Priority)(i + 1), _tier), target)
                && (first is null || _priorityFirstInForce[i] < first))
            {
                first = _priorityFirstInForce[i];
            }
        }

        return first ?? _startedAt;
    }

    /// <summary>What a status holds for a missing instant.</summary>
    private const long NoPosition = CompiledTimeline.NoPosition;

    /// <summary>The target of a deadline in business days that is not reachable in the supported range: longer than any business time in it.</summary>
    private static readonly Int128 Unreachable = Duration.MaxValue.ToInt128Nanoseconds();

    private static Duration ToDuration(Int128 nanoseconds) =>
        nanoseconds <= long.MaxValue && nanoseconds >= long.MinValue
            ? Duration.FromNanoseconds((long)nanoseconds)
            : Duration.FromNanoseconds((System.Numerics.BigInteger)nanoseconds);

    private static Instant ToInstant(long position) => CompiledTimeline.ToInstant(position);

    /// <summary>The timeline a target of <paramref name="basis"/> is measured on.</summary>
    private readonly CompiledTimeline TimelineOf(TimeBasis basis) => (basis == TimeBasis.BusinessTime ? _businessCalendar : BusinessCalendar.AlwaysOpen).Timeline;

    private static Instant? ToInstant(long? position) => position is { } p ? CompiledTimeline.ToInstant(p) : null;

    private void OpenIfCounting(long at)
    {
        if (IsCounting)
        {
            _spanStarts[_spans] = at;
        }
    }

    private void CloseIfCounting(long at)
    {
        if (IsCounting)
        {
            _spanEnds[_spans++] = at;
        }
    }

    /// <summary>
    /// Elapsed time over counting spans, with the instants at which each stage and the target were reached. It holds no
    /// references (the timeline and the stages are passed to each call), so that setting one up is a plain block of
    /// zeros rather than stores the garbage collector must be told of.
    /// </summary>
    private struct Measurement
    {
        public TimeBasis Basis;
        public Int128 TargetNanoseconds;
        public int Thresholds;

        /// <summary>For a deadline in business days, the deadline as computed from the origin: the breach is never earlier.</summary>
        public long? NotBefore;

        /// <summary>Where the cell's clock counts from: the cycle's start, or when the cell first applied.</summary>
        public long Origin;

        // 128 bits: a target may be any duration, and the supported range holds more than 2^63 ns of elapsed time.
        public Int128 Elapsed;
        public int NextThreshold;
        public int StagesReached;
        public StageInstants Crossings;
        public long? Breach;
        public bool Missed;

        /// <summary>The amount of <see cref="NextThreshold"/>, while it is below <see cref="Thresholds"/>: computed when it becomes next, not for every stage up front.</summary>
        private Int128 _nextAmount;

        /// <summary>The elapsed time at which <see cref="NextThreshold"/> is reached, while it is below <see cref="Thresholds"/>.</summary>
        public readonly Int128 NextAmount => _nextAmount;

        /// <summary>Sets up a measurement from nothing measured; called on a default value.</summary>
        public void Init(TimeBasis basis, Int128 amount, long? notBefore, long origin, StageFraction[] stages, bool withStages)
        {
            Basis = basis;
            TargetNanoseconds = amount;
            NotBefore = notBefore;
            Origin = origin;
            Thresholds = stages.Length + 1;
            if (amount == 0)
            {
                // A deadline with no business time before it (08:00 when the day opens at 09:00): due at that instant, without stages.
                NextThreshold = Thresholds;
                Breach = notBefore;
            }
            else
            {
                NextThreshold = withStages ? 0 : stages.Length;
                _nextAmount = ThresholdAmount(stages, NextThreshold);
            }
        }

        /// <summary>
        /// The elapsed time at which threshold <paramref name="index"/> is reached: a stage's share of the target, or the
        /// target itself; <paramref name="stages"/> are the ones the measurement was set up with.
        /// </summary>
        public readonly Int128 ThresholdAmount(StageFraction[] stages, int index) => index < stages.Length ? stages[index].Of(TargetNanoseconds) : TargetNanoseconds;

        /// <summary>Counts [<paramref name="from"/>, <paramref name="to"/>) on <paramref name="timeline"/>, with the <paramref name="stages"/> the measurement was set up with.</summary>
        public void Add(CompiledTimeline timeline, StageFraction[] stages, long from, long to)
        {
            var length = timeline.Between(from, to);
            while (NextThreshold < Thresholds && Elapsed + length >= _nextAmount)
            {
                var amount = _nextAmount - Elapsed;

                // The amount lies within [from, to), so it is reached inside the supported range.
                var at = amount == 0 ? from : timeline.AddOrNone(from, amount);
                if (at == NoPosition)
                {
                    throw new UnreachableException();
                }

                if (NextThreshold == Thresholds - 1)
                {
                    Breach = NotBefore > at ? NotBefore : at;
                }
                else
                {
                    Crossings[StagesReached++] = at;
                }

                if (++NextThreshold < Thresholds)
                {
                    _nextAmount = ThresholdAmount(stages, NextThreshold);
                }
            }

            Elapsed += length;
        }
    }
}
