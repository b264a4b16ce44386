using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// An open interval of wall-clock time belonging to one date, as nanoseconds from that date's local
/// midnight: <see cref="Start"/> is in [0, 24 h) and <see cref="End"/> in (Start, Start + 24 h], so an
/// interval that runs past midnight has an end beyond 24 h.
/// </summary>
internal readonly record struct LocalSpan(long Start, long End)
{
    public const long NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    /// <summary>
    /// The span from <paramref name="start"/> to <paramref name="end"/>; an end at or before the start
    /// means the next day's wall-clock time (so 00:00–00:00 is the whole day).
    /// </summary>
    public static LocalSpan From(LocalTime start, LocalTime end)
    {
        var s = start.NanosecondOfDay;
        var e = end.NanosecondOfDay;
        return new LocalSpan(s, e <= s ? e + NanosecondsPerDay : e);
    }

    public bool Overlaps(LocalSpan other, long shift) => Start < other.End + shift && other.Start + shift < End;

    public string Describe() => $"{Format(Start)}-{Format(End)}";

    private static string Format(long nanoseconds)
    {
        var time = LocalTime.Midnight.PlusNanoseconds(nanoseconds % NanosecondsPerDay);
        var text = time.Second == 0 && time.NanosecondOfSecond == 0
            ? time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : time.ToString("HH:mm:ss.FFFFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        return nanoseconds >= NanosecondsPerDay ? text + "(+1)" : text;
    }
}
