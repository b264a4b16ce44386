using NodaTime;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>What adding and subtracting business time give, read off the reference's open minutes of a window.</summary>
public static class OracleAnswers
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>The end of the minute in which the amount-th open minute after start falls (start itself for zero).</summary>
    public static Instant EarliestAfter(bool[] open, Instant start, int amount)
    {
        var counted = 0;
        for (var i = 0; counted < amount; i++)
        {
            if (open[i] && ++counted == amount)
            {
                return start + (Minute * (i + 1));
            }
        }

        return start;
    }

    /// <summary>The start of the minute in which the amount-th open minute before the window's end falls (the end itself for zero).</summary>
    public static Instant LatestBefore(bool[] open, Instant start, int amount)
    {
        var counted = 0;
        for (var i = open.Length - 1; counted < amount; i--)
        {
            if (open[i] && ++counted == amount)
            {
                return start + (Minute * i);
            }
        }

        return start + (Minute * open.Length);
    }
}
