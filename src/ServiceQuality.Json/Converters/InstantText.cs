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

        var local = instant.InUtc().LocalDateTime;
        if (local.Year < 1)
        {
            return 0;
        }

        Digits(utf8, 0, local.Year, 4);
        utf8[4] = (byte)'-';
        Digits(utf8, 5, local.Month, 2);
        utf8[7] = (byte)'-';
        Digits(utf8, 8, local.Day, 2);
        utf8[10] = (byte)'T';
        Digits(utf8, 11, local.Hour, 2);
        utf8[13] = (byte)':';
        Digits(utf8, 14, local.Minute, 2);
        utf8[16] = (byte)':';
        Digits(utf8, 17, local.Second, 2);
        var length = 19;
        var nanoseconds = local.NanosecondOfSecond;
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

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > Reading.FileValues.DaysIn(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        // Ticks from the epoch: years 1-9999 are well inside a long's range of ticks (about ±29,000 years).
        var seconds = (Reading.FileValues.DaysSinceEpoch(year, month, day) * 86_400) + (hour * 3_600) + (minute * 60) + second;
        var ticks = (seconds * NodaConstants.TicksPerSecond) + (nanoseconds / 100);
        instant = Instant.FromUnixTimeTicks(ticks);
        if (nanoseconds % 100 != 0)
        {
            instant = instant.PlusNanoseconds(nanoseconds % 100);
        }

        return true;
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
