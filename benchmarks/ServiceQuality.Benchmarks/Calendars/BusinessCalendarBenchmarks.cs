using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Testing;

namespace ServiceQuality.Benchmarks.Calendars;

/// <summary>
/// Issue 3 budgets, on the 2025 reference calendar (Asia/Shanghai, 09:00-12:00 and 13:30-18:00, holidays and
/// make-up days), with query instants spread over 2020-2030. Each benchmark runs one query per instant and
/// reports the mean per query. The day-by-day baseline shows what a walk over the calendar costs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BusinessCalendarBenchmarks
{
    private const int Queries = 1024;
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly BusinessCalendar _calendar = ReferenceCalendars.ChinaServiceCentre2025;
    private readonly DayByDayCalendar _baseline = new(
        Shanghai,
        [(new LocalTime(9, 0), new LocalTime(12, 0)), (new LocalTime(13, 30), new LocalTime(18, 0))],
        ReferenceCalendars.ChinaPublicHolidays2025,
        ReferenceCalendars.ChinaMakeUpWorkingDays2025);

    private readonly Instant[] _instants = new Instant[Queries];
    private readonly Duration _8h = Duration.FromHours(8);
    private readonly Duration _40h = Duration.FromHours(40);
    private readonly Duration _2000h = Duration.FromHours(2000);
    private readonly Duration _1d = Duration.FromDays(1);
    private readonly Duration _30d = Duration.FromDays(30);
    private readonly Duration _365d = Duration.FromDays(365);
    private LocalDate[] _tenYearsOfHolidays = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2025);
        var from = Instant.FromUtc(2020, 1, 1, 0, 0);
        var span = (Instant.FromUtc(2030, 1, 1, 0, 0) - from).TotalSeconds;
        for (var i = 0; i < Queries; i++)
        {
            _instants[i] = from + Duration.FromSeconds((long)(random.NextDouble() * span));
        }

        // Compile the whole window first: the budgets are for queries, not for first use.
        _calendar.BusinessTimeBetween(from, from + Duration.FromDays(3660));

        _tenYearsOfHolidays = Enumerable.Range(0, 10)
            .SelectMany(year => ReferenceCalendars.ChinaPublicHolidays2025.Select(d => d.PlusYears(year)))
            .Distinct()
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("IsOpen")]
    public int IsOpen()
    {
        var open = 0;
        foreach (var t in _instants)
        {
            open += _calendar.IsOpen(t) ? 1 : 0;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("AddBusinessTime 8 h")]
    public Instant AddBusinessTime8h() => AddAll(_8h);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("AddBusinessTime 40 h")]
    public Instant AddBusinessTime40h() => AddAll(_40h);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("AddBusinessTime 2,000 h")]
    public Instant AddBusinessTime2000h() => AddAll(_2000h);

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    [BenchmarkCategory("AddBusinessTime 2,000 h")]
    public Instant DayByDayBaseline2000h()
    {
        var last = default(Instant);
        foreach (var t in _instants)
        {
            last = _baseline.AddBusinessTime(t, _2000h);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("BusinessTimeBetween 1 day")]
    public Duration BusinessTimeBetween1Day() => BetweenAll(_1d);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("BusinessTimeBetween 30 days")]
    public Duration BusinessTimeBetween30Days() => BetweenAll(_30d);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("BusinessTimeBetween 365 days")]
    public Duration BusinessTimeBetween365Days() => BetweenAll(_365d);

    [Benchmark]
    [BenchmarkCategory("Build with 10 years of holidays, then first query")]
    public Instant BuildThenFirstQuery() =>
        ReferenceCalendars.CreateChinaServiceCentre(_tenYearsOfHolidays, []).AddBusinessTime(_instants[0], _8h);

    private Instant AddAll(Duration amount)
    {
        var last = default(Instant);
        foreach (var t in _instants)
        {
            last = _calendar.AddBusinessTime(t, amount);
        }

        return last;
    }

    private Duration BetweenAll(Duration span)
    {
        var total = Duration.Zero;
        foreach (var t in _instants)
        {
            total += _calendar.BusinessTimeBetween(t, t + span);
        }

        return total;
    }
}
