using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Tests.Escalation;

/// <summary>Percent-of-target rules with targets of centuries, the largest shares and offsets, and deadlines beyond the supported range.</summary>
public sealed class PercentOfTargetEdgeTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly ICalendarLookup Calendars = CalendarLookup.From([]);

    /// <summary>The longest target a <see cref="Duration"/> can hold in whole days.</summary>
    private static readonly Duration LongestTarget = Duration.FromDays(16_777_215);

    private static SlaStatus StatusAfter(Duration target, Duration elapsed)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "24x7", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.Resolution, null, null, target, TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);
        return Assert.Single(SlaClock.EvaluateTicket(ticket.History, sla, Calendars, T0 + elapsed).Statuses);
    }

    private static EscalationContext Context(SlaStatus status) => new(status.StartedAt!.Value + status.Elapsed, 0, [status]);

    private static ITimedEscalationRule Timed(IEscalationRule rule) => Assert.IsAssignableFrom<ITimedEscalationRule>(rule);

    /// <summary>
    /// Shares with up to 14 decimals (rounded to 12 as stages are) of up to 1,000 %, targets from a nanosecond to 30 years
    /// (products past 64 bits included) and offsets: the rule fires on the nanosecond of <see cref="SlaStatus.ShareOfTarget"/>
    /// plus the offset, and says so in advance.
    /// </summary>
    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property AtPercentOfTarget_FiresOnTheNanosecondOfTheShareOfTargetPlusTheOffset()
    {
        var percents = from units in Gen.Choose(0, 1000)
                       from digits in Gen.Choose(0, int.MaxValue)
                       from scale in Gen.Choose(0, 14)
                       let percent = Math.Min(SlaStatus.MaxSharePercent, units + (new decimal(digits, 0, 0, false, (byte)scale) % 1m))
                       where percent > 0m
                       select percent;
        var targets = from magnitude in Gen.Choose(0, 12)
                      from mantissa in Gen.Choose(1, 999_999)
                      select Duration.FromNanoseconds(Math.Min(mantissa * (long)Math.Pow(10, magnitude), 30L * 365 * 86_400_000_000_000));
        var offsets = Gen.Elements(Duration.Zero, Duration.Epsilon, Duration.FromMinutes(10), Duration.FromDays(3));
        return Prop.ForAll(percents.ToArbitrary(), targets.ToArbitrary(), offsets.ToArbitrary(), (percent, target, offset) =>
        {
            var rule = EscalationRules.AtPercentOfTarget(percent, 1, offset);
            var threshold = StatusAfter(target, Duration.Zero).ShareOfTarget(percent) + offset;
            if (threshold > Duration.FromDays(150 * 365))
            {
                // Beyond the supported range from 2025: it never fires there.
                Assert.Null(rule.Propose(Context(StatusAfter(target, Duration.FromDays(150 * 365)))));
                return;
            }

            if (threshold > Duration.Zero)
            {
                Assert.Null(rule.Propose(Context(StatusAfter(target, threshold - Duration.Epsilon))));
                Assert.Equal(T0 + threshold, Timed(rule).NextFiringAt(Context(StatusAfter(target, Duration.Zero))));
            }

            Assert.Equal(1, rule.Propose(Context(StatusAfter(target, threshold)))!.Level);
        });
    }

    [Fact]
    public void AtPercentOfTarget_AtTheLargestShareAndOffsetOfTheLongestTarget_NeitherOverflowsNorFires()
    {
        var rule = EscalationRules.AtPercentOfTarget(SlaStatus.MaxSharePercent, 1, EscalationRules.MaxOffset);
        var status = StatusAfter(LongestTarget, Duration.FromDays(1));

        Assert.True(status.IsDueBeyondSupportedRange);
        Assert.Null(rule.Propose(Context(status)));
        Assert.Null(Timed(rule).NextFiringAt(Context(status)));
    }

    [Fact]
    public void AtPercentOfTarget_OfTheLongestTarget_FiresToTheNanosecond()
    {
        // 0.000001 % of 16,777,215 days is 16,777,215 × 864,000 ns exactly.
        var rule = EscalationRules.AtPercentOfTarget(0.000001m, 1);
        var threshold = Duration.FromNanoseconds(16_777_215L * 864_000);

        Assert.Null(rule.Propose(Context(StatusAfter(LongestTarget, threshold - Duration.Epsilon))));
        Assert.Equal(1, rule.Propose(Context(StatusAfter(LongestTarget, threshold)))!.Level);
        Assert.Equal(T0 + threshold, Timed(rule).NextFiringAt(Context(StatusAfter(LongestTarget, Duration.Zero))));
    }

    [Fact]
    public void NextFiringAt_WhenTheDeadlineLiesBeyondTheSupportedRangeButTheThresholdDoesNot_IsTheThreshold()
    {
        // 80,000 days from 2025 end in 2244, past the supported range; half of them end in 2134.
        var status = StatusAfter(Duration.FromDays(80_000), Duration.Zero);

        Assert.True(status.IsDueBeyondSupportedRange);
        Assert.Equal(T0 + Duration.FromDays(40_000), Timed(EscalationRules.AtPercentOfTarget(50m, 1)).NextFiringAt(Context(status)));
        Assert.Null(Timed(EscalationRules.AtPercentOfTarget(150m, 1)).NextFiringAt(Context(status)));
    }

    [Fact]
    public void NextFiringAt_AtAnInstantOutsideTheCalendarsRange_ThrowsNamingTheContext()
    {
        var status = StatusAfter(Duration.FromHours(4), Duration.Zero);
        var context = new EscalationContext(Instant.MaxValue, 0, [status]);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Timed(EscalationRules.AtPercentOfTarget(50m, 1)).NextFiringAt(context));

        Assert.Equal("context", exception.ParamName);
    }
}
