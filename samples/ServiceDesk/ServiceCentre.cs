using NodaTime;
using ServiceQuality.Calendars.ICalendar;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Credits;

namespace ServiceDesk;

/// <summary>The definitions of the simulated centre: its calendar, its 2025 agreement, its staff.</summary>
internal static class ServiceCentre
{
    public const string CalendarName = "china-2025";
    public static readonly BusinessCalendar Calendar = CreateCalendar();
    public static readonly DateTimeZone Zone = Calendar.Zone;
    public static readonly StaffId[] Staff = [.. Enumerable.Range(1, 40).Select(i => new StaffId($"staff-{i:00}"))];
    public static readonly string[] Teams = ["reception", "repairs", "facilities", "billing"];

    /// <summary>
    /// The service credits the centre owes a key account for a month: 5 % of the month's fee below 95 % compliance, 10 % below
    /// 90 %, 25 % below 80 %; at most 25 %, claimed within 30 days (the credits section of data/definitions.json).
    /// </summary>
    public static readonly IServiceCreditPolicy Credits = CreditPolicies.Bands(
        new CreditLimits(CapPercent: 25m, ClaimWindow: Duration.FromDays(30)), new CreditBand(95m, 5m), new CreditBand(90m, 10m), new CreditBand(80m, 25m));

    public static string TeamOf(StaffId staff) => Teams[(int.Parse(staff.Value[6..], System.Globalization.CultureInfo.InvariantCulture) - 1) / 10];

    /// <summary>
    /// The centre's weekly hours, and the year's holidays and make-up working days imported from the official
    /// announcement kept as data/china-2025.ics (embedded in the sample): next year's is another file, not new code.
    /// </summary>
    private static BusinessCalendar CreateCalendar()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(12, 0)).AddOpenHours(day, new LocalTime(13, 30), new LocalTime(18, 0));
        }

        using var stream = typeof(ServiceCentre).Assembly.GetManifestResourceStream("ServiceDesk.china-2025.ics")!;
        using var reader = new StreamReader(stream);
        return builder.AddICalendar(reader.ReadToEnd()).Build();
    }

    /// <summary>When version 2 of the customer SLA takes effect: 15 January 2025, local midnight (mid-way through the smoke run's three days).</summary>
    public static readonly Instant Version2From = new LocalDateTime(2025, 1, 15, 0, 0).InZoneStrictly(Zone).ToInstant();

    /// <summary>
    /// The centre's catalogue, in precedence order: the customer SLA in two versions (the second, from
    /// <see cref="Version2From"/>, answers key accounts within a business hour and resolves ordinary customers' P3 tickets within 12), one OLA
    /// per team measuring the time the team holds a ticket, and the underpinning contract with the lift and utilities
    /// vendor, measuring the time a ticket is referred to it. data/definitions.json has the same OLAs and contract, and
    /// a customer SLA of its own for key accounts.
    /// </summary>
    public static IReadOnlyList<AgreementVersion> Agreements()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var v1 = Draft();
        var v2 = v1.Revise(at);
        v2.AddTarget(Metric.FirstResponse, null, ServiceTier.Key, Duration.FromHours(1), TimeBasis.BusinessTime, at);
        v2.AddTarget(Metric.Resolution, Priority.P3, ServiceTier.Ordinary, Duration.FromHours(12), TimeBasis.BusinessTime, at);
        v2.Publish(Version2From, at);
        List<ServiceLevelAgreement> all = [v1, v2];
        foreach (var (team, hours) in new[] { ("reception", 4), ("repairs", 12), ("facilities", 12), ("billing", 8) })
        {
            var ola = ServiceLevelAgreement.Draft(new AgreementId($"OLA-{team}"), $"Operational level agreement: {team}", AgreementKind.OperationalLevel, at);
            ola.SetCalendar(CalendarName, at);
            ola.SetTeam(new DepartmentId(team), at);
            ola.AddTarget(Metric.Resolution, null, null, Duration.FromHours(hours), TimeBasis.BusinessTime, at);
            ola.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], at);
            ola.PauseOn(HoldReason.WaitingForThirdParty, [Metric.Resolution], at);
            ola.Publish(at, at);
            all.Add(ola);
        }

        var vendor = ServiceLevelAgreement.Draft(new AgreementId("UC-LIFTS"), "Underpinning contract: lift and utilities vendor", AgreementKind.UnderpinningContract, at);
        vendor.AddTarget(Metric.Resolution, null, null, Duration.FromHours(24), TimeBasis.CalendarTime, at);
        vendor.Publish(at, at);
        all.Add(vendor);
        return [.. all.Select(a => a.Published)];
    }

    public static AgreementVersion Agreement() => Draft().Published;

    /// <summary>The customer SLA's first version, published, as the aggregate an agreement manager edits and revises.</summary>
    private static ServiceLevelAgreement Draft()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("PM-2025"), "Property management service commitment 2025", AgreementKind.ServiceLevel, at);
        sla.SetCalendar(CalendarName, at);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.NextResponse, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, Priority.P2, null, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.Resolution, null, ServiceTier.Key, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.OnSiteArrival, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.CallbackAfterClosing, null, null, Duration.FromHours(48), TimeBasis.CalendarTime, at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution, Metric.NextResponse], at);
        sla.PauseOn(HoldReason.WaitingForThirdParty, [Metric.Resolution], at);
        sla.AddKpiObjective(Kpi.SatisfactionRate, Comparison.AtLeast, 95m, at);
        sla.AddKpiObjective(Kpi.ClosingRate, Comparison.AtLeast, 85m, at);
        sla.AddKpiObjective(Kpi.ComplaintRate, Comparison.AtMost, 5m, at);
        sla.AddKpiObjective(Kpi.CallbackRate, Comparison.AtLeast, 100m, at);
        sla.AddKpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 90m, at);
        sla.AddKpiObjective(Kpi.FirstContactResolutionRate, Comparison.AtLeast, 30m, at);
        sla.Publish(at, at);
        return sla;
    }
}
