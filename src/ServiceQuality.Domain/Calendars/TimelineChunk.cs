namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The open intervals of one stretch of the timeline, as sorted, disjoint, non-adjacent half-open
/// nanosecond ranges since the Unix epoch, with the open time before each one. Immutable once built.
/// </summary>
internal sealed class TimelineChunk
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _openBefore;

    public TimelineChunk(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
        _openBefore = new long[starts.Length];
        long total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            _openBefore[i] = total;
            total += ends[i] - starts[i];
        }

        Total = total;
    }

    /// <summary>The open time of the whole chunk, in nanoseconds.</summary>
    public long Total { get; }

    public int Count => _starts.Length;

    /// <summary>Bytes held by the compiled arrays (what the chunk costs once built).</summary>
    public long RetainedBytes => 3L * sizeof(long) * _starts.Length;

    public long StartAt(int index) => _starts[index];

    public long EndAt(int index) => _ends[index];

    public bool IsOpen(long t)
    {
        var i = LastAtOrBefore(_starts, t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>The index of the first interval that contains <paramref name="t"/> or starts after it (Count if none).</summary>
    public int FirstEndingAfter(long t)
    {
        var i = LastAtOrBefore(_starts, t);
        return i >= 0 && t < _ends[i] ? i : i + 1;
    }

    /// <summary>Open time in this chunk before <paramref name="t"/>.</summary>
    public long OpenBefore(long t)
    {
        var i = LastAtOrBefore(_starts, t);
        return i < 0 ? 0 : _openBefore[i] + Math.Min(t, _ends[i]) - _starts[i];
    }

    /// <summary>The earliest instant by which <paramref name="amount"/> (in (0, Total]) of this chunk's open time has passed.</summary>
    public long EarliestWithOpenBefore(long amount)
    {
        var i = LastBefore(_openBefore, amount);
        return _starts[i] + (amount - _openBefore[i]);
    }

    /// <summary>The latest instant before which exactly <paramref name="amount"/> (in [0, Total)) of this chunk's open time lies.</summary>
    public long LatestWithOpenBefore(long amount)
    {
        var i = LastAtOrBefore(_openBefore, amount);
        return _starts[i] + (amount - _openBefore[i]);
    }

    /// <summary>The index of the last element ≤ <paramref name="value"/> in a strictly increasing array, or -1.</summary>
    private static int LastAtOrBefore(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi;
    }

    /// <summary>The index of the last element &lt; <paramref name="value"/> in a strictly increasing array, or -1.</summary>
    private static int LastBefore(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi;
    }
}
