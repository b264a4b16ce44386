using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceQuality.Calendars.ICalendar;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Testing;

namespace ServiceQuality.Benchmarks.Calendars;

/// <summary>
/// Issue 14 budgets for composed calendars: the same lookups as <see cref="BusinessCalendarBenchmarks"/> (≤ 100 ns, 0 B)
/// on a calendar composed twice — the 2025 reference calendar less a weekly maintenance window, united with a London
/// desk — with query instants spread over 2020-2030. Also the import of the reference calendar's .ics file.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ComposedCalendarBenchmarks
{
    private const int Queries = 1024;

    private readonly Instant[] _instants = new Instant[Queries];
    private readonly Duration _8h = Duration.FromHours(8);
    private readonly Duration _2000h = Duration.FromHours(2000);
    private readonly Duration _30d = Duration.FromDays(30);
    private readonly string _ics = ReferenceCalendars.ChinaServiceCentre2025ICalendar;
    private BusinessCalendar _composed = BusinessCalendar.AlwaysOpen;

    [GlobalSetup]
    public void Setup()
    {
        var reference = ReferenceCalendars.ChinaServiceCentre2025;
        var maintenance = BusinessCalendar.CreateBuilder(reference.Zone)
            .AddOpenHours(IsoDayOfWeek.Wednesday, new LocalTime(12, 0), new LocalTime(14, 0))
            .Build();
        var london = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Europe/London"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            london.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        _composed = reference.Except(maintenance).Union(london.Build());

        var random = new Random(2025);
        var from = Instant.FromUtc(2020, 1, 1, 0, 0);
        var span = (Instant.FromUtc(2030, 1, 1, 0, 0) - from).TotalSeconds;
        for (var i = 0; i < Queries; i++)
        {
            _instants[i] = from + Duration.FromSeconds((long)(random.NextDouble() * span));
        }

        // Compile the whole window first: the budgets are for queries, not for first use.
        _composed.BusinessTimeBetween(from, from + Duration.FromDays(3660));
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Composed IsOpen")]
    public int ComposedIsOpen()
    {
        var open = 0;
        foreach (var t in _instants)
        {
            open += _composed.IsOpen(t) ? 1 : 0;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Composed AddBusinessTime 8 h")]
    public Instant ComposedAddBusinessTime8h() => AddAll(_8h);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Composed AddBusinessTime 2,000 h")]
    public Instant ComposedAddBusinessTime2000h() => AddAll(_2000h);

    [Benchmark(OperationsPerInvoke = Queries)]
    [BenchmarkCategory("Composed BusinessTimeBetween 30 days")]
    public Duration ComposedBusinessTimeBetween30Days()
    {
        var total = Duration.Zero;
        foreach (var t in _instants)
        {
            total += _composed.BusinessTimeBetween(t, t + _30d);
        }

        return total;
    }

    [Benchmark]
    [BenchmarkCategory("Import the 2025 .ics, build, first query")]
    public Instant ImportICalendarThenFirstQuery() =>
        ReferenceCalendars.ChinaServiceCentreHours().AddICalendar(_ics).Build().AddBusinessTime(_instants[0], _8h);

    private Instant AddAll(Duration amount)
    {
        var last = default(Instant);
        foreach (var t in _instants)
        {
            last = _composed.AddBusinessTime(t, amount);
        }

        return last;
    }
}
