namespace ServiceQuality.Domain.Calendars;

/// <summary>Combines the open intervals of two chunks covering the same stretch of the timeline, in one sweep.</summary>
internal static class TimelineOperations
{
    /// <summary>
    /// The open intervals of <paramref name="operation"/> applied to <paramref name="first"/> and <paramref name="second"/>,
    /// cut to [<paramref name="from"/>, <paramref name="to"/>): sorted, disjoint and non-adjacent, as a chunk requires.
    /// The result holds at most as many intervals as the two inputs together.
    /// </summary>
    public static (long[] Starts, long[] Ends) Apply(TimelineOperation operation, TimelineChunk first, TimelineChunk second, long from, long to)
    {
        var starts = new List<long>();
        var ends = new List<long>();
        int i = 0, j = 0;
        bool inFirst = false, inSecond = false, open = false;
        long openedAt = 0;

        // Walks the boundaries of both inputs in order; inside a chunk each input's intervals are non-adjacent, so each
        // boundary toggles an input at most once.
        while (true)
        {
            var nextFirst = i < first.Count ? (inFirst ? first.EndAt(i) : first.StartAt(i)) : long.MaxValue;
            var nextSecond = j < second.Count ? (inSecond ? second.EndAt(j) : second.StartAt(j)) : long.MaxValue;
            var at = Math.Min(nextFirst, nextSecond);
            if (at == long.MaxValue)
            {
                break;
            }

            if (nextFirst == at)
            {
                i += inFirst ? 1 : 0;
                inFirst = !inFirst;
            }

            if (nextSecond == at)
            {
                j += inSecond ? 1 : 0;
                inSecond = !inSecond;
            }

            var isOpen = operation switch
            {
                TimelineOperation.Intersection => inFirst && inSecond,
                TimelineOperation.Union => inFirst || inSecond,
                _ => inFirst && !inSecond,
            };

            if (isOpen && !open)
            {
                openedAt = at;
            }
            else if (!isOpen && open)
            {
                Add(Math.Max(openedAt, from), Math.Min(at, to));
            }

            open = isOpen;
        }

        return (starts.ToArray(), ends.ToArray());

        void Add(long start, long end)
        {
            if (start >= end)
            {
                return;
            }

            if (ends.Count > 0 && ends[^1] == start)
            {
                ends[^1] = end;
                return;
            }

            starts.Add(start);
            ends.Add(end);
        }
    }
}
