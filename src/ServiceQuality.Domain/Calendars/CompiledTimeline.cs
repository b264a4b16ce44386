using NodaTime;
using NodaTime.HighPerformance;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// A calendar's open time as instants: the timeline is cut into fixed chunks of 2^55 ns (about 417 days),
/// each compiled on first use into sorted open intervals with prefix sums and a bucket index. Queries are lookups
/// inside one chunk plus, for spans crossing chunks, a sum of whole-chunk totals. Thread-safe: chunks are
/// immutable and published with a compare-exchange, so a race at worst compiles a chunk twice.
/// </summary>
/// <remarks>
/// All positions are nanoseconds since the Unix epoch; spans of dates are in local wall-clock time. A chunk is
/// compiled either from a calendar's rules or, for a composed calendar, from the same chunk of its two inputs (chunk
/// edges are absolute positions, so the inputs' chunks line up whatever their zones).
/// </remarks>
internal sealed class CompiledTimeline
{
    private const int ChunkShift = 55;
    private const long ChunkLength = 1L << ChunkShift;
    private const long Day = NodaConstants.NanosecondsPerDay;

    /// <summary>The first and last local dates whose hours are compiled (the supported range).</summary>
    public static readonly LocalDate FirstDate = new(1900, 1, 1);
    public static readonly LocalDate LastDate = new(2199, 12, 31);

    private readonly DateTimeZone? _zone;
    private readonly CalendarRules? _rules;
    private readonly (TimelineOperation Operation, CompiledTimeline First, CompiledTimeline Second)? _composition;
    private readonly long _firstChunk;
    private readonly TimelineChunk?[] _chunks;

    public CompiledTimeline(DateTimeZone zone, CalendarRules rules)
        : this(ToNanoseconds(zone.AtStartOfDay(FirstDate).ToInstant()), ToNanoseconds(zone.AtStartOfDay(LastDate.PlusDays(1)).ToInstant()))
    {
        _zone = zone;
        _rules = rules;
    }

    /// <summary>The timeline open where <paramref name="operation"/> of the two inputs' open times is, over the positions both support.</summary>
    public CompiledTimeline(TimelineOperation operation, CompiledTimeline first, CompiledTimeline second)
        : this(Math.Max(first.Min, second.Min), Math.Min(first.Max, second.Max))
    {
        _composition = (operation, first, second);
    }

    private CompiledTimeline(long min, long max)
    {
        Min = min;
        Max = max;
        _firstChunk = Min >> ChunkShift;
        _chunks = new TimelineChunk?[((Max - 1) >> ChunkShift) - _firstChunk + 1];
    }

    /// <summary>The first supported position (local 1900-01-01 00:00).</summary>
    public long Min { get; }

    /// <summary>The end of the supported range, exclusive (local 2200-01-01 00:00).</summary>
    public long Max { get; }

    /// <summary>Stands for "no position": an instant that is missing, or that no calendar supports.</summary>
    public const long NoPosition = long.MinValue;

    /// <summary>The instants positions are taken for: every calendar's supported range lies within them.</summary>
    private static readonly Instant PositionableStart = Instant.FromUtc(1800, 1, 1, 0, 0);
    private static readonly Instant PositionableEnd = Instant.FromUtc(2250, 1, 1, 0, 0);

    /// <summary>Whether <paramref name="instant"/> is one positions are taken for (see <see cref="ToNanoseconds"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsPositionable(Instant instant) => instant >= PositionableStart && instant < PositionableEnd;

    public static long ToNanoseconds(Instant instant) => Instant64.FromInstant(instant).ToUnixTimeNanoseconds();

    public static Instant ToInstant(long nanoseconds) => Instant64.FromUnixTimeNanoseconds(nanoseconds).ToInstant();

    public bool IsOpen(long t) => ChunkOf(t).IsOpen(t);

    /// <summary>
    /// Open time in [a, b), for a ≤ b. In 128 bits: the supported range (about 300 years) is longer than the 2^63 ns
    /// (about 292 years) a long holds, so an always-open calendar's whole range would overflow one.
    /// </summary>
    public Int128 Between(long a, long b)
    {
        var first = ChunkIndex(a);
        var last = ChunkIndex(b);
        var chunk = Chunk(first);
        if (first == last)
        {
            return chunk.OpenBefore(b) - chunk.OpenBefore(a);
        }

        Int128 total = chunk.Total - chunk.OpenBefore(a);
        for (var i = first + 1; i < last; i++)
        {
            total += Chunk(i).Total;
        }

        return total + Chunk(last).OpenBefore(b);
    }

    /// <summary>The earliest t with Between(start, t) == amount, for amount &gt; 0; null past the supported range.</summary>
    public long? Add(long start, Int128 amount) => AddOrNone(start, amount) is var result && result != NoPosition ? result : null;

    /// <summary>
    /// <see cref="Add"/> with <see cref="NoPosition"/> for past the supported range: the clock's hot paths use it, since a
    /// nullable long returned through memory is written as two parts and read back whole, which stalls the read.
    /// </summary>
    public long AddOrNone(long start, Int128 amount)
    {
        // Open time never exceeds elapsed time, so the result is at least start + amount: past the end, it is known
        // without compiling (and keeping) every chunk up to the end.
        if (amount >= (Int128)Max - start)
        {
            return NoPosition;
        }

        var index = ChunkIndex(start);
        var chunk = Chunk(index);
        var target = chunk.OpenBefore(start, out var from) + amount;
        if (target <= chunk.Total)
        {
            var within = chunk.EarliestWithOpenBefore((long)target, from);
            return within < Max ? within : NoPosition;
        }

        while (target > chunk.Total)
        {
            target -= chunk.Total;
            if (++index == _chunks.Length)
            {
                return NoPosition;
            }

            chunk = Chunk(index);
        }

        var result = chunk.EarliestWithOpenBefore((long)target);
        return result < Max ? result : NoPosition;
    }

    /// <summary>The latest t with Between(t, end) == amount, for amount &gt; 0; null before the supported range.</summary>
    public long? Subtract(long end, Int128 amount)
    {
        // The result is at most end - amount: before the start, it is known without compiling every chunk back to it.
        if (amount > (Int128)end - Min)
        {
            return null;
        }

        var index = ChunkIndex(end);
        var chunk = Chunk(index);
        var target = chunk.OpenBefore(end) - amount;
        while (target < 0)
        {
            if (--index < 0)
            {
                return null;
            }

            chunk = Chunk(index);
            target += chunk.Total;
        }

        var result = chunk.LatestWithOpenBefore((long)target);
        return result >= Min ? result : null;
    }

    /// <summary>The earliest open position ≥ t; null if the calendar does not open again in the supported range.</summary>
    public long? NextOpen(long t)
    {
        var index = ChunkIndex(t);
        var chunk = Chunk(index);
        var i = chunk.FirstEndingAfter(t);
        while (i == chunk.Count)
        {
            if (++index == _chunks.Length)
            {
                return null;
            }

            chunk = Chunk(index);
            i = 0;
        }

        var result = Math.Max(t, chunk.StartAt(i));
        return result < Max ? result : null;
    }

    /// <summary>The open intervals overlapping [a, b), clipped to it, with pieces split at chunk edges joined again.</summary>
    public List<(long Start, long End)> OpenIntervals(long a, long b)
    {
        var result = new List<(long Start, long End)>();
        for (var index = ChunkIndex(a); index < _chunks.Length && (_firstChunk + index) << ChunkShift < b; index++)
        {
            var chunk = Chunk(index);
            for (var i = chunk.FirstEndingAfter(a); i < chunk.Count && chunk.StartAt(i) < b; i++)
            {
                var start = Math.Max(a, chunk.StartAt(i));
                var end = Math.Min(b, chunk.EndAt(i));
                if (result.Count > 0 && result[^1].End == start)
                {
                    result[^1] = (result[^1].Start, end);
                }
                else
                {
                    result.Add((start, end));
                }
            }
        }

        return result;
    }

    /// <summary>Bytes held by the compiled chunk that contains <paramref name="t"/>, and the length of that chunk.</summary>
    public (long Bytes, long Length) CompiledSizeAt(long t) => (ChunkOf(t).RetainedBytes, ChunkLength);

    private int ChunkIndex(long t) => (int)((t >> ChunkShift) - _firstChunk);

    private TimelineChunk ChunkOf(long t) => Chunk(ChunkIndex(t));

    private TimelineChunk Chunk(int index)
    {
        var chunk = Volatile.Read(ref _chunks[index]);
        if (chunk is not null)
        {
            return chunk;
        }

        var compiled = Compile(index);
        return Interlocked.CompareExchange(ref _chunks[index], compiled, null) ?? compiled;
    }

    /// <summary>The chunk starting at absolute position <paramref name="from"/>, compiled if need be; it lies in this timeline's range.</summary>
    private TimelineChunk ChunkFrom(long from) => Chunk((int)((from >> ChunkShift) - _firstChunk));

    private TimelineChunk Compile(int index)
    {
        var from = (_firstChunk + index) << ChunkShift;
        if (_composition is var (operation, first, second))
        {
            // The composed range is the overlap of the inputs' ranges, so each input has this chunk; the result is cut to
            // the composed range so that no chunk counts open time the calendar does not answer for.
            var (starts, ends) = TimelineOperations.Apply(operation, first.ChunkFrom(from), second.ChunkFrom(from), Math.Max(from, Min), Math.Min(from + ChunkLength, Max));
            return new TimelineChunk(from, ChunkLength, starts, ends);
        }

        return CompileRules(from, from + ChunkLength);
    }

    private TimelineChunk CompileRules(long from, long to)
    {
        var zone = _zone!;
        var rules = _rules!;

        // An interval of date D lies within local [D, D + 2 days) and offsets stay within ±18 h, so the
        // dates from three days before the chunk to two days after it cover every interval reaching it.
        var firstDate = Later(ToInstant(from - (3 * Day)).InUtc().Date, FirstDate);
        var lastDate = Earlier(ToInstant(to + (2 * Day)).InUtc().Date, LastDate);
        var offsets = ZoneOffsets(zone, from - (3 * Day), to + (3 * Day));

        var starts = new List<long>();
        var ends = new List<long>();
        var midnight = ToNanoseconds(firstDate.AtMidnight().InUtc().ToInstant());
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1), midnight += Day)
        {
            foreach (var span in rules.SpansOf(date))
            {
                // The instants whose wall-clock time lies in the span: its preimage under each offset in force.
                foreach (var (zoneStart, zoneEnd, offset) in offsets)
                {
                    var start = Math.Max(Math.Max(midnight + span.Start - offset, zoneStart), from);
                    var end = Math.Min(Math.Min(midnight + span.End - offset, zoneEnd), to);
                    if (start < end)
                    {
                        starts.Add(start);
                        ends.Add(end);
                    }
                }
            }
        }

        return Merge(from, starts.ToArray(), ends.ToArray());
    }

    private static List<(long Start, long End, long Offset)> ZoneOffsets(DateTimeZone zone, long from, long to)
    {
        var fromInstant = ToInstant(from);
        var toInstant = ToInstant(to);
        var result = new List<(long, long, long)>();
        foreach (var interval in zone.GetZoneIntervals(fromInstant, toInstant))
        {
            var start = interval.HasStart && interval.Start > fromInstant ? ToNanoseconds(interval.Start) : from;
            var end = interval.HasEnd && interval.End < toInstant ? ToNanoseconds(interval.End) : to;
            result.Add((start, end, interval.WallOffset.Nanoseconds));
        }

        return result;
    }

    private static TimelineChunk Merge(long from, long[] starts, long[] ends)
    {
        Array.Sort(starts, ends);
        var count = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            if (count > 0 && starts[i] <= ends[count - 1])
            {
                ends[count - 1] = Math.Max(ends[count - 1], ends[i]);
            }
            else
            {
                starts[count] = starts[i];
                ends[count] = ends[i];
                count++;
            }
        }

        return new TimelineChunk(from, ChunkLength, starts[..count], ends[..count]);
    }

    private static LocalDate Later(LocalDate x, LocalDate y) => x > y ? x : y;

    private static LocalDate Earlier(LocalDate x, LocalDate y) => x < y ? x : y;
}
