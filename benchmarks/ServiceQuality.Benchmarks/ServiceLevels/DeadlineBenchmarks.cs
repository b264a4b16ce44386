using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Testing;

namespace ServiceQuality.Benchmarks.ServiceLevels;

/// <summary>
/// Issue 14 budgets: deadlines in business days on the 2025 reference calendar, with start instants spread over
/// 2020-2030 (one query per instant, the mean per query), beside a walk over days; and the issue-5 ticket evaluated
/// against an agreement whose targets are deadlines in business days with start rules.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DeadlineBenchmarks
{
    private const int Queries = 1024;

    private static readonly BusinessDayDeadline SameDayElseNoon =
        BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0)));

    private readonly BusinessCalendar _calendar = ReferenceCalendars.ChinaServiceCentre2025;
    private readonly HashSet<LocalDate> _holidays = [.. ReferenceCalendars.ChinaPublicHolidays2025];
    private readonly HashSet<LocalDate> _makeUpDays = [.. ReferenceCalendars.ChinaMakeUpWorkingDays2025];
    private readonly Instant[] _instants = new Instant[Queries];
    private readonly LocalDate[] _dates = new LocalDate[Queries];
    private readonly SlaStatus[] _destination = new SlaStatus[SlaClock.MaxStatusesPerCase];
    private readonly ServiceLevelAgreement _agreement = CreateAgreement();
    private IReadOnlyList<TicketEvent> _history = [];
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2025);
        var from = Instant.FromUtc(2020, 1, 1, 0, 0);
        var span = (Instant.FromUtc(2030, 1, 1, 0, 0) - from).TotalSeconds;
        for (var i = 0; i < Queries; i++)
        {
            _instants[i] = from + Duration.FromSeconds((long)(random.NextDouble() * span));
            _dates[i] = _instants[i].InZone(_calendar.Zone).Date;
        }

        // Compile the whole window first (timeline and business days): the budgets are for queries, not for first use.
        _calendar.BusinessTimeBetween(from, from + Duration.FromDays(3700));
        _calendar.TryGetBusinessDay(_dates.Min(), 2600, out _);
        _history = TicketHistories.Typical();
        _now = _history[^1].OccurredAt + Duration.FromHours(3);
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Deadline: same day before 16:00, else 12:00 next day")]
    public Instant DueFromSameDayElseNoon()
    {
        var last = default(Instant);
        foreach (var t in _instants)
        {
            last = SameDayElseNoon.DueFrom(t, _calendar) ?? last;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Deadline: within 3 business days")]
    public Instant DueFromWithinThreeBusinessDays()
    {
        var last = default(Instant);
        var deadline = BusinessDayDeadline.WithinBusinessDays(3);
        foreach (var t in _instants)
        {
            last = deadline.DueFrom(t, _calendar) ?? last;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("20th business day")]
    public LocalDate TryGetBusinessDay20()
    {
        var last = default(LocalDate);
        foreach (var date in _dates)
        {
            _calendar.TryGetBusinessDay(date, 20, out last);
        }

        return last;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    [BenchmarkCategory("20th business day")]
    public LocalDate DayByDayBaseline20()
    {
        var last = default(LocalDate);
        foreach (var date in _dates)
        {
            last = WalkDays(date, 20);
        }

        return last;
    }

    [Benchmark]
    [BenchmarkCategory("Evaluate one ticket with deadlines")]
    public SlaEvaluationSummary EvaluateOneTicketWithDeadlines() =>
        SlaClock.EvaluateTicket(_history, _agreement, TicketHistories.Calendars, _now, _destination);

    /// <summary>The issue-5 agreement with its targets as deadlines in business days and start rules (same id and version, so the typical ticket names it).</summary>
    private static ServiceLevelAgreement CreateAgreement()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(TicketHistories.Agreement.Id, "Property management 2025, in business days", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("china-2025", at);
        sla.AddTarget(new ServiceTarget(Metric.FirstResponse, null, null, SameDayElseNoon, TargetStart.Opening), at);
        sla.AddTarget(new ServiceTarget(Metric.NextResponse, null, null, BusinessDayDeadline.EndOfBusinessDay(1), TargetStart.Opening), at);
        sla.AddTarget(new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.WithinBusinessDays(3), TargetStart.Opening), at);
        sla.AddTarget(new ServiceTarget(Metric.Resolution, Priority.P2, null, BusinessDayDeadline.EndOfBusinessDay(1), TargetStart.Retroactive), at);
        sla.AddTarget(new ServiceTarget(Metric.Resolution, null, ServiceTier.Key, BusinessDayDeadline.OnBusinessDayAt(1, new LocalTime(12, 0)), TargetStart.WhenApplies), at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution, Metric.NextResponse], at);
        sla.PauseOn(HoldReason.WaitingForThirdParty, [Metric.Resolution], at);
        sla.Publish(at, at);
        return sla;
    }

    /// <summary>The baseline: the n-th business day after the first one on or after <paramref name="from"/>, a date at a time.</summary>
    private LocalDate WalkDays(LocalDate from, int n)
    {
        var day = from;
        while (!IsWorkingDay(day))
        {
            day = day.PlusDays(1);
        }

        for (var i = 0; i < n; i++)
        {
            day = day.PlusDays(1);
            while (!IsWorkingDay(day))
            {
                day = day.PlusDays(1);
            }
        }

        return day;
    }

    private bool IsWorkingDay(LocalDate date) =>
        !_holidays.Contains(date) && (_makeUpDays.Contains(date) || date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
}
