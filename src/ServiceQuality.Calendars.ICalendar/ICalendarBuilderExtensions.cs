using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Calendars.ICalendar;

/// <summary>
/// Imports iCalendar (RFC 5545, <c>.ics</c>) files into a <see cref="BusinessCalendarBuilder"/>: public-holiday
/// calendars as published by governments and calendar services, and the make-up working days some of them announce.
/// </summary>
/// <remarks>
/// <para>How each VEVENT is read (events with <c>STATUS:CANCELLED</c> are skipped):</para>
/// <list type="bullet">
/// <item><description>
/// An <b>all-day</b> event (<c>DTSTART;VALUE=DATE</c>) closes every date from its start to its end (<c>DTEND</c>,
/// exclusive, or a <c>DURATION</c> in days or weeks; one day when neither is given): <see cref="BusinessCalendarBuilder.AddHoliday"/>.
/// </description></item>
/// <item><description>
/// A one-day all-day event with <c>RRULE:FREQ=YEARLY</c> (interval 1; <c>BYMONTH</c>/<c>BYMONTHDAY</c> only if they repeat
/// the start's; optional <c>UNTIL</c> or <c>COUNT</c>; no <c>RDATE</c> or <c>EXDATE</c>) becomes a yearly holiday from the
/// start's year: <see cref="BusinessCalendarBuilder.AddYearlyHoliday(AnnualDate, int, int)"/>. Years before 1900 are
/// left out.
/// </description></item>
/// <item><description>
/// A <b>timed</b> event whose <c>CATEGORIES</c> include <see cref="ICalendarImportOptions.WorkingDayCategory"/>
/// (<c>WORKDAY</c>) opens its hours on its start's date: <see cref="BusinessCalendarBuilder.AddWorkingDay"/>, from the
/// start's wall-clock time to the end's, in the builder's zone. It must last more than zero and at most 24 hours; several
/// such events on one date give the date several intervals (a morning and an afternoon). Times in UTC or with a
/// <c>TZID</c> (an IANA or Windows zone id; VTIMEZONE definitions are not read) are converted to the builder's zone;
/// floating times are taken as its wall-clock time.
/// </description></item>
/// <item><description>
/// Any other recurring event (weekly, monthly, <c>BYDAY</c> rules, <c>RDATE</c>, <c>EXDATE</c>) is expanded with Ical.Net
/// into dated holidays or working days, from its start to <see cref="ICalendarImportOptions.RecurrenceEnd"/> or the
/// rule's own end, at most <see cref="ICalendarImportOptions.MaxOccurrencesPerEvent"/> occurrences; occurrences outside
/// 1900–2199 are left out.
/// </description></item>
/// </list>
/// <para>
/// Refused, each reported at its line: a file that is not iCalendar (a line that is not <c>NAME:value</c>, a BEGIN
/// without its END), an event without <c>DTSTART</c> or with a value Ical.Net cannot read, a timed event without the
/// working-day category (a calendar cannot close part of a day), an all-day event with it (it gives no hours), a date
/// outside 1900–2199 on an event that does not recur, a recurrence with more occurrences than allowed, and a date that
/// the file makes both a holiday and a working day. Precedence in the built calendar is the builder's: a dated working
/// day overrides a yearly holiday. What only the whole calendar shows — working-day events whose hours overlap on one
/// date, or a date that the file and the builder's own entries make both a holiday and a working day — is reported by
/// <see cref="BusinessCalendarBuilder.Build"/>, at the date.
/// </para>
/// </remarks>
public static class ICalendarBuilderExtensions
{
    /// <summary>Adds the holidays, yearly holidays and working days of an iCalendar file to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder to add to; its zone is the zone of the imported hours.</param>
    /// <param name="text">The file's text (RFC 5545; lines may end with CRLF, LF or CR).</param>
    /// <param name="options">How to read the file; <see cref="ICalendarImportOptions.Default"/> when null.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="options"/> has a blank working-day category or a recurrence end outside 1900–2199.
    /// </exception>
    /// <exception cref="InvalidDefinitionException">
    /// The file has problems: every one is listed (the first <see cref="InvalidDefinitionException.MaxProblems"/>), each with
    /// the path <c>line N</c> (the physical line, from 1, where the content line or event starts) and a
    /// <see cref="ProblemCode"/>: <see cref="ProblemCode.InvalidFormat"/>, <see cref="ProblemCode.MissingProperty"/>,
    /// <see cref="ProblemCode.UnknownName"/>, <see cref="ProblemCode.OutOfRange"/>, <see cref="ProblemCode.Conflict"/>,
    /// <see cref="ProblemCode.Unsupported"/> or <see cref="ProblemCode.Empty"/> (no VCALENDAR). Nothing is added to the
    /// builder then.
    /// </exception>
    /// <remarks>Not thread-safe, as the builder is not; the file is read in one pass and Ical.Net reads each event's values.</remarks>
    public static BusinessCalendarBuilder AddICalendar(this BusinessCalendarBuilder builder, string text, ICalendarImportOptions? options = null)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(text);
        options ??= ICalendarImportOptions.Default;
        Guard.Against.NullOrWhiteSpace(options.WorkingDayCategory, nameof(options), "The working-day category must not be blank.");
        Guard.Against.InvalidInput(
            options.RecurrenceEnd, nameof(options), d => d.Calendar == CalendarSystem.Iso && d.Year is >= 1900 and <= 2199, "The recurrence end must be an ISO date in 1900–2199.");

        var import = ICalendarReader.Read(text, builder.Zone, options);
        if (import.Problems.Count > 0)
        {
            throw import.Problems.ToException("iCalendar file");
        }

        foreach (var date in import.Holidays)
        {
            builder.AddHoliday(date);
        }

        foreach (var (date, first, last) in import.Yearly)
        {
            builder.AddYearlyHoliday(date, first, last);
        }

        foreach (var (date, start, end) in import.WorkingHours)
        {
            builder.AddWorkingDay(date, start, end);
        }

        return builder;
    }
}
