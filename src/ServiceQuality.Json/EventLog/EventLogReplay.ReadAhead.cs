using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json.Reading;

namespace ServiceQuality.Json;

/// <content>Replaying with a second thread that splits and parses the lines ahead of the thread that applies them.</content>
public static partial class EventLogReplay
{
    /// <summary>The bytes read at a time by the read-ahead thread: one batch of lines.</summary>
    private const int ReadAheadChunkBytes = 64 * 1024;

    /// <summary>The batches in flight: one being parsed, at most two waiting, one being applied.</summary>
    private const int ReadAheadBatches = 4;

    /// <summary>
    /// Replays a log from its UTF-8 bytes, as <see cref="Replay(Stream, string, IReadOnlyDictionary{string, AgreementVersion}, IReadOnlyDictionary{string, BusinessCalendar}, AgreementVersion)"/>
    /// does, optionally reading ahead: see <see cref="Replay(Stream, string, AgreementCatalog, IReadOnlyDictionary{string, BusinessCalendar}, AgreementVersion, bool)"/>.
    /// </summary>
    /// <param name="utf8">The log; read to its end, not disposed; read by the second thread while this call runs when <paramref name="readAhead"/> is true.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="agreements">The agreement versions tickets and complaints may name, by id.</param>
    /// <param name="calendars">The calendars, by id (for local dates).</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null for UTC dates.</param>
    /// <param name="readAhead">True to split and parse lines on a second thread while the calling thread applies them.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">A line is malformed or breaks the format or a rule; the message and the properties locate it.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReplayedCases Replay(
        Stream utf8, string file, IReadOnlyDictionary<string, AgreementVersion> agreements, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement,
        bool readAhead)
    {
        Guard.Against.Null(utf8);
        Guard.Against.Null(file);
        var replay = new Replayer(file, Guard.Against.Null(agreements), null, calendars, defaultAgreement);
        return readAhead ? ReadAhead(utf8, file, replay) : Read(utf8, file, replay);
    }

    /// <summary>
    /// Replays a log from its UTF-8 bytes under a catalogue, as <see cref="Replay(Stream, string, AgreementCatalog, IReadOnlyDictionary{string, BusinessCalendar}, AgreementVersion)"/>
    /// does, optionally reading ahead: a second thread reads the stream, splits it into lines and parses each line while the
    /// calling thread applies the lines parsed before, in order. The cases built, the events counted and the first refusal
    /// (its line, property and message) are the same as without reading ahead; what differs is the time on a machine with
    /// a spare core (parsing is about a fifth of a replay) and a few megabytes held for the lines in flight (four batches of
    /// 64 KiB and their parsed lines). The second thread has stopped when this call returns or throws.
    /// </summary>
    /// <param name="utf8">The log; read to its end, not disposed; read by the second thread while this call runs when <paramref name="readAhead"/> is true.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="catalog">The agreement versions cases may name.</param>
    /// <param name="calendars">The calendars, by id (for local dates).</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null for UTC dates.</param>
    /// <param name="readAhead">True to split and parse lines on a second thread while the calling thread applies them; false to do both on the calling thread.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">A line is malformed or breaks the format or a rule; the message and the properties locate it.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReplayedCases Replay(
        Stream utf8, string file, AgreementCatalog catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement, bool readAhead)
    {
        Guard.Against.Null(utf8);
        Guard.Against.Null(file);
        var replay = new Replayer(file, null, Guard.Against.Null(catalog), calendars, defaultAgreement);
        return readAhead ? ReadAhead(utf8, file, replay) : Read(utf8, file, replay);
    }

    private static ReplayedCases ReadAhead(Stream utf8, string file, Replayer replay)
    {
        // The trees share one cache of names (used by the reading thread only) and one of values (used by this one only).
        var caches = new JsonTree();
        using var parsed = new BlockingCollection<Batch>(ReadAheadBatches);
        using var free = new BlockingCollection<Batch>(ReadAheadBatches);
        for (var i = 0; i < ReadAheadBatches; i++)
        {
            free.Add(new Batch(caches));
        }

        using var stop = new CancellationTokenSource();
        var reader = new Thread(() => ParseAhead(utf8, file, parsed, free, stop.Token)) { IsBackground = true, Name = "Event log read-ahead" };
        reader.Start();
        try
        {
            foreach (var batch in parsed.GetConsumingEnumerable())
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    replay.ApplyLine(batch.Number(i), batch.Tree(i));
                }

                // A line the reading thread refused, or a failed read, comes after the lines before it were applied.
                batch.Error?.Throw();
                free.Add(batch);
            }

            return replay.Cases;
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }

    /// <summary>The read-ahead thread: the loop of <see cref="Read(Stream, string, Replayer)"/>, each read's lines parsed into a batch.</summary>
    private static void ParseAhead(Stream utf8, string file, BlockingCollection<Batch> parsed, BlockingCollection<Batch> free, CancellationToken stop)
    {
        var sink = new ProblemSink(stopAtFirst: true);
        Batch batch;
        try
        {
            batch = free.Take(stop).Reset();
        }
        catch (OperationCanceledException)
        {
            parsed.CompleteAdding();
            return;
        }

        try
        {
            var (filled, line, first) = (0, 0, true);
            while (true)
            {
                var buffer = batch.Buffer;
                var read = utf8.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var start = 0;
                if (first && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                {
                    start = 3;
                }

                first = false;
                while (true)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    batch.Parse(sink, file, ++line, start, newline);
                    start += newline + 1;
                }

                if (read == 0)
                {
                    if (filled > start)
                    {
                        batch.Parse(sink, file, ++line, start, filled - start);
                    }

                    parsed.Add(batch, stop);
                    return;
                }

                var rest = filled - start;
                if (start > 0)
                {
                    // The parsed lines go to the applying thread; the unfinished line starts the next batch's buffer.
                    var next = free.Take(stop).Reset();
                    next.Room(rest);
                    Buffer.BlockCopy(buffer, start, next.Buffer, 0, rest);
                    parsed.Add(batch, stop);
                    (batch, filled) = (next, rest);
                }
                else if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        throw new EventLogException(file, line + 1, new DefinitionProblem("$", ProblemCode.OutOfRange, $"the line is longer than {MaxLineBytes:N0} bytes."));
                    }

                    batch.Grow(Math.Min(buffer.Length * 2, MaxLineBytes));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The applying thread has stopped (it refused a line or its caller's code threw): nothing more is wanted.
        }
        catch (Exception e)
        {
            batch.Error = ExceptionDispatchInfo.Capture(e);
            try
            {
                parsed.Add(batch, stop);
            }
            catch (OperationCanceledException)
            {
                // As above: the applying thread no longer reads.
            }
        }
        finally
        {
            parsed.CompleteAdding();
        }
    }

    /// <summary>One read's bytes and its lines parsed, handed from the reading thread to the applying one and back.</summary>
    private sealed class Batch(JsonTree caches)
    {
        private readonly List<JsonTree> _trees = [];
        private int[] _numbers = new int[256];

        /// <summary>The bytes read; the trees point into them.</summary>
        public byte[] Buffer { get; private set; } = new byte[ReadAheadChunkBytes];

        /// <summary>How many lines were parsed (blank lines are left out).</summary>
        public int Count { get; private set; }

        /// <summary>What stopped the reading thread after the parsed lines, if anything.</summary>
        public ExceptionDispatchInfo? Error { get; set; }

        public Batch Reset()
        {
            (Count, Error) = (0, null);
            return this;
        }

        public int Number(int line) => _numbers[line];

        public JsonTree Tree(int line) => _trees[line];

        /// <summary>Parses the line at <paramref name="start"/> in <see cref="Buffer"/> into the batch's next tree, unless it is blank.</summary>
        public void Parse(ProblemSink sink, string file, int number, int start, int length)
        {
            if (Count == _trees.Count)
            {
                _trees.Add(new JsonTree(caches));
            }

            if (Replayer.ParseLine(_trees[Count], sink, file, number, Buffer, start, length))
            {
                if (Count == _numbers.Length)
                {
                    Array.Resize(ref _numbers, _numbers.Length * 2);
                }

                _numbers[Count++] = number;
            }
        }

        /// <summary>Makes sure the buffer holds <paramref name="carried"/> bytes and has room to read as much again, up to the longest line.</summary>
        public void Room(int carried)
        {
            var wanted = Math.Min(Math.Max(ReadAheadChunkBytes, 2 * carried), Math.Max(MaxLineBytes, carried));
            if (Buffer.Length < wanted)
            {
                Buffer = new byte[wanted];
            }
        }

        /// <summary>Grows the buffer, keeping its bytes, for a line longer than it.</summary>
        public void Grow(int length)
        {
            var grown = Buffer;
            Array.Resize(ref grown, length);
            Buffer = grown;
        }
    }
}
