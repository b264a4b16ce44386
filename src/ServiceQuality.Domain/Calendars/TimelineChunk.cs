namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The open intervals of one stretch of the timeline, as sorted, disjoint, non-adjacent half-open
/// nanosecond ranges since the Unix epoch, with the open time before each one. Immutable once built.
/// </summary>
internal sealed class TimelineChunk
{
    /// <summary>Buckets of 2^46 ns (about 19.5 hours) index the intervals, so a lookup by time scans one or two entries instead of a binary search.</summary>
    private const int BucketShift = 46;

    private readonly long _from;
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _openBefore;
    private readonly int[] _firstInBucket;

    /// <summary>Creates the chunk covering [<paramref name="from"/>, <paramref name="from"/> + <paramref name="length"/>).</summary>
    public TimelineChunk(long from, long length, long[] starts, long[] ends)
    {
        _from = from;
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

        // _firstInBucket[b] is the index of the first interval starting at or after bucket b's start.
        var buckets = (int)(length >> BucketShift);
        _firstInBucket = new int[buckets + 1];
        var next = 0;
        for (var b = 0; b <= buckets; b++)
        {
            var bucketStart = from + ((long)b << BucketShift);
            while (next < starts.Length && starts[next] < bucketStart)
            {
                next++;
            }

            _firstInBucket[b] = next;
        }
    }

    /// <summary>The open time of the whole chunk, in nanoseconds.</summary>
    public long Total { get; }

    public int Count => _starts.Length;

    /// <summary>Bytes held by the compiled arrays (what the chunk costs once built).</summary>
    public long RetainedBytes => (3L * sizeof(long) * _starts.Length) + ((long)sizeof(int) * _firstInBucket.Length);

    public long StartAt(int index) => _starts[index];

    public long EndAt(int index) => _ends[index];

    public bool IsOpen(long t)
    {
        var i = LastStartAtOrBefore(t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>The index of the first interval that contains <paramref name="t"/> or starts after it (Count if none).</summary>
    public int FirstEndingAfter(long t)
    {
        var i = LastStartAtOrBefore(t);
        return i >= 0 && t < _ends[i] ? i : i + 1;
    }

    /// <summary>Open time in this chunk before <paramref name="t"/>.</summary>
    public long OpenBefore(long t) => OpenBefore(t, out _);

    /// <summary>Open time in this chunk before <paramref name="t"/>, and the index of the last interval starting at or before it (-1 if none).</summary>
    public long OpenBefore(long t, out int index)
    {
        var i = index = LastStartAtOrBefore(t);
        return i < 0 ? 0 : _openBefore[i] + Math.Min(t, _ends[i]) - _starts[i];
    }

    /// <summary>The earliest instant by which <paramref name="amount"/> (in (0, Total]) of this chunk's open time has passed.</summary>
    public long EarliestWithOpenBefore(long amount)
    {
        var i = LastBefore(_openBefore, amount);
        return _starts[i] + (amount - _openBefore[i]);
    }

    /// <summary>
    /// <see cref="EarliestWithOpenBefore(long)"/>, searching forward from interval <paramref name="from"/> (the one a
    /// count starts in): a deadline is mostly a few intervals on, so a short scan finds it before a search of the chunk would.
    /// </summary>
    public long EarliestWithOpenBefore(long amount, int from)
    {
        var i = Math.Max(from, 0);
        if (i >= _openBefore.Length || _openBefore[i] >= amount)
        {
            return EarliestWithOpenBefore(amount);
        }

        // The answer is the last interval with less open time before it than the amount: i or a later one.
        for (var steps = 0; i + 1 < _openBefore.Length && _openBefore[i + 1] < amount; steps++)
        {
            if (steps == 8)
            {
                return EarliestWithOpenBefore(amount);
            }

            i++;
        }

        return _starts[i] + (amount - _openBefore[i]);
    }

    /// <summary>The latest instant before which exactly <paramref name="amount"/> (in [0, Total)) of this chunk's open time lies.</summary>
    public long LatestWithOpenBefore(long amount)
    {
        var i = LastAtOrBefore(_openBefore, amount);
        return _starts[i] + (amount - _openBefore[i]);
    }

    /// <summary>The index of the last interval starting at or before <paramref name="t"/>, or -1.</summary>
    private int LastStartAtOrBefore(long t)
    {
        var offset = t - _from;
        if (offset < 0)
        {
            return -1;
        }

        var bucket = offset >> BucketShift;
        if (bucket >= _firstInBucket.Length - 1)
        {
            return _starts.Length - 1;
        }

        // Every interval before the bucket starts before t; scan the few that start inside it.
        var i = _firstInBucket[bucket];
        var end = _firstInBucket[bucket + 1];
        while (i < end && _starts[i] <= t)
        {
            i++;
        }

        return i - 1;
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
