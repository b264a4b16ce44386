using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing.Tests;

/// <summary>
/// What an integrator's own suite looks like: the rules of a realistic agreement — a property manager's 2025
/// commitment on the mainland China calendar — checked in a few readable lines each.
/// </summary>
public sealed class IntegratorExampleTests
{
    private static readonly BusinessCalendar China = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly ServiceLevelAgreement Commitment = CreateCommitment();

    private static ServiceLevelAgreement CreateCommitment()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("PM-2025"), "Property management 2025", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("china-2025", at);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, null, ServiceTier.Key, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], at);
        sla.Publish(at, at);
        return sla;
    }

    [Fact]
    public void A_burst_pipe_reported_at_night_gets_a_response_within_thirty_real_minutes() =>
        SlaScenario.For(Commitment, China)
            .OpenedAt(new LocalDateTime(2025, 3, 8, 2, 0), Priority.P1)
            .RespondAt(new LocalDateTime(2025, 3, 8, 2, 25))
            .EvaluateAt(new LocalDateTime(2025, 3, 8, 9, 0))
            .Expect(Metric.FirstResponse).Met();

    [Fact]
    public void A_repair_reported_before_spring_festival_is_due_after_the_make_up_sunday() =>
        SlaScenario.For(Commitment, China)
            .OpenedAt(new LocalDateTime(2025, 1, 24, 17, 0), Priority.P3)
            .EvaluateAt(new LocalDateTime(2025, 1, 25, 12, 0))
            .Expect(Metric.Resolution).Running().DueAt(new LocalDateTime(2025, 1, 27, 18, 0));

    [Fact]
    public void Waiting_for_the_owner_to_open_the_door_does_not_count_against_the_repair_team() =>
        SlaScenario.For(Commitment, China)
            .OpenedAt(new LocalDateTime(2025, 3, 10, 9, 0), Priority.P3)
            .HoldBetween(new LocalDateTime(2025, 3, 10, 10, 0), new LocalDateTime(2025, 3, 17, 9, 0))
            .ResolveAt(new LocalDateTime(2025, 3, 17, 12, 0))
            .EvaluateAt(new LocalDateTime(2025, 3, 18, 9, 0))
            .Expect(Metric.Resolution).Met().Elapsed(Duration.FromHours(4));

    [Fact]
    public void A_key_account_repair_left_over_the_national_day_holiday_runs_out_on_the_first_afternoon_back() =>
        SlaScenario.For(Commitment, China)
            .OpenedAt(new LocalDateTime(2025, 9, 30, 12, 0), Priority.P3, ServiceTier.Key)   // 13:30-18:00: 4.5 of 8 hours
            .EvaluateAt(new LocalDateTime(2025, 10, 9, 15, 0))                                // Oct 1-8 closed; 09:00-12:00, 13:30-14:00
            .Expect(Metric.Resolution).Missed().BreachedAt(new LocalDateTime(2025, 10, 9, 14, 0));
}
