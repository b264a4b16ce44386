using System.Runtime.CompilerServices;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// Where one metric of one case stands at an instant: state, target, elapsed and remaining time (in the target's
/// basis), deadline, breach, warning stages reached, cycle, and the agreement version it was measured under.
/// </summary>
/// <remarks>
/// A value computed by <see cref="SlaClock"/>; it holds no reference to the case. Equality compares every field.
/// Times follow the target's <see cref="Basis"/>: business time on the agreement's calendar, or calendar time.
/// </remarks>
public readonly struct SlaStatus : IEquatable<SlaStatus>
{
    private static readonly Duration LongNanoseconds = Duration.FromNanoseconds(long.MaxValue);

    /// <summary>Stands for a missing instant among the positions the constructors take.</summary>
    private const long None = CompiledTimeline.NoPosition;

    // Kept as the clock computes them — nanoseconds and timeline positions (nanoseconds since the Unix epoch) — and
    // converted to NodaTime values only when read: a status is written far more often than all its fields are read.
    // A position is stored with its sign bit flipped, so that a missing instant is stored as 0 and a default status
    // reads as it always did (no instants, zero durations).
    // Every field is set by Write (through Unsafe.AsRef, which the compiler does not count as an assignment).
#pragma warning disable CS0649
    private readonly Int128 _target;
    private readonly Int128 _elapsed;
    private readonly long _dueAt;
    private readonly long _breachedAt;
    private readonly long _startedAt;
    private readonly long _stoppedAt;

    /// <summary>
    /// The agreement version and its warning stages (one reference for both, so that writing a status costs one
    /// garbage-collector barrier, not three), and, in the rare <see cref="StatusSource.WithInstants"/>, the instants when
    /// one of them cannot be a position; null in a default status.
    /// </summary>
    private readonly StatusSource? _source;
    private readonly StageInstants _stageInstants;

    private readonly Metric _metric;
    private readonly SlaState _state;
    private readonly TimeBasis _basis;
    private readonly bool _isDueBeyondSupportedRange;
    private readonly int _cycle;
    private readonly int _missedCycles;
    private readonly int _stageCount;
#pragma warning restore CS0649

    /// <summary>A status from the clock's own values: nanoseconds, and positions (<see cref="long.MinValue"/> for none).</summary>
    internal SlaStatus(
        Metric metric, SlaState state, Int128 target, TimeBasis basis, Int128 elapsed, long dueAt, bool isDueBeyondSupportedRange, long breachedAt,
        int cycle, int missedCycles, StatusSource source, long startedAt, long stoppedAt, in StageInstants stageInstants, int stageCount)
    {
        Write(
            ref this, metric, state, target, basis, elapsed, dueAt, isDueBeyondSupportedRange, breachedAt, cycle, missedCycles, source, startedAt, stoppedAt,
            stageInstants, stageCount);
    }

    /// <summary>A status without warning stages, from NodaTime values.</summary>
    internal SlaStatus(
        Metric metric, SlaState state, Duration target, TimeBasis basis, Duration elapsed, Instant? dueAt, Instant? breachedAt,
        int cycle, int missedCycles, StatusSource source, Instant? startedAt, Instant? stoppedAt)
        : this(
            metric, state, target.ToInt128Nanoseconds(), basis, elapsed.ToInt128Nanoseconds(), ToPosition(dueAt), false, ToPosition(breachedAt),
            cycle, missedCycles, source, ToPosition(startedAt), ToPosition(stoppedAt), default, 0)
    {
        if (!IsPositionable(dueAt) || !IsPositionable(breachedAt) || !IsPositionable(startedAt) || !IsPositionable(stoppedAt))
        {
            _source = new StatusSource.WithInstants(source, dueAt, breachedAt, startedAt, stoppedAt);
        }
    }

    /// <summary>The metric.</summary>
    public Metric Metric => _metric;

    /// <summary>Where the clock stands.</summary>
    public SlaState State => _state;

    /// <summary>
    /// The target in force: resolved from the agreement version by the case's priority (at the stop, or now) and tier. For
    /// a deadline in business days (<see cref="ServiceTarget.Deadline"/>), the business time from the cycle's start (or
    /// the cell's, by its <see cref="ServiceTarget.Start"/>) to the deadline; <see cref="Duration.MaxValue"/> when the
    /// deadline is beyond the supported range.
    /// </summary>
    public Duration Target => ToDuration(_target);

    /// <summary>Whether times are business time or calendar time.</summary>
    public TimeBasis Basis => _basis;

    /// <summary>Time counted so far in the current cycle (paused spans excluded).</summary>
    public Duration Elapsed => ToDuration(_elapsed);

    /// <summary>Target minus elapsed: negative once the target is exceeded.</summary>
    public Duration Remaining => Target - Elapsed;

    /// <summary>The largest share of a target <see cref="ShareOfTarget"/> computes, in percent.</summary>
    public const decimal MaxSharePercent = 1000m;

    /// <summary>
    /// <paramref name="percent"/> % of <see cref="Target"/>, exactly as warning stages are computed: the percentage rounded
    /// to 12 decimal places, the product rounded down to the nanosecond, never through floating point. Escalation rules
    /// use it for their thresholds, so a rule at 75 % and a warning stage at 75 % fire at the same instant.
    /// </summary>
    /// <param name="percent">The share, from 0 to <see cref="MaxSharePercent"/> (may exceed 100).</param>
    /// <returns>The share of the target; <see cref="Duration.MaxValue"/> when it is larger than any duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is negative or above <see cref="MaxSharePercent"/>.</exception>
    public Duration ShareOfTarget(decimal percent)
    {
        Guard.Against.OutOfRange(percent, nameof(percent), 0m, MaxSharePercent);
        var fraction = StageFraction.Of(percent);
        if (Target <= LongNanoseconds)
        {
            var exact = (Int128)Target.ToInt64Nanoseconds() * fraction.Numerator / fraction.Denominator;
            if (exact <= long.MaxValue)
            {
                return Duration.FromNanoseconds((long)exact);
            }
        }

        var wide = Target.ToBigIntegerNanoseconds() * fraction.Numerator / fraction.Denominator;
        return wide >= Duration.MaxValue.ToBigIntegerNanoseconds() ? Duration.MaxValue : Duration.FromNanoseconds(wide);
    }

    /// <summary>Elapsed as a percentage of the target; may exceed 100.</summary>
    public double ElapsedPercent => Target > Duration.Zero ? Elapsed.TotalNanoseconds * 100d / Target.TotalNanoseconds : 0d;

    /// <summary>
    /// The deadline: when the target runs (or ran) out, while the clock is running. Null when paused, stopped, cancelled or
    /// not applicable, and when the deadline is not reachable in the calendar's supported range (<see cref="IsDueBeyondSupportedRange"/>).
    /// </summary>
    public Instant? DueAt => _source is StatusSource.WithInstants instants ? instants.DueAt : ToInstant(_dueAt);

    /// <summary>
    /// Whether the clock is running but its deadline is not reachable in the supported range: the target runs out only
    /// after the end of the calendar's <see cref="Calendars.BusinessCalendar.SupportedRange"/> (local year 2199), so
    /// <see cref="DueAt"/> is null. Such a clock is running and cannot be missed within the range; this is never true of a
    /// clock that is not running.
    /// </summary>
    public bool IsDueBeyondSupportedRange => _isDueBeyondSupportedRange;

    /// <summary>The exact instant the target ran out, when it has (even long ago); null when it has not.</summary>
    public Instant? BreachedAt => _source is StatusSource.WithInstants instants ? instants.BreachedAt : ToInstant(_breachedAt);

    /// <summary>The cycle reported, from 1 (new cycles start on reopen under <see cref="ReopenBehaviour.NewCycle"/>, and at every public response for next response).</summary>
    public int Cycle => _cycle;

    /// <summary>How many cycles, including the current one, missed their target.</summary>
    public int MissedCycles => _missedCycles;

    /// <summary>The agreement version measured against.</summary>
    public AgreementReference Agreement => _source?.Agreement ?? default;

    /// <summary>
    /// The kind of the agreement measured against: the customer's SLA, a team's OLA or a supplier's underpinning contract
    /// (<see cref="AgreementKind.ServiceLevel"/> for a default status).
    /// </summary>
    public AgreementKind AgreementKind => _source?.Kind ?? AgreementKind.ServiceLevel;

    /// <summary>
    /// When the current cycle's clock started, or, for a cell that starts when it applies
    /// (<see cref="TargetStart.WhenApplies"/>), the first instant of the cycle it was in force; null when it never started.
    /// </summary>
    public Instant? StartedAt => _source is StatusSource.WithInstants instants ? instants.StartedAt : ToInstant(_startedAt);

    /// <summary>When the current cycle's clock stopped (met, missed or cancelled); null while it runs or is paused.</summary>
    public Instant? StoppedAt => _source is StatusSource.WithInstants instants ? instants.StoppedAt : ToInstant(_stoppedAt);

    /// <summary>How many warning stages the current cycle has reached.</summary>
    public int StageCount => _stageCount;

    /// <summary>The warning stages reached, in order (allocates a list; see <see cref="GetStage"/> for allocation-free access).</summary>
    public IReadOnlyList<StageReached> Stages
    {
        get
        {
            var stages = new StageReached[StageCount];
            for (var i = 0; i < stages.Length; i++)
            {
                stages[i] = GetStage(i);
            }

            return stages;
        }
    }

    /// <summary>Whether the deadline was missed.</summary>
    public bool IsMissed => State == SlaState.Missed;

    /// <summary>The <paramref name="index"/>-th warning stage reached.</summary>
    /// <param name="index">From 0 to <see cref="StageCount"/> - 1.</param>
    /// <returns>The stage's percentage and the instant it was reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public StageReached GetStage(int index)
    {
        Guard.Against.LessThan(index, 0);
        Guard.Against.GreaterThan(index, StageCount - 1);
        return new StageReached(_source!.StagePercents[index], _stageInstants.At(index));
    }

    /// <summary>Whether two statuses are equal in every field.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SlaStatus left, SlaStatus right) => left.Equals(right);

    /// <summary>Whether two statuses differ in any field.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(SlaStatus left, SlaStatus right) => !left.Equals(right);

    /// <summary>Whether every field equals <paramref name="other"/>'s.</summary>
    /// <param name="other">The status to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SlaStatus other)
    {
        if ((Metric, State, Target, Basis, Elapsed, DueAt, IsDueBeyondSupportedRange, BreachedAt, Cycle, MissedCycles, Agreement, StartedAt, StoppedAt, StageCount) !=
            (other.Metric, other.State, other.Target, other.Basis, other.Elapsed, other.DueAt, other.IsDueBeyondSupportedRange, other.BreachedAt, other.Cycle, other.MissedCycles, other.Agreement, other.StartedAt, other.StoppedAt, other.StageCount))
        {
            return false;
        }

        for (var i = 0; i < StageCount; i++)
        {
            if (GetStage(i) != other.GetStage(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SlaStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Metric, State, Target, Elapsed, DueAt, BreachedAt, Cycle, Agreement);

    /// <summary>Returns a one-line summary such as <c>FirstResponse Running 00:45:00 of 01:00:00 (75 %), due 2025-03-03T02:00:00Z</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Metric).Append(' ').Append(State)
            .Append(' ').Append(Elapsed.ToString("H:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" of ").Append(Target.ToString("H:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" (").Append(ElapsedPercent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append(" %)");
        if (DueAt is { } due)
        {
            text.Append(", due ").Append(due);
        }
        else if (IsDueBeyondSupportedRange)
        {
            text.Append(", due beyond the supported range");
        }

        if (BreachedAt is { } breached)
        {
            text.Append(", breached ").Append(breached);
        }

        return text.Append(", cycle ").Append(Cycle).ToString();
    }

    /// <summary>
    /// The duration of <paramref name="nanoseconds"/>: through the 64-bit conversion whenever it holds them (every target and
    /// elapsed time under 292 years), since the 128-bit one multiplies and divides in software and escalation rules read
    /// these on every look.
    /// </summary>
    private static Duration ToDuration(Int128 nanoseconds)
    {
        var low = (long)nanoseconds;
        return low == nanoseconds ? Duration.FromNanoseconds(low) : Duration.FromNanoseconds(nanoseconds);
    }

    /// <summary>
    /// Writes a status from the clock's own values straight into <paramref name="status"/> (the constructor's arguments):
    /// field by field where it is kept, rather than built in a temporary and copied whole, which for a status of this size
    /// is a block copy costing more than the fields' stores.
    /// </summary>
    internal static void Write(
        ref SlaStatus status, Metric metric, SlaState state, Int128 target, TimeBasis basis, Int128 elapsed, long dueAt, bool isDueBeyondSupportedRange,
        long breachedAt, int cycle, int missedCycles, StatusSource source, long startedAt, long stoppedAt, in StageInstants stageInstants, int stageCount)
    {
        // The fields are readonly to everyone else; this is the one place a status is written after its constructor.
        Unsafe.AsRef(in status._metric) = metric;
        Unsafe.AsRef(in status._state) = state;
        Unsafe.AsRef(in status._target) = target;
        Unsafe.AsRef(in status._basis) = basis;
        Unsafe.AsRef(in status._elapsed) = elapsed;
        Unsafe.AsRef(in status._dueAt) = dueAt ^ None;
        Unsafe.AsRef(in status._isDueBeyondSupportedRange) = isDueBeyondSupportedRange;
        Unsafe.AsRef(in status._breachedAt) = breachedAt ^ None;
        Unsafe.AsRef(in status._cycle) = cycle;
        Unsafe.AsRef(in status._missedCycles) = missedCycles;
        Unsafe.AsRef(in status._source) = source;
        Unsafe.AsRef(in status._startedAt) = startedAt ^ None;
        Unsafe.AsRef(in status._stoppedAt) = stoppedAt ^ None;
        Unsafe.AsRef(in status._stageInstants) = stageInstants;
        Unsafe.AsRef(in status._stageCount) = stageCount;
    }

    private static bool IsPositionable(Instant? instant) => instant is not { } at || CompiledTimeline.IsPositionable(at);

    private static long ToPosition(Instant? instant) => instant is { } at && IsPositionable(at) ? CompiledTimeline.ToNanoseconds(at) : None;

    private static Instant? ToInstant(long stored) => stored == 0 ? null : CompiledTimeline.ToInstant(stored ^ None);
}
