using System.Globalization;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Scoring;

namespace ServiceDesk;

/// <summary>
/// The one table of words and number formats the report uses in every format: what a manager reads instead of the
/// library's code names, and how counts, percentages, hours, money and instants are written.
/// </summary>
internal static class Labels
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Metric(Metric metric) => metric switch
    {
        ServiceQuality.Domain.Agreements.Metric.FirstResponse => "First response",
        ServiceQuality.Domain.Agreements.Metric.NextResponse => "Next response",
        ServiceQuality.Domain.Agreements.Metric.Resolution => "Resolution",
        ServiceQuality.Domain.Agreements.Metric.OnSiteArrival => "On-site arrival",
        ServiceQuality.Domain.Agreements.Metric.ComplaintAcknowledgement => "Complaint acknowledgement",
        ServiceQuality.Domain.Agreements.Metric.ComplaintResolution => "Complaint resolution",
        ServiceQuality.Domain.Agreements.Metric.CallbackAfterClosing => "Callback after closing",
        ServiceQuality.Domain.Agreements.Metric.InvestigationDeadline => "Investigation deadline",
        ServiceQuality.Domain.Agreements.Metric.LossReport => "Loss report",
        _ => metric.ToString(),
    };

    public static string AgreementKind(AgreementKind kind) => kind switch
    {
        ServiceQuality.Domain.Agreements.AgreementKind.ServiceLevel => "Customer SLA",
        ServiceQuality.Domain.Agreements.AgreementKind.OperationalLevel => "OLA",
        ServiceQuality.Domain.Agreements.AgreementKind.UnderpinningContract => "Underpinning contract",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The agreements chosen for a case in short, by kind (customer SLA, OLAs, underpinning contracts): a kind's one version by
    /// its reference, several OLAs or contracts by their number: "PM-2025 v2 + 4 OLAs + UC-LIFTS v1".
    /// </summary>
    public static string Agreements(IReadOnlyList<AgreementVersion> agreements) => agreements.Count == 0 ? "–" : string.Join(" + ",
        agreements.GroupBy(a => a.Kind).OrderBy(g => g.Key).SelectMany(g => g.Key == ServiceQuality.Domain.Agreements.AgreementKind.ServiceLevel || g.Count() == 1
            ? g.Select(a => a.Reference.ToString())
            : [Count(g.Count(), g.Key == ServiceQuality.Domain.Agreements.AgreementKind.OperationalLevel ? "OLA" : "contract")]));

    /// <summary>When a version is in force, by local dates: "from 2025-01-15", or "2025-01-01 to 2025-03-01" (the end excluded).</summary>
    public static string InForce(Instant from, Instant? until, DateTimeZone zone) =>
        until is { } end ? $"{IsoDate(from.InZone(zone).Date)} to {IsoDate(end.InZone(zone).Date)}" : $"from {IsoDate(from.InZone(zone).Date)}";

    /// <summary>The tiers, best first: the one order every table uses.</summary>
    public static int TierOrder(ServiceTier tier) => -tier.Rank;

    public static string Tier(ServiceTier tier) => tier.Code switch
    {
        "key" => "Key account",
        "vip" => "VIP",
        "gold" => "Gold",
        "class-a" => "Class A",
        "ordinary" => "Ordinary",
        _ => tier.Code,
    };

    public static string Priority(Priority priority) => priority switch
    {
        ServiceQuality.Domain.Common.Priority.P1 => "P1 urgent",
        ServiceQuality.Domain.Common.Priority.P2 => "P2 high",
        ServiceQuality.Domain.Common.Priority.P3 => "P3 normal",
        ServiceQuality.Domain.Common.Priority.P4 => "P4 low",
        _ => priority.ToString(),
    };

    public static string Kpi(Kpi kpi) => kpi switch
    {
        ServiceQuality.Domain.Agreements.Kpi.SatisfactionRate => "Satisfaction rate",
        ServiceQuality.Domain.Agreements.Kpi.ClosingRate => "Closing rate",
        ServiceQuality.Domain.Agreements.Kpi.ComplaintRate => "Complaint rate",
        ServiceQuality.Domain.Agreements.Kpi.CallbackRate => "Complaint callback rate",
        ServiceQuality.Domain.Agreements.Kpi.SlaCompliance => "SLA compliance",
        ServiceQuality.Domain.Agreements.Kpi.FirstContactResolutionRate => "First-contact resolution",
        _ => kpi.ToString(),
    };

    public static string Objective(Comparison comparison, decimal thresholdPercent) =>
        (comparison == Comparison.AtLeast ? "at least " : "at most ") + thresholdPercent.ToString("0.##", Invariant) + " %";

    public const string Met = "Met";
    public const string NotMet = "Not met";
    public const string NoData = "No data";

    public static string Verdict(KpiVerdict verdict) => verdict switch
    {
        KpiVerdict.Met => Met,
        KpiVerdict.NotMet => NotMet,
        _ => NoData,
    };

    /// <summary>A promise's target in words: "within 30 min", "within 2 business hours", "within 3 days".</summary>
    public static string Target(Duration target, TimeBasis basis)
    {
        var business = basis == TimeBasis.BusinessTime;
        if (target.TotalMinutes < 60)
        {
            return $"within {Number(target.TotalMinutes)} {(business ? "business " : string.Empty)}min";
        }

        if (!business && target.TotalHours >= 72 && target.TotalHours % 24 == 0)
        {
            return $"within {Number(target.TotalDays)} days";
        }

        var hours = target.TotalHours;
        return $"within {Number(hours)} {(business ? "business " : string.Empty)}{(hours == 1 ? "hour" : "hours")}";
    }

    /// <summary>The calendar a promise runs on.</summary>
    public static string Calendar(TimeBasis basis, string? calendarName) =>
        basis == TimeBasis.BusinessTime ? $"{calendarName ?? "business"} calendar" : "round the clock";

    /// <summary>A promise with the calendar it runs on: "within 2 business hours (china-2025 calendar)", "within 30 min, round the clock".</summary>
    public static string Promise(string target, string calendar) => calendar.Length == 0 || calendar == "round the clock" ? $"{target}, round the clock" : $"{target} ({calendar})";

    public static string Card(CardColour card) => card switch
    {
        CardColour.Red => "Red card",
        CardColour.Yellow => "Yellow card",
        _ => "none",
    };

    public static string Stars(int stars, int of) => stars == 0 ? "none" : new string('★', stars) + new string('☆', Math.Max(0, of - stars));

    /// <summary>An escalation reason code in words.</summary>
    public static string Reason(string code) => code switch
    {
        "customer.key" => "Key account's case",
        "severity.major" => "Major complaint",
        "severity.critical" => "Critical complaint",
        "repeat-complaints" => "Repeat complaints",
        "claimed-loss" => "Claimed loss over the threshold",
        _ when code.StartsWith("time.", StringComparison.Ordinal) => $"{code[5..]} % of a target's time used",
        _ => code,
    };

    public static string VisitKind(VisitKind kind) => kind switch
    {
        ServiceQuality.Domain.Visits.VisitKind.PhoneCallback => "Phone callback",
        ServiceQuality.Domain.Visits.VisitKind.OnSiteVisit => "On-site visit",
        ServiceQuality.Domain.Visits.VisitKind.HomeSurvey => "Home survey",
        ServiceQuality.Domain.Visits.VisitKind.KeyAccountReview => "Key-account review",
        ServiceQuality.Domain.Visits.VisitKind.SatisfactionSurvey => "Satisfaction survey",
        _ => kind.ToString(),
    };

    public static string Dimension(string dimension) => dimension.Length == 0 ? dimension : char.ToUpperInvariant(dimension[0]) + dimension[1..];

    public static string CreditReason(string code) => code switch
    {
        "no-credit" => "no credit",
        "capped" => "capped",
        "below-minimum" => "below the minimum",
        "claim-window-expired" => "claimed too late",
        "linear" => "per point short",
        _ when code.StartsWith("band.", StringComparison.Ordinal) => $"credit band {code[5..]}",
        _ => code,
    };

    public static string YesNo(bool value) => value ? "yes" : "no";

    // One number format: thousands separated counts, one decimal for percentages and hours, two for scores and money.
    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>A count with its noun, singular or plural: "1 complaint", "1,533 complaints".</summary>
    public static string Count(long n, string noun, string? plural = null) => $"{Count(n)} {(n == 1 ? noun : plural ?? noun + "s")}";

    public static string Number(double n) => n.ToString("#,0.#", Invariant);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", Invariant) + " %" : "–";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("#,0.0", Invariant) + " h" : "–";

    public static string Score(decimal score) => score.ToString("0.00", Invariant);

    public static string Money(decimal amount, string currency) => (currency == "CNY" ? "¥" : currency + " ") + amount.ToString("#,0.00", Invariant);

    /// <summary>Rounds a percentage to what the report shows (one decimal).</summary>
    public static decimal? Round(decimal? percent) => percent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null;

    public static double? RoundHours(double? hours) => hours is { } h ? Math.Round(h, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>An instant in the centre's zone with its offset: 2025-02-24 06:42 +08:00.</summary>
    public static string Time(Instant instant, DateTimeZone zone) => instant.InZone(zone).ToString("uuuu-MM-dd HH:mm o<+HH:mm>", Invariant);

    /// <summary>An instant as ISO 8601 with the zone's offset, for JSON.</summary>
    public static string IsoTime(Instant instant, DateTimeZone zone) => instant.InZone(zone).ToString("uuuu-MM-dd'T'HH:mm:sso<+HH:mm>", Invariant);

    public static string IsoDate(LocalDate date) => date.ToString("uuuu-MM-dd", Invariant);

    /// <summary>A period with its inclusive last day: "Mon 13 Jan 2025 to Tue 18 Feb 2025 (inclusive)".</summary>
    public static string Period(LocalDate first, LocalDate last) =>
        $"{first.ToString("ddd d MMM uuuu", Invariant)} to {last.ToString("ddd d MMM uuuu", Invariant)} (both days included)";

    /// <summary>An ISO time from the report's data as the text shows it: "2025-02-24 06:42 +08:00".</summary>
    public static string Display(string isoTime) => isoTime.Length >= 25 ? $"{isoTime[..10]} {isoTime[11..16]} {isoTime[19..]}" : isoTime;
}
