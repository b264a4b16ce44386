using NodaTime;

namespace ServiceQuality.Json.Reading;

/// <summary>
/// The leaf values of the file formats, parsed from UTF-8 without NodaTime's general patterns (which are slower and accept
/// more than the formats document): dates, times of day, instants with <c>Z</c> or an offset, and ISO-8601 durations in
/// days, hours, minutes and seconds. Each parser tells a malformed value from a well-formed one outside the supported
/// range, and never overflows.
/// </summary>
internal static class FileValues
{
    /// <summary>The outcome of a parse.</summary>
    public enum Result
    {
        Ok,
        Malformed,
        OutOfRange,
    }

    /// <summary>The first date the library supports (its calendars compile the years 1900–2199).</summary>
    public static readonly LocalDate FirstDate = new(1900, 1, 1);

    /// <summary>The last date the library supports.</summary>
    public static readonly LocalDate LastDate = new(2199, 12, 31);

    /// <summary>The first instant accepted: a day after <see cref="FirstDate"/> begins, so it is inside the supported years in every time zone.</summary>
    public static readonly Instant FirstInstant = Instant.FromUtc(1900, 1, 2, 0, 0);

    /// <summary>The last instant accepted (exclusive): a day before <see cref="LastDate"/> ends.</summary>
    public static readonly Instant EndInstant = Instant.FromUtc(2199, 12, 31, 0, 0);

    /// <summary>The longest duration accepted: 100 years of 365 days, more than any target can use and far from overflow.</summary>
    public static readonly Duration MaxDuration = Duration.FromDays(36_500);

    public const string SupportedRange = "dates from 1900-01-01 to 2199-12-31, instants from 1900-01-02T00:00:00Z to 2199-12-31T00:00:00Z, durations up to P36500D";

    public static Result TryDate(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        var result = TryDateParts(text, out var year, out var month, out var day);
        if (result == Result.Ok)
        {
            date = new LocalDate(year, month, day);
        }

        return result;
    }

    /// <summary>The year, month and day of a date as <see cref="TryDate"/> reads it, without making the date.</summary>
    private static Result TryDateParts(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        (month, day) = (0, 0);
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, out year) || !Digits(text, 5, 2, out month) || !Digits(text, 8, 2, out day))
        {
            year = 0;
            return Result.Malformed;
        }

        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month))
        {
            return Result.Malformed;
        }

        return year is < 1900 or > 2199 ? Result.OutOfRange : Result.Ok;
    }

    /// <summary>Days from 1970-01-01 to a valid date of the ISO calendar (the proleptic Gregorian count, by whole-era arithmetic).</summary>
    internal static long DaysSinceEpoch(int year, int month, int day)
    {
        // Years start on 1 March, so the leap day ends a year; an era is 400 years of 146,097 days.
        var y = (long)year - (month <= 2 ? 1 : 0);
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>A month and day, <c>MM-dd</c> (<c>10-01</c>), as NodaTime's ISO pattern for <see cref="AnnualDate"/> writes it; <c>02-29</c> is allowed.</summary>
    public static Result TryAnnualDate(ReadOnlySpan<byte> text, out AnnualDate date)
    {
        date = default;
        if (text.Length != 5 || text[2] != '-' || !Digits(text, 0, 2, out var month) || !Digits(text, 3, 2, out var day))
        {
            return Result.Malformed;
        }

        // A leap year, so that 29 February is a valid month and day.
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(2000, month))
        {
            return Result.Malformed;
        }

        date = new AnnualDate(month, day);
        return Result.Ok;
    }

    public static Result TryTime(ReadOnlySpan<byte> text, out LocalTime time)
    {
        time = default;
        if (text.Length is not (5 or 8) || text[2] != ':' || !Digits(text, 0, 2, out var hour) || !Digits(text, 3, 2, out var minute))
        {
            return Result.Malformed;
        }

        var second = 0;
        if (text.Length == 8 && (text[5] != ':' || !Digits(text, 6, 2, out second)))
        {
            return Result.Malformed;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return Result.Malformed;
        }

        time = new LocalTime(hour, minute, second);
        return Result.Ok;
    }

    /// <summary><c>uuuu-MM-ddTHH:mm[:ss[.fffffffff]]</c> then <c>Z</c> or <c>±HH:mm</c> (at most ±18:00).</summary>
    public static Result TryInstant(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length < 17 || text[10] != 'T')
        {
            return Result.Malformed;
        }

        var dateResult = TryDateParts(text[..10], out var year, out var month, out var day);
        if (dateResult == Result.Malformed)
        {
            return Result.Malformed;
        }

        // The time: HH:mm, HH:mm:ss or HH:mm:ss.f…
        var rest = text[11..];
        if (rest.Length < 5 || rest[2] != ':' || !Digits(rest, 0, 2, out var hour) || !Digits(rest, 3, 2, out var minute) || hour > 23 || minute > 59)
        {
            return Result.Malformed;
        }

        var position = 5;
        var second = 0;
        long nanoseconds = 0;
        if (position < rest.Length && rest[position] == ':')
        {
            if (rest.Length < position + 3 || !Digits(rest, position + 1, 2, out second) || second > 59)
            {
                return Result.Malformed;
            }

            position += 3;
            if (position < rest.Length && rest[position] == '.')
            {
                var digits = 0;
                position++;
                while (position < rest.Length && (uint)(rest[position] - '0') <= 9)
                {
                    if (++digits > 9)
                    {
                        return Result.Malformed;
                    }

                    nanoseconds = (nanoseconds * 10) + (rest[position++] - '0');
                }

                if (digits == 0)
                {
                    return Result.Malformed;
                }

                for (var i = digits; i < 9; i++)
                {
                    nanoseconds *= 10;
                }
            }
        }

        var zone = rest[position..];
        var offsetMinutes = 0;
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            offsetMinutes = 0;
        }
        else if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':' && Digits(zone, 1, 2, out var offsetHours) && Digits(zone, 4, 2, out var offsetMinute)
                 && offsetMinute <= 59 && (offsetHours * 60) + offsetMinute <= 18 * 60)
        {
            offsetMinutes = ((offsetHours * 60) + offsetMinute) * (zone[0] == '-' ? -1 : 1);
        }
        else
        {
            return Result.Malformed;
        }

        if (dateResult != Result.Ok)
        {
            return Result.OutOfRange;
        }

        // Nanoseconds from the epoch: the supported years (1900-2199) are well inside a long's ±292 years.
        var seconds = (DaysSinceEpoch(year, month, day) * 86_400) + (hour * 3_600) + (minute * 60) + second - (offsetMinutes * 60L);
        var candidate = NodaConstants.UnixEpoch + Duration.FromNanoseconds((seconds * 1_000_000_000) + nanoseconds);
        if (candidate < FirstInstant || candidate >= EndInstant)
        {
            return Result.OutOfRange;
        }

        instant = candidate;
        return Result.Ok;
    }

    /// <summary><c>P[nD][T[nH][nM][n[.f]S]]</c>: at least one part, each at most nine digits, the total at most <see cref="MaxDuration"/>.</summary>
    public static Result TryDuration(ReadOnlySpan<byte> text, out Duration duration)
    {
        duration = default;
        if (text.Length < 3 || text[0] != 'P')
        {
            return Result.Malformed;
        }

        // Nanoseconds in a decimal: nine-digit parts cannot overflow it, and the total is compared before it becomes a duration.
        decimal total = 0;
        var inTime = false;
        var parts = 0;
        var order = 0; // D=1, H=2, M=3, S=4: parts in order, each once
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime || i == text.Length - 1)
                {
                    return Result.Malformed;
                }

                inTime = true;
                i++;
                continue;
            }

            var start = i;
            long whole = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (i - start >= 9)
                {
                    return Result.OutOfRange;
                }

                whole = (whole * 10) + (text[i++] - '0');
            }

            if (i == start || i == text.Length)
            {
                return Result.Malformed;
            }

            long fraction = 0;
            var fractionDigits = 0;
            if (text[i] == '.')
            {
                i++;
                while (i < text.Length && (uint)(text[i] - '0') <= 9)
                {
                    if (++fractionDigits > 9)
                    {
                        return Result.Malformed;
                    }

                    fraction = (fraction * 10) + (text[i++] - '0');
                }

                if (fractionDigits == 0 || i == text.Length || text[i] != 'S' || !inTime)
                {
                    return Result.Malformed;
                }

                for (var k = fractionDigits; k < 9; k++)
                {
                    fraction *= 10;
                }
            }

            var (unit, rank) = (text[i], inTime) switch
            {
                ((byte)'D', false) => (NodaConstants.NanosecondsPerDay, 1),
                ((byte)'H', true) => (NodaConstants.NanosecondsPerHour, 2),
                ((byte)'M', true) => (NodaConstants.NanosecondsPerMinute, 3),
                ((byte)'S', true) => (NodaConstants.NanosecondsPerSecond, 4),
                _ => (0L, 0),
            };
            if (rank <= order)
            {
                return Result.Malformed;
            }

            order = rank;
            total += ((decimal)whole * unit) + fraction;
            parts++;
            i++;
        }

        if (parts == 0)
        {
            return Result.Malformed;
        }

        if (total > MaxDuration.ToInt64Nanoseconds())
        {
            return Result.OutOfRange;
        }

        duration = Duration.FromNanoseconds((long)total);
        return Result.Ok;
    }

    /// <summary>
    /// The ISO calendar's days in a month (1-12) of a year 0-9999, by arithmetic rather than NodaTime's calendar lookup: it
    /// runs for every date and instant read (the instant property tests compare every result with NodaTime's parse).
    /// </summary>
    internal static int DaysIn(int year, int month) =>
        month == 2 ? ((year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
