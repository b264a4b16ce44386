using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Known names (property names, event type names, enum names) matched against the text of the reader's current token
/// ordinally, by a small open-addressing hash table built once: a lookup hashes the text, then compares it with one
/// name, or a few on a collision. Immutable and thread-safe.
/// </summary>
internal sealed class Utf8NameTable
{
    /// <summary>The longest name matched; longer text matches none.</summary>
    private const int MaxLength = 128;

    private readonly byte[][] _utf8;

    /// <summary>One slot per bucket: the index of the name there plus one, or 0 when the bucket is empty.</summary>
    private readonly byte[] _buckets;

    private readonly int _shift;

    public Utf8NameTable(JsonEncodedText[] names)
    {
        if (names.Length > byte.MaxValue - 1)
        {
            throw new ArgumentException("A name table holds at most 254 names.", nameof(names));
        }

        Names = names;
        _utf8 = [.. names.Select(n => n.EncodedUtf8Bytes.ToArray())];

        // At most a quarter full, so that probes are short.
        var bits = 3;
        while ((1 << bits) < names.Length * 4)
        {
            bits++;
        }

        _shift = 32 - bits;
        _buckets = new byte[1 << bits];
        for (var i = 0; i < names.Length; i++)
        {
            var bucket = Bucket(_utf8[i]);
            while (_buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & (_buckets.Length - 1);
            }

            _buckets[bucket] = (byte)(i + 1);
        }
    }

    /// <summary>The names, in their declared order; a name's index is its position here.</summary>
    public JsonEncodedText[] Names { get; }

    /// <summary>The names quoted and listed for a message: <c>'P1', 'P2'</c>.</summary>
    public string List() => Utf8Names.List(Names);

    /// <summary>
    /// The index of the token's text (a property name or a string) among the names, or -1; escaped text is unescaped
    /// first. The name at <paramref name="likely"/>, if any, is tried before the table: objects are mostly read in the
    /// order they were written.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ref Utf8JsonReader reader, int likely = -1)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var text = reader.ValueSpan;
            return (uint)likely < (uint)_utf8.Length && text.SequenceEqual(_utf8[likely]) ? likely : IndexOf(text);
        }

        return IndexOfDecoded(ref reader);
    }

    /// <summary>The index of escaped text, or of text split over segments, once copied and unescaped (kept out of line: rare).</summary>
    private int IndexOfDecoded(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxLength)
        {
            return -1;
        }

        Span<byte> buffer = stackalloc byte[MaxLength];
        return IndexOf(buffer[..reader.CopyString(buffer)]);
    }

    /// <summary>The index of <paramref name="utf8"/> among the names, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        var bucket = Bucket(utf8);
        while (true)
        {
            var slot = _buckets[bucket];
            if (slot == 0)
            {
                return -1;
            }

            if (utf8.SequenceEqual(_utf8[slot - 1]))
            {
                return slot - 1;
            }

            bucket = (bucket + 1) & (_buckets.Length - 1);
        }
    }

    /// <summary>A hash of the length and the first, middle and last bytes (Fibonacci hashing spreads it over the buckets).</summary>
    private int Bucket(ReadOnlySpan<byte> utf8)
    {
        var hash = (uint)utf8.Length;
        if (!utf8.IsEmpty)
        {
            hash = (hash * 31) + utf8[0];
            hash = (hash * 31) + utf8[^1];
            hash = (hash * 31) + utf8[utf8.Length >> 1];
        }

        return (int)((hash * 0x9E3779B1u) >> _shift);
    }
}
