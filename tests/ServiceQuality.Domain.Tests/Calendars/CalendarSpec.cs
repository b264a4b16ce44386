using System.Globalization;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

public readonly record struct WeeklyHours(IsoDayOfWeek Day, LocalTime Start, LocalTime End);

public readonly record struct DatedHours(LocalDate Date, LocalTime Start, LocalTime End);

public readonly record struct YearlyHoliday(AnnualDate Date, int FirstYear, int LastYear)
{
    public bool Closes(LocalDate date) => date.Month == Date.Month && date.Day == Date.Day && FirstYear <= date.Year && date.Year <= LastYear;
}

/// <summary>A calendar definition as plain data, so that the same definition can build the real calendar and the reference.</summary>
public sealed record CalendarSpec(
    string ZoneId, IReadOnlyList<WeeklyHours> Weekly, IReadOnlyList<LocalDate> Holidays, IReadOnlyList<DatedHours> WorkingDays, IReadOnlyList<YearlyHoliday>? Yearly = null)
{
    public IReadOnlyList<YearlyHoliday> YearlyHolidays => Yearly ?? [];

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public BusinessCalendar Build()
    {
        var builder = BusinessCalendar.CreateBuilder(Zone);
        foreach (var (day, start, end) in Weekly)
        {
            builder.AddOpenHours(day, start, end);
        }

        foreach (var date in Holidays)
        {
            builder.AddHoliday(date);
        }

        foreach (var (date, start, end) in WorkingDays)
        {
            builder.AddWorkingDay(date, start, end);
        }

        foreach (var (date, first, last) in YearlyHolidays)
        {
            builder.AddYearlyHoliday(date, first, last);
        }

        return builder.Build();
    }

    public ReferenceCalendar Reference() => new(this);

    public override string ToString() =>
        $"{ZoneId}; weekly [{string.Join(", ", Weekly.Select(w => $"{w.Day} {w.Start:HH:mm}-{w.End:HH:mm}"))}]; " +
        $"holidays [{string.Join(", ", Holidays.Select(Format))}]; " +
        $"working [{string.Join(", ", WorkingDays.Select(w => $"{Format(w.Date)} {w.Start:HH:mm}-{w.End:HH:mm}"))}]; " +
        $"yearly [{string.Join(", ", YearlyHolidays.Select(y => $"{y.Date} {y.FirstYear}-{y.LastYear}"))}]";

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
