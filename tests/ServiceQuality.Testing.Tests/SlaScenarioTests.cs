using System.Globalization;
using NodaTime;
using NodaTime.Testing;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing.Tests;

/// <summary>The Testing package's helpers pass when they should and fail, with context, when they should.</summary>
public sealed class SlaScenarioTests
{
    private static readonly BusinessCalendar Hours = NineToFive();

    private static BusinessCalendar NineToFive()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        return builder.Build();
    }

    private static ServiceLevelAgreement Agreement()
    {
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "test", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("hours", at);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(1), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], at);
        sla.Publish(at, at);
        return sla;
    }

    private static SlaScenario Friday() => SlaScenario.For(Agreement(), Hours).OpenedAt(new LocalDateTime(2025, 3, 7, 16, 30), Priority.P2);

    [Fact]
    public void Expectations_ThatHold_Pass()
    {
        var outcome = Friday().EvaluateAt(new LocalDateTime(2025, 3, 8, 12, 0));

        outcome.Expect(Metric.FirstResponse).Running().DueAt(new LocalDateTime(2025, 3, 10, 9, 30)).StageReached(50m, new LocalDateTime(2025, 3, 7, 17, 0)).Elapsed(Duration.FromMinutes(30));
    }

    [Fact]
    public void Met_OnAMissedClock_FailsShowingTheTimelineAndOpenHours()
    {
        var outcome = Friday().EvaluateAt(new LocalDateTime(2025, 3, 10, 12, 0));

        var failure = Assert.Throws<SlaAssertionException>(() => outcome.Expect(Metric.FirstResponse).Met());

        Assert.Contains("expected FirstResponse to be Met, but it is Missed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Fri 2025-03-07T16:30:00+08  TicketOpened", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mon 2025-03-10T09:00:00+08 - Mon 2025-03-10T17:00:00+08", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void Failures_UnderAnyCulture_ShowInstantsInIsoWithTheCalendarsOffset(string culture)
    {
        var response = Friday().RespondAt(new LocalDateTime(2025, 3, 10, 9, 20)).EvaluateAt(new LocalDateTime(2025, 3, 10, 12, 0)).Expect(Metric.FirstResponse);
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var stage = Assert.Throws<SlaAssertionException>(() => response.StageReached(75m, new LocalDateTime(2025, 3, 10, 9, 0))).Message;
            var elapsed = Assert.Throws<SlaAssertionException>(() => response.Elapsed(Duration.FromMinutes(45))).Message;

            Assert.Equal(
                "expected FirstResponse to reach 75 % at 2025-03-10T09:00:00+08, but it was 2025-03-10T09:15:00+08 "
                + "(FirstResponse Met 0:50:00 of 1:00:00 (83.3 %), cycle 1)",
                stage.Split(Environment.NewLine)[0]);
            Assert.Contains("Mon 2025-03-10T09:20:00+08  ResponseRecorded", stage, StringComparison.Ordinal);
            Assert.StartsWith("expected FirstResponse to have used 0:45:00, but it used 0:50:00", elapsed, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }
    }

    [Fact]
    public void EachExpectation_FailsWhenItShould()
    {
        var outcome = Friday().RespondAt(new LocalDateTime(2025, 3, 10, 9, 10)).EvaluateAt(new LocalDateTime(2025, 3, 10, 12, 0));
        var response = outcome.Expect(Metric.FirstResponse);

        response.Met();
        Assert.Throws<SlaAssertionException>(() => response.Missed());
        Assert.Throws<SlaAssertionException>(() => response.Paused());
        Assert.Throws<SlaAssertionException>(() => response.Running());
        Assert.Throws<SlaAssertionException>(() => response.BreachedAt(new LocalDateTime(2025, 3, 10, 9, 30)));
        Assert.Throws<SlaAssertionException>(() => response.DueAt(new LocalDateTime(2025, 3, 10, 9, 30)));
        Assert.Throws<SlaAssertionException>(() => response.StageReached(75m, new LocalDateTime(2025, 3, 10, 9, 0)));
        Assert.Throws<SlaAssertionException>(() => response.Elapsed(Duration.FromHours(1)));
        Assert.Throws<SlaAssertionException>(() => outcome.Expect(Metric.OnSiteArrival));
    }

    [Fact]
    public void HoldBetween_PausesTheResolutionClock()
    {
        Friday()
            .HoldFrom(new LocalDateTime(2025, 3, 7, 16, 45))
            .EvaluateAt(new LocalDateTime(2025, 3, 12, 12, 0))
            .Expect(Metric.Resolution).Paused().Elapsed(Duration.FromMinutes(15));

        Friday()
            .HoldBetween(new LocalDateTime(2025, 3, 7, 16, 45), new LocalDateTime(2025, 3, 10, 9, 0))
            .ResolveAt(new LocalDateTime(2025, 3, 10, 16, 45))
            .EvaluateAt(new LocalDateTime(2025, 3, 11, 9, 0))
            .Expect(Metric.Resolution).Met().Elapsed(Duration.FromHours(8));
    }

    [Fact]
    public void For_AnAgreementNamingNoCalendar_MeasuresOnTheCalendarGiven()
    {
        var aroundTheClock = new AgreementBuilder().WithTarget(Metric.FirstResponse, Duration.FromHours(1)).Build();

        // Friday 16:30 to Monday 09:00 is 30 minutes of the calendar's open hours, not 64.5 hours.
        SlaScenario.For(aroundTheClock, Hours)
            .OpenedAt(new LocalDateTime(2025, 3, 7, 16, 30), Priority.P2)
            .EvaluateAt(new LocalDateTime(2025, 3, 10, 9, 0))
            .Expect(Metric.FirstResponse).Running().Elapsed(Duration.FromMinutes(30)).DueAt(new LocalDateTime(2025, 3, 10, 9, 30));
        SlaScenario.For(aroundTheClock, BusinessCalendar.AlwaysOpen)
            .OpenedAt(new LocalDateTime(2025, 3, 7, 16, 30), Priority.P2)
            .EvaluateAt(new LocalDateTime(2025, 3, 10, 9, 0))
            .Expect(Metric.FirstResponse).Missed().BreachedAt(new LocalDateTime(2025, 3, 7, 17, 30));
    }

    [Fact]
    public void Steps_TheTicketRefuses_FailAsTheApiWould()
    {
        Assert.Equal(RuleCode.TransitionMustBeAllowed, Assert.Throws<DomainRuleViolationException>(
            () => Friday().ResolveAt(new LocalDateTime(2025, 3, 10, 9, 0)).ReopenAt(new LocalDateTime(2025, 3, 10, 10, 0)).ResolveAt(new LocalDateTime(2025, 3, 10, 11, 0)).ResolveAt(new LocalDateTime(2025, 3, 10, 12, 0))).Rule);
        Assert.Throws<InvalidOperationException>(() => SlaScenario.For(Agreement(), Hours).RespondAt(new LocalDateTime(2025, 3, 10, 9, 0)));
    }

    [Fact]
    public void FakeClock_ComesWithThePackage_StandsStillUntilSetOrAdvanced()
    {
        // This project references only ServiceQuality.Testing: NodaTime.Testing reaches integrators through it.
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        Assert.Equal(Instant.FromUtc(2025, 1, 1, 0, 0), clock.GetCurrentInstant());
        clock.Advance(Duration.FromHours(2));
        Assert.Equal(Instant.FromUtc(2025, 1, 1, 2, 0), clock.GetCurrentInstant());
        clock.Reset(Instant.FromUtc(2024, 1, 1, 0, 0));
        Assert.Equal(Instant.FromUtc(2024, 1, 1, 0, 0), clock.GetCurrentInstant());
    }
}
