using NodaTime;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>What adding and subtracting business time give, read off the reference's open minutes of a window.</summary>
public static class OracleAnswers
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>
    /// Asserts that the calendar built from <paramref name="c"/>'s spec answers every operation as the minute-by-minute
    /// reference does over the case's span: IsOpen, NextOpen, BusinessTimeBetween both ways, AddBusinessTime and
    /// SubtractBusinessTime.
    /// </summary>
    public static void AssertAgreeWithReference(CalendarCase c)
    {
        var calendar = c.Spec.Build();
        var reference = c.Spec.Reference();
        var open = reference.OpenMinutes(c.Start, c.SpanMinutes);
        var openMinutes = open.Count(o => o);
        var amount = (int)Math.Round(openMinutes * c.AmountFraction);

        Assert.Equal(reference.IsOpen(c.Start), calendar.IsOpen(c.Start));
        Assert.Equal(reference.NextOpen(c.Start, maxMinutes: 60 * 24 * 60), calendar.NextOpen(c.Start));
        Assert.Equal(Minute * openMinutes, calendar.BusinessTimeBetween(c.Start, c.End));
        Assert.Equal(-Minute * openMinutes, calendar.BusinessTimeBetween(c.End, c.Start));
        Assert.Equal(EarliestAfter(open, c.Start, amount), calendar.AddBusinessTime(c.Start, Minute * amount));
        Assert.Equal(LatestBefore(open, c.Start, amount), calendar.SubtractBusinessTime(c.End, Minute * amount));
    }

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
