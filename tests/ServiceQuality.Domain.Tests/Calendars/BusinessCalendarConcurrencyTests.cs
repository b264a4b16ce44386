using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

public sealed class BusinessCalendarConcurrencyTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static BusinessCalendar Fresh() =>
        BusinessCalendar.CreateBuilder(NewYork)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(12, 0))
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(17, 30))
            .AddOpenHours(IsoDayOfWeek.Wednesday, new LocalTime(22, 0), new LocalTime(6, 0))
            .AddOpenHours(IsoDayOfWeek.Saturday, new LocalTime(1, 30), new LocalTime(2, 30))
            .AddHoliday(new LocalDate(2031, 7, 7))
            .Build();

    private static (bool, Instant, Instant, Instant, Duration)[] Answers(BusinessCalendar calendar, int year) =>
        Enumerable.Range(0, 200).Select(i =>
        {
            var t = Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromMinutes(i * 2591L);
            var amount = Duration.FromMinutes(i * 37L);
            return (calendar.IsOpen(t), calendar.NextOpen(t), calendar.AddBusinessTime(t, amount),
                calendar.SubtractBusinessTime(t, amount), calendar.BusinessTimeBetween(t, t + Duration.FromDays(i)));
        }).ToArray();

    [Fact]
    public void Queries_FromManyThreadsOnDifferentYears_MatchSingleThreadedAnswers()
    {
        var years = Enumerable.Range(1990, 48).ToArray();
        var single = Fresh();
        var expected = years.ToDictionary(y => y, y => Answers(single, y));

        for (var round = 0; round < 3; round++)
        {
            // A fresh calendar each round, so the threads race to compile the same and neighbouring chunks.
            var shared = Fresh();
            var actual = new System.Collections.Concurrent.ConcurrentDictionary<int, (bool, Instant, Instant, Instant, Duration)[]>();
            using var start = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(thread => new Thread(() =>
            {
                start.SignalAndWait();
                foreach (var year in years.Where((_, i) => i % 8 == thread).Concat(Enumerable.Reverse(years).Where((_, i) => i % 3 == thread % 3)))
                {
                    actual[year] = Answers(shared, year);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(years, year => Assert.Equal(expected[year], actual[year]));
        }
    }
}
