using NodaTime;

namespace ServiceQuality.Calendars.ICalendar;

/// <summary>How <see cref="ICalendarBuilderExtensions.AddICalendar"/> reads an iCalendar file. Immutable and thread-safe.</summary>
public sealed record ICalendarImportOptions
{
    /// <summary>The category that marks an event as open hours rather than a closure: <c>WORKDAY</c>.</summary>
    public const string DefaultWorkingDayCategory = "WORKDAY";

    /// <summary>
    /// The most occurrences one recurring event may expand to (10,000, about 27 years of a daily rule); an event with more
    /// before <see cref="RecurrenceEnd"/> is reported, not cut short silently.
    /// </summary>
    public const int MaxOccurrencesPerEvent = 10_000;

    /// <summary>The options used when none are given.</summary>
    public static ICalendarImportOptions Default { get; } = new();

    /// <summary>
    /// The <c>CATEGORIES</c> value, compared without regard to case, that makes a timed event a dated working day with
    /// the event's hours; <see cref="DefaultWorkingDayCategory"/> unless set.
    /// </summary>
    public string WorkingDayCategory { get; init; } = DefaultWorkingDayCategory;

    /// <summary>
    /// The last date (inclusive) up to which recurring events that are not plain yearly holidays are expanded into dated
    /// holidays or working days; 2199-12-31, the end of the supported range, unless set. A recurrence that ends earlier
    /// (<c>UNTIL</c>, <c>COUNT</c>) stops where it ends.
    /// </summary>
    public LocalDate RecurrenceEnd { get; init; } = new(2199, 12, 31);
}
