using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>
/// Instants and durations for edge properties: across the whole <see cref="long"/> range of nanoseconds, the whole
/// <see cref="Duration"/> range, the ends of a calendar's supported range (to the nanosecond) and the extreme values,
/// on three calendars: <see cref="BusinessCalendar.AlwaysOpen"/>, a sparse one and the reference calendar.
/// </summary>
public static class EdgeGenerators
{
    /// <summary>The calendars the edge properties run on, by index.</summary>
    public static readonly BusinessCalendar[] CalendarsUnderTest = [BusinessCalendar.AlwaysOpen, Sparse(), ReferenceCalendars.ChinaServiceCentre2025];

    /// <summary>The names of <see cref="CalendarsUnderTest"/>, for messages and calendar lookups.</summary>
    public static readonly string[] Names = ["always-open", "sparse", "reference"];

    /// <summary>The largest multiple of <see cref="long.MaxValue"/> nanoseconds a <see cref="Duration"/> holds.</summary>
    private const int LongsPerDuration = 157;

    /// <summary>Any 64-bit value, each bit equally likely.</summary>
    public static Gen<long> AnyLong =>
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        from bits in Gen.Choose(0, 3)
        select ((long)high << 33) | ((long)low << 2) | (long)bits;

    /// <summary>Any duration: any long of nanoseconds, anywhere in <see cref="Duration"/>'s range, short ones, and the extremes.</summary>
    public static Gen<Duration> AnyDuration =>
        Gen.Frequency(
            (3, AnyLong.Select(Duration.FromNanoseconds)),
            (2, from n in AnyLong from k in Gen.Choose(-LongsPerDuration, LongsPerDuration) select Duration.FromNanoseconds((Int128)n * k)),
            (3, from s in Gen.Choose(0, 400 * 24 * 60 * 60) from n in Gen.Choose(0, 999_999_999) select Duration.FromSeconds(s) + Duration.FromNanoseconds(n)),
            (1, Gen.Elements(Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.MaxValue, Duration.MinValue, Duration.FromNanoseconds(long.MaxValue))));

    /// <summary>A positive duration, of any length up to <see cref="Duration.MaxValue"/>.</summary>
    public static Gen<Duration> PositiveDuration => AnyDuration.Select(d => d > Duration.Zero ? d : d == Duration.MinValue ? Duration.MaxValue : Duration.Epsilon - d);

    /// <summary>
    /// Any instant for a calendar with <paramref name="range"/>: a long of nanoseconds from the Unix epoch (years 1677-2262,
    /// beyond both ends), within two days of either end to the nanosecond, an end exactly or one nanosecond off, or an extreme.
    /// </summary>
    public static Gen<Instant> AnyInstant(NodaTime.Interval range) =>
        Gen.Frequency(
            (4, AnyLong.Select(n => NodaConstants.UnixEpoch + Duration.FromNanoseconds(n))),
            (3, from end in Gen.Elements(range.Start, range.End)
                from seconds in Gen.Choose(-2 * 24 * 60 * 60, 2 * 24 * 60 * 60)
                from nanoseconds in Gen.Choose(-999_999_999, 999_999_999)
                select end + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanoseconds)),
            (2, from end in Gen.Elements(range.Start, range.End)
                from offset in Gen.Choose(-2, 1)
                select end + Duration.FromNanoseconds(offset)),
            (1, Gen.Elements(Instant.MinValue, Instant.MaxValue)));

    /// <summary>
    /// An amount for an operation from <paramref name="t"/> on calendar <paramref name="calendar"/>: any duration, or, when
    /// <paramref name="t"/> is in the supported range, within a nanosecond or two of the elapsed or the open time from
    /// <paramref name="t"/> to either end of the range (the largest amounts that can still be added or subtracted; for an
    /// always-open calendar starting near 1900, more than 2^63 ns).
    /// </summary>
    public static Gen<Duration> AmountFrom(int calendar, Instant t)
    {
        var subject = CalendarsUnderTest[calendar];
        var range = subject.SupportedRange;
        if (!range.Contains(t))
        {
            return AnyDuration;
        }

        var last = range.End - Duration.Epsilon;
        return from any in AnyDuration
               from kind in Gen.Choose(0, 6)
               from offset in Gen.Choose(-2, 2)
               select kind switch
               {
                   3 => range.End - t + Duration.FromNanoseconds(offset),
                   4 => subject.BusinessTimeBetween(t, last) + Duration.FromNanoseconds(offset),
                   5 => t - range.Start + Duration.FromNanoseconds(offset),
                   6 => subject.BusinessTimeBetween(range.Start, t) + Duration.FromNanoseconds(offset),
                   _ => any,
               };
    }

    /// <summary>The index of one of <see cref="CalendarsUnderTest"/>.</summary>
    public static Gen<int> AnyCalendar => Gen.Choose(0, CalendarsUnderTest.Length - 1);

    /// <summary>Nanoseconds from the Unix epoch, exactly, for any instant.</summary>
    public static Int128 Nanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt128Nanoseconds();

    /// <summary>
    /// A few minutes a week, in a zone with daylight saving: Sunday 01:30-02:30 (across New York's spring-forward gap and
    /// fall-back overlap) and Wednesday 23:59-00:01 (across midnight).
    /// </summary>
    private static BusinessCalendar Sparse() =>
        BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["America/New_York"])
            .AddOpenHours(IsoDayOfWeek.Sunday, new LocalTime(1, 30), new LocalTime(2, 30))
            .AddOpenHours(IsoDayOfWeek.Wednesday, new LocalTime(23, 59), new LocalTime(0, 1))
            .Build();
}
