using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Agreements;

public sealed class BusinessDayDeadlineTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 1, 1, 0, 0);

    [Theory]
    [InlineData(-1)]
    [InlineData(BusinessDayDeadline.MaxBusinessDays + 1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Factories_WhenBusinessDaysOutOfRange_ThrowArgumentOutOfRange(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>("businessDays", () => BusinessDayDeadline.EndOfBusinessDay(days));
        Assert.Throws<ArgumentOutOfRangeException>("businessDays", () => BusinessDayDeadline.OnBusinessDayAt(days, new LocalTime(12, 0)));
        Assert.Throws<ArgumentOutOfRangeException>("businessDays", () => BusinessDayDeadline.WithinBusinessDays(days));
    }

    [Fact]
    public void WithinBusinessDays_WhenZero_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("businessDays", () => BusinessDayDeadline.WithinBusinessDays(0));

    [Fact]
    public void WithCutOff_OnADeadlineCountedFromTheStartsTime_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("cutOff", () => BusinessDayDeadline.WithinBusinessDays(2).WithCutOff(new LocalTime(16, 0)));
        Assert.Throws<ArgumentException>(
            "afterCutOff", () => BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.WithinBusinessDays(1)));
        Assert.Throws<ArgumentException>(
            "afterCutOff",
            () => BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(12, 0))));
    }

    [Fact]
    public void Equality_OfEqualDeadlines_IsByValue()
    {
        var a = BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0)));
        var b = BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0)));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0)));
        Assert.Equal("end of business day 0, cut-off 16:00 then business day 0 at 12:00", a.ToString());
        Assert.Equal("business day 1 at 24:00", BusinessDayDeadline.OnBusinessDayAt(1, LocalTime.Midnight).ToString());
    }

    [Fact]
    public void DueFrom_WhenStartOutsideTheSupportedRange_ThrowsArgumentOutOfRange()
    {
        var calendar = ReferenceCalendars.ChinaServiceCentre2025;
        Assert.Throws<ArgumentOutOfRangeException>("start", () => BusinessDayDeadline.EndOfBusinessDay(0).DueFrom(calendar.SupportedRange.End, calendar));
        Assert.Throws<ArgumentNullException>("calendar", () => BusinessDayDeadline.EndOfBusinessDay(0).DueFrom(At, null!));
    }

    [Fact]
    public void DueFrom_AtMidnightMeansTheEndOfTheDay()
    {
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var start = new LocalDateTime(2025, 10, 10, 10, 0).InZoneStrictly(shanghai).ToInstant();

        var due = BusinessDayDeadline.OnBusinessDayAt(0, LocalTime.Midnight).DueFrom(start, ReferenceCalendars.ChinaServiceCentre2025);

        Assert.Equal(new LocalDateTime(2025, 10, 11, 0, 0).InZoneStrictly(shanghai).ToInstant(), due);
    }

    [Fact]
    public void DueFrom_OnAnAlwaysOpenCalendar_CountsUtcDays()
    {
        var due = BusinessDayDeadline.EndOfBusinessDay(2).DueFrom(Instant.FromUtc(2025, 3, 1, 10, 0), BusinessCalendar.AlwaysOpen);

        Assert.Equal(Instant.FromUtc(2025, 3, 4, 0, 0), due);
    }

    [Fact]
    public void AddTarget_WithADeadlineCellThatAlsoHasADuration_ThrowsArgumentException()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "bad", AgreementKind.ServiceLevel, At);
        var cell = new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.EndOfBusinessDay(1), TargetStart.Opening);

        Assert.Throws<ArgumentException>("target", () => sla.AddTarget(cell with { Target = Duration.FromHours(1) }, At));
        Assert.Throws<ArgumentException>("target", () => sla.AddTarget(cell with { Basis = TimeBasis.CalendarTime }, At));
        Assert.Throws<ArgumentOutOfRangeException>("target", () => sla.AddTarget(cell with { Start = (TargetStart)7 }, At));
        Assert.Empty(sla.Targets);
    }

    [Fact]
    public void AddTarget_DurationCellWithAStartRule_IsCheckedByTheRulesAsBefore()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "rules", AgreementKind.ServiceLevel, At);
        sla.AddTarget(new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.BusinessTime) { Start = TargetStart.Retroactive }, At);

        DomainAssert.Refused(RuleCode.TargetDurationMustBePositive, sla, a => a.AddTarget(new ServiceTarget(Metric.Resolution, null, null, Duration.Zero, TimeBasis.BusinessTime), At));
        DomainAssert.Refused(
            RuleCode.TargetCellMustBeUnique, sla, a => a.AddTarget(new ServiceTarget(Metric.Resolution, Priority.P1, null, BusinessDayDeadline.EndOfBusinessDay(0), TargetStart.Opening), At));
        Assert.Equal(TargetStart.Retroactive, Assert.Single(sla.Targets).Start);
    }

    [Fact]
    public void FromHistory_ReplaysDeadlineCellsAndTheirStartRules()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "replay", AgreementKind.ServiceLevel, At);
        var cell = new ServiceTarget(Metric.FirstResponse, null, null, BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0)), TargetStart.WhenApplies);
        sla.AddTarget(cell, At);

        var replayed = ServiceLevelAgreement.FromHistory(sla.History);

        Assert.Equal(cell, Assert.Single(replayed.Targets));
    }
}
