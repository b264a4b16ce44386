using NodaTime;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Instants in years 1-9999 as NodaTime's extended ISO pattern writes them (<c>uuuu-MM-ddTHH:mm:ss</c>, a fraction of up
/// to nine digits without trailing zeros when there is one, and <c>Z</c>), formatted and parsed on UTF-8 bytes without
/// allocating. Other instants, and text this fast path does not take, go through <c>InstantPattern.ExtendedIso</c>.
/// </summary>
internal static class InstantText
{
    public const int MaxLength = 30;

    /// <summary>Writes <paramref name="instant"/> into <paramref name="utf8"/> and returns the length, or 0 when its year is outside 1-9999.</summary>
    public static int Format(Instant instant, Span<byte> utf8)
    {
        if (instant < Instant.MinValue || instant > Instant.MaxValue)
        {
            return 0;
        }

        // The civil date and time of day by era arithmetic (NodaTime's local values cost several times more).
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        var (days, nanosecondOfDay) = ((long)sinceEpoch.Days, sinceEpoch.NanosecondOfDay);
        if (nanosecondOfDay < 0)
        {
            // A negative duration's days are truncated towards zero: the time of day counts back from midnight.
            (days, nanosecondOfDay) = (days - 1, nanosecondOfDay + NodaConstants.NanosecondsPerDay);
        }

        var (year, month, day) = CivilDate(days);
        if (year < 1)
        {
            return 0;
        }

        var secondOfDay = (int)(nanosecondOfDay / NodaConstants.NanosecondsPerSecond);
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
        var nanoseconds = (int)(nanosecondOfDay % NodaConstants.NanosecondsPerSecond);
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

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var seconds = (DaysSinceEpoch(year, month, day) * NodaConstants.SecondsPerDay) + (hour * 3600) + (minute * 60) + second;
        instant = Instant.FromUnixTimeSeconds(seconds);
        if (nanoseconds != 0)
        {
            instant = instant.PlusNanoseconds(nanoseconds);
        }

        return true;
    }

    /// <summary>Days from 1970-01-01 to a valid date of the ISO calendar (the proleptic Gregorian count, by whole-era arithmetic).</summary>
    public static long DaysSinceEpoch(int year, int month, int day)
    {
        // Years start on 1 March, so the leap day ends a year; an era is 400 years of 146,097 days.
        var y = (long)year - (month <= 2 ? 1 : 0);
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>The ISO date <paramref name="days"/> days from 1970-01-01: the inverse of <see cref="DaysSinceEpoch"/>.</summary>
    private static (int Year, int Month, int Day) CivilDate(long days)
    {
        var shifted = days + 719_468;
        var era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097;
        var dayOfEra = shifted - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthIndex) + 2) / 5) + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        var year = (int)((era * 400) + yearOfEra + (month <= 2 ? 1 : 0));
        return (year, month, day);
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
