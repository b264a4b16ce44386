using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Policies.Escalation;

/// <summary>The stock escalation rules.</summary>
public static class EscalationRules
{
    /// <summary>
    /// The practice's time rules: 75 % of a target → level 1, 100 % → level 2, 150 % → level 3.
    /// </summary>
    /// <returns>The three rules.</returns>
    public static IReadOnlyList<IEscalationRule> DefaultTimeRules() =>
    [
        AtPercentOfTarget(75m, 1),
        AtPercentOfTarget(100m, 2),
        AtPercentOfTarget(150m, 3),
    ];

    /// <summary>
    /// The practice's stock rule set, as <c>AddServiceQuality</c> registers it: the time rules (<see cref="DefaultTimeRules"/>),
    /// a major or critical case to level 2 at once and notified immediately (<see cref="OnSeverity"/>), a VIP or key
    /// customer's case to level 1 (<see cref="KeyCustomer"/>), three complaints from one customer within 30 days to level 2
    /// (<see cref="RepeatComplaints"/>), and a claimed loss above <paramref name="claimedLossThreshold"/> to level 3,
    /// reported the same day (<see cref="ClaimedLossAbove"/>).
    /// </summary>
    /// <param name="claimedLossThreshold">The claimed loss above which a case goes to level 3 (practice: ¥10,000).</param>
    /// <returns>The rules, in that order.</returns>
    /// <exception cref="ArgumentException"><paramref name="claimedLossThreshold"/> has no currency.</exception>
    public static IReadOnlyList<IEscalationRule> PracticeDefaults(Money claimedLossThreshold) =>
    [
        .. DefaultTimeRules(),
        OnSeverity(Severity.Major, 2),
        KeyCustomer(ServiceTier.Vip, 1),
        RepeatComplaints(3, Duration.FromDays(30), 2),
        ClaimedLossAbove(claimedLossThreshold, 3),
    ];

    /// <summary>The longest offset <see cref="AtPercentOfTarget"/> accepts: 36,500 days (100 years of 365 days).</summary>
    public static readonly Duration MaxOffset = Duration.FromDays(36_500);

    /// <summary>
    /// Asks for <paramref name="level"/> once a clock's elapsed time reaches <paramref name="percent"/> % of its target plus
    /// <paramref name="offset"/>. The share is computed exactly as warning stages are (<see cref="SlaStatus.ShareOfTarget"/>),
    /// and the sum saturates instead of overflowing.
    /// </summary>
    /// <param name="percent">The share of the target, in percent; above 0 and at most <see cref="SlaStatus.MaxSharePercent"/> (may exceed 100); rounded to 12 decimal places.</param>
    /// <param name="level">The level to ask for; at least 1.</param>
    /// <param name="offset">Extra time (in the target's basis) after the percentage; from zero to <see cref="MaxOffset"/>.</param>
    /// <param name="metric">Only this metric, or any when null.</param>
    /// <returns>The rule; it also tells a scheduler when it will fire (<see cref="ITimedEscalationRule"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="metric"/> is not a defined metric.</exception>
    public static IEscalationRule AtPercentOfTarget(decimal percent, int level, Duration offset = default, Metric? metric = null)
    {
        Guard.Against.NonPositive(percent);
        Guard.Against.OutOfRange(percent, nameof(percent), 0m, SlaStatus.MaxSharePercent);
        Guard.Against.LessThan(level, 1);
        Guard.Against.OutOfRange(offset, nameof(offset), Duration.Zero, MaxOffset);
        if (metric is { } m)
        {
            Guard.Against.UndefinedEnumValue(m, nameof(metric));
        }

        return new PercentOfTargetRule(percent, level, offset, metric);
    }

    /// <summary>
    /// A case of at least <paramref name="severity"/> goes to <paramref name="level"/> at once: a complaint by its
    /// severity, a ticket by the severity its priority stands for (a P1 ticket is a major incident, <see cref="Severity.Major"/>;
    /// P2 to P4 are minor). Cases at or above <paramref name="immediateFrom"/> are notified immediately (立即), never
    /// deferred to open hours by <see cref="EscalationPolicies.DeferredToOpenHours"/>.
    /// </summary>
    /// <param name="severity">The lowest severity that escalates (for example <see cref="Severity.Major"/>).</param>
    /// <param name="level">The level; at least 1.</param>
    /// <param name="immediateFrom">The lowest severity notified immediately; practice: <see cref="Severity.Major"/>.</param>
    /// <returns>The rule; its reason codes are <c>severity.minor</c>, <c>severity.major</c> and <c>severity.critical</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below 1, or a severity is not defined.</exception>
    public static IEscalationRule OnSeverity(Severity severity, int level, Severity immediateFrom = Severity.Major)
    {
        Guard.Against.UndefinedEnumValue(severity);
        Guard.Against.LessThan(level, 1);
        Guard.Against.UndefinedEnumValue(immediateFrom);
        var description = $"{severity} or worse case → level {level} at once";

        // One proposal per severity, made once: a rule is asked at every look at every case.
        EscalationProposal For(Severity s) => new(level, "severity." + s.ToString().ToLowerInvariant(), description, Immediate: s >= immediateFrom);
        var proposals = Enum.GetValues<Severity>().ToDictionary(s => s, For);
        return new DelegateRule(description, c => SeverityOf(c) is { } s && s >= severity ? proposals.GetValueOrDefault(s) ?? For(s) : null);
    }

    /// <summary>A case (complaint or ticket) from a customer of at least <paramref name="tier"/> (key or VIP) goes to <paramref name="level"/>.</summary>
    /// <param name="tier">The lowest tier concerned.</param>
    /// <param name="level">The level; at least 1.</param>
    /// <returns>The rule; its reason code is <c>customer.</c> and the tier's code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below 1.</exception>
    public static IEscalationRule KeyCustomer(ServiceTier tier, int level)
    {
        Guard.Against.LessThan(level, 1);
        var description = $"case from a {tier} or higher customer → level {level}";

        // The proposal for the tier last seen, kept: tiers are few, and a rule is asked at every look at every case.
        Tuple<ServiceTier, EscalationProposal>? last = null;
        return new DelegateRule(description, c =>
        {
            if (!IsOpen(c) || c.CustomerTier is not { } t || t < tier)
            {
                return null;
            }

            var known = Volatile.Read(ref last);
            if (known is null || known.Item1 != t)
            {
                Volatile.Write(ref last, known = Tuple.Create(t, new EscalationProposal(level, "customer." + t.Code, description)));
            }

            return known.Item2;
        });
    }

    /// <summary>
    /// Repeat complaints: when the customer has at least <paramref name="count"/> complaints (this one included) received
    /// within <paramref name="window"/> before now, go to <paramref name="level"/>.
    /// </summary>
    /// <param name="count">How many complaints make a repeat; at least 2.</param>
    /// <param name="window">How far back to look; positive.</param>
    /// <param name="level">The level.</param>
    /// <returns>The rule.</returns>
    public static IEscalationRule RepeatComplaints(int count, Duration window, int level)
    {
        Guard.Against.LessThan(count, 2);
        Guard.Against.NonPositive(window);
        Guard.Against.LessThan(level, 1);
        var description = $"{count} complaints from one customer within {window} → level {level}";
        var proposal = new EscalationProposal(level, "repeat-complaints", description);
        return new DelegateRule(description, c => c.Complaint is { IsFinal: false } && Within(c.RecentComplaintsFromCustomer, c.Now - window, c.Now) + 1 >= count ? proposal : null);
    }

    /// <summary>How many of <paramref name="instants"/> fall after <paramref name="after"/> and at or before <paramref name="until"/>.</summary>
    private static int Within(IReadOnlyList<Instant>? instants, Instant after, Instant until)
    {
        var within = 0;
        for (var i = 0; i < (instants?.Count ?? 0); i++)
        {
            within += instants![i] > after && instants[i] <= until ? 1 : 0;
        }

        return within;
    }

    /// <summary>
    /// A case claiming a loss above <paramref name="threshold"/> (practice: ¥10,000) — a complaint, or a ticket opened with a
    /// claimed loss — goes to <paramref name="level"/>, reported the same day: the proposal is immediate (never deferred to
    /// open hours), and an agreement that requires the report measures it as <see cref="Metric.LossReport"/>.
    /// </summary>
    /// <param name="threshold">The claimed loss above which to escalate.</param>
    /// <param name="level">The level.</param>
    /// <returns>The rule.</returns>
    public static IEscalationRule ClaimedLossAbove(Money threshold, int level)
    {
        Guard.Against.Null(threshold.Currency, nameof(threshold));
        Guard.Against.LessThan(level, 1);
        var description = $"claimed loss above {threshold} → level {level}, reported the same day";
        var proposal = new EscalationProposal(level, "claimed-loss", description, Immediate: true);
        return new DelegateRule(description, c => ClaimedLossOf(c) is { } loss && loss.Currency == threshold.Currency && loss > threshold ? proposal : null);
    }

    /// <summary>A rule from a function, for one-off rules.</summary>
    /// <param name="description">What the rule does.</param>
    /// <param name="propose">The proposal for a context, or null.</param>
    /// <returns>The rule.</returns>
    public static IEscalationRule FromDelegate(string description, Func<EscalationContext, EscalationProposal?> propose)
    {
        Guard.Against.NullOrWhiteSpace(description);
        Guard.Against.Null(propose);
        return new DelegateRule(description, propose);
    }

    /// <summary>Whether the case in the context is open to escalation: an open complaint, or a ticket that is not resolved or final.</summary>
    private static bool IsOpen(EscalationContext context) =>
        context.Complaint is { IsFinal: false } || context.Ticket is { } ticket && ticket.CanEscalate();

    /// <summary>The loss an open case claims: a complaint's, or a ticket's from its opening.</summary>
    private static Money? ClaimedLossOf(EscalationContext context) =>
        context.Complaint is { IsFinal: false } complaint ? complaint.ClaimedLoss
        : context.Ticket is { } ticket && ticket.CanEscalate() ? ticket.ClaimedLoss
        : null;

    /// <summary>The case's severity: a complaint's own; a ticket's from its priority (P1: major incident; otherwise minor).</summary>
    private static Severity? SeverityOf(EscalationContext context) =>
        context.Complaint is { IsFinal: false } complaint ? complaint.Severity
        : context.Ticket is { } ticket && ticket.CanEscalate() ? (ticket.Priority == Priority.P1 ? Severity.Major : Severity.Minor)
        : null;

    private sealed class PercentOfTargetRule(decimal percent, int level, Duration offset, Metric? metric) : ITimedEscalationRule
    {
        private static readonly Duration MaxLongNanoseconds = Duration.FromNanoseconds(long.MaxValue);

        private readonly string _code = string.Create(CultureInfo.InvariantCulture, $"time.{percent}");

        /// <summary>The rule's one proposal, made on first use (a proposal is immutable; a rule is asked at every look).</summary>
        private EscalationProposal? _proposal;

        public string Description { get; } = string.Create(
            CultureInfo.InvariantCulture, $"{metric?.ToString() ?? "any metric"} at {percent} % of target{(offset > Duration.Zero ? $" + {offset}" : string.Empty)} → level {level}");

        public EscalationProposal? Propose(EscalationContext context)
        {
            Guard.Against.Null(context);
            foreach (ref readonly var status in Span(context.Statuses))
            {
                // Only a clock still counting (or paused) escalates: one stopped late is history, not a case to chase.
                if (Applies(status) && status.StoppedAt is null && status.State is SlaState.Running or SlaState.Paused or SlaState.Missed
                    && status.Elapsed >= Threshold(status))
                {
                    return _proposal ??= new EscalationProposal(level, _code, Description);
                }
            }

            return null;
        }

        public Instant? NextFiringAt(EscalationContext context)
        {
            Guard.Against.Null(context);
            if (context.CurrentLevel >= level)
            {
                return null;
            }

            // Each clock would fire once its remaining time has passed, counted on its basis's calendar from now. Adding more
            // time to the same instant on the same calendar never gives an earlier instant, so only the least remaining time
            // of each basis needs the calendar: at most two calendar walks per look, however many clocks the case has.
            Duration? aroundTheClock = null, inBusinessTime = null;
            foreach (ref readonly var status in Span(context.Statuses))
            {
                // A paused or stopped clock has no deadline: only an event (a resume, a reopen) makes it count again. A running
                // clock whose deadline lies beyond the supported range has none either, but may reach this threshold before it.
                if (!Applies(status) || (status.DueAt is null && !status.IsDueBeyondSupportedRange) || status.StoppedAt is not null)
                {
                    continue;
                }

                var remaining = Threshold(status) - status.Elapsed;
                if (remaining <= Duration.Zero)
                {
                    continue;
                }

                if (status.Basis == TimeBasis.CalendarTime)
                {
                    aroundTheClock = aroundTheClock is { } least && least <= remaining ? least : remaining;
                }
                else
                {
                    inBusinessTime = inBusinessTime is { } least && least <= remaining ? least : remaining;
                }
            }

            return Earliest(FiringAt(context.Now, BusinessCalendar.AlwaysOpen, aroundTheClock), FiringAt(context.Now, context.Calendar, inBusinessTime));
        }

        /// <summary>When <paramref name="remaining"/> of <paramref name="calendar"/>'s time has passed after <paramref name="now"/>; null for none, or beyond the supported range.</summary>
        private static Instant? FiringAt(Instant now, BusinessCalendar calendar, Duration? remaining)
        {
            if (remaining is not { } time)
            {
                return null;
            }

            // A firing instant beyond the supported range is a normal answer (the rule cannot fire there), not an error.
            Guard.Against.OutsideSupportedRange(now, calendar.SupportedRange, "context");
            return calendar.TryAddBusinessTime(now, time, out var firing) ? firing : null;
        }

        private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

        // The statuses in place: a status is a large struct, and reading each through the list's indexer copies it once per
        // rule and per look. What the library's evaluations hold is an array or a segment of one; another list is copied once.
        private static ReadOnlySpan<SlaStatus> Span(IReadOnlyList<SlaStatus> statuses) => statuses switch
        {
            SlaStatus[] array => array,
            ArraySegment<SlaStatus> segment => segment,
            ImmutableArray<SlaStatus> immutable => immutable.AsSpan(),
            List<SlaStatus> list => CollectionsMarshal.AsSpan(list),
            _ => statuses.ToArray(),
        };

        private bool Applies(in SlaStatus status) => (metric is null || status.Metric == metric) && status.Target > Duration.Zero;

        // The share as an exact fraction, fixed once: the percentage rounded to the warning stages' 12 decimal places over
        // 100, in lowest terms. A threshold is then one 64-bit multiplication and division (no decimal arithmetic per
        // assessment), the same value SlaStatus.ShareOfTarget computes (a test compares them).
        private readonly (long Numerator, long Denominator) _fraction = Fraction(percent);

        private static (long Numerator, long Denominator) Fraction(decimal percent)
        {
            var rounded = Math.Round(percent, ServiceLevelAgreement.StageDecimals);
            long denominator = 100;
            for (var i = 0; i < rounded.Scale; i++)
            {
                denominator *= 10;
            }

            // At most 1,000 × 10^12 over 10^14: both fit 64 bits.
            var numerator = (long)(rounded * (denominator / 100));
            var divisor = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
            return divisor > 1 ? (numerator / divisor, denominator / divisor) : (numerator, denominator);
        }

        /// <summary>The elapsed time at which the rule fires: the share of the target (the warning stages' exact arithmetic) plus the offset, saturating.</summary>
        private Duration Threshold(in SlaStatus status)
        {
            Duration share;
            if (status.Target < MaxLongNanoseconds)
            {
                var target = status.Target.ToInt64Nanoseconds();
                var high = Math.BigMul(target, _fraction.Numerator, out var low);
                var exact = high == (low >> 63) ? low / _fraction.Denominator : (Int128)target * _fraction.Numerator / _fraction.Denominator;
                share = exact <= long.MaxValue ? Duration.FromNanoseconds((long)exact) : status.ShareOfTarget(percent);
            }
            else
            {
                share = status.ShareOfTarget(percent);
            }

            return share > Duration.MaxValue - offset ? Duration.MaxValue : share + offset;
        }
    }

    private sealed class DelegateRule(string description, Func<EscalationContext, EscalationProposal?> propose) : IEscalationRule
    {
        public string Description => description;

        public EscalationProposal? Propose(EscalationContext context)
        {
            Guard.Against.Null(context);
            return propose(context);
        }
    }
}
