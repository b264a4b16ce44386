using NodaTime;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Instants in years 1-9999 as NodaTime's extended ISO pattern writes them (<c>uuuu-MM-ddTHH:mm:ss</c>, a fraction of up
/// to nine digits without trailing zeros when there is one, and <c>Z</c>), formatted and parsed on UTF-8 bytes without
/// allocating. Other instants, and text this fast path does not take, go through <c>InstantPattern.ExtendedIso</c>.
/// </summary>
/// <remarks>
/// The date arithmetic is done here on days since the Unix epoch (the proleptic Gregorian calendar, as NodaTime's ISO
/// calendar), because going through <c>InUtc()</c> or <c>Instant.FromUtc</c> builds and validates NodaTime's local
/// values and costs several times as much. The tests check both directions against NodaTime.
/// </remarks>
internal static class InstantText
{
    public const int MaxLength = 30;

    private const long NanosecondsPerDay = 86_400_000_000_000;
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long TicksPerDay = 864_000_000_000;

    /// <summary>Days from 0000-03-01 to 1970-01-01, for the era arithmetic, which counts from a March 1st.</summary>
    private const int DaysFromMarchYear0ToEpoch = 719_468;

    /// <summary>Days in a 400-year era of the Gregorian calendar.</summary>
    private const int DaysPerEra = 146_097;

    /// <summary>The first instant of year 1, the earliest this class formats.</summary>
    private static readonly Instant FirstInstant = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>Writes <paramref name="instant"/> into <paramref name="utf8"/> and returns the length, or 0 when its year is outside 1-9999.</summary>
    public static int Format(Instant instant, Span<byte> utf8)
    {
        if (instant < FirstInstant || instant > Instant.MaxValue || utf8.Length < MaxLength)
        {
            return 0;
        }

        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        long days = sinceEpoch.Days;
        var nanosecondOfDay = sinceEpoch.NanosecondOfDay;
        if (nanosecondOfDay < 0)
        {
            // Duration.Days truncates towards zero; the date needs the day the instant falls in.
            days--;
            nanosecondOfDay += NanosecondsPerDay;
        }

        var (year, month, day) = CivilFromDays(days);
        var secondOfDay = (int)(nanosecondOfDay / NanosecondsPerSecond);
        var nanoseconds = (int)(nanosecondOfDay - (secondOfDay * NanosecondsPerSecond));

        Digits(utf8, 0, year, 4);
        utf8[4] = (byte)'-';
        Digits(utf8, 5, month, 2);
        utf8[7] = (byte)'-';
        Digits(utf8, 8, day, 2);
        utf8[10] = (byte)'T';
        Digits(utf8, 11, secondOfDay / 3600, 2);
        utf8[13] = (byte)':';
        Digits(utf8, 14, secondOfDay / 60 % 60, 2);
        utf8[16] = (byte)':';
        Digits(utf8, 17, secondOfDay % 60, 2);
        var length = 19;
        if (nanoseconds != 0)
        {
            utf8[19] = (byte)'.';
            Digits(utf8, 20, nanoseconds, 9);
            length = 29;
            while (utf8[length - 1] == (byte)'0')
            {
                length--;
            }
        }

        utf8[length] = (byte)'Z';
        return length + 1;
    }

    /// <summary>Parses exactly the form <see cref="Format"/> writes (a fraction of one to nine digits, trailing zeros allowed).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Instant instant)
    {
        instant = default;
        if (utf8.Length is < 20 or > MaxLength || utf8[^1] != (byte)'Z'
            || utf8[4] != (byte)'-' || utf8[7] != (byte)'-' || utf8[10] != (byte)'T' || utf8[13] != (byte)':' || utf8[16] != (byte)':'
            || !TryDigits(utf8, 0, 4, out var year) || !TryDigits(utf8, 5, 2, out var month) || !TryDigits(utf8, 8, 2, out var day)
            || !TryDigits(utf8, 11, 2, out var hour) || !TryDigits(utf8, 14, 2, out var minute) || !TryDigits(utf8, 17, 2, out var second))
        {
            return false;
        }

        var nanoseconds = 0;
        if (utf8.Length > 20)
        {
            var fraction = utf8.Length - 21;
            if (utf8[19] != (byte)'.' || fraction < 1 || !TryDigits(utf8, 20, fraction, out nanoseconds))
            {
                return false;
            }

            for (var i = fraction; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var nanosecondOfDay = (((hour * 3600L) + (minute * 60) + second) * NanosecondsPerSecond) + nanoseconds;
        var ticks = (DaysFromCivil(year, month, day) * TicksPerDay) + (nanosecondOfDay / 100);
        var subTick = (int)(nanosecondOfDay % 100);
        instant = subTick == 0 ? Instant.FromUnixTimeTicks(ticks) : Instant.FromUnixTimeTicks(ticks).PlusNanoseconds(subTick);
        return true;
    }

    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>Days since 1970-01-01 of a date in years 1-9999, counting years from March so that February's leap day comes last.</summary>
    private static long DaysFromCivil(int year, int month, int day)
    {
        var marchYear = month <= 2 ? year - 1 : year;
        var era = marchYear / 400;
        var yearOfEra = marchYear - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return ((long)era * DaysPerEra) + dayOfEra - DaysFromMarchYear0ToEpoch;
    }

    /// <summary>The date of a day since 1970-01-01 in years 1-9999: the inverse of <see cref="DaysFromCivil"/>.</summary>
    private static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        var fromMarchYear0 = (int)(days + DaysFromMarchYear0ToEpoch);
        var era = fromMarchYear0 / DaysPerEra;
        var dayOfEra = fromMarchYear0 - (era * DaysPerEra);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / (DaysPerEra - 1))) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var marchMonth = ((5 * dayOfYear) + 2) / 153;
        var day = dayOfYear - (((153 * marchMonth) + 2) / 5) + 1;
        var month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        return ((yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0), month, day);
    }

    private static void Digits(Span<byte> utf8, int start, int value, int count)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            utf8[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> utf8, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = utf8[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
