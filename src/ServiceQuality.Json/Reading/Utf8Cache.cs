namespace ServiceQuality.Json.Reading;

/// <summary>
/// A small direct-mapped cache from short UTF-8 texts to what they were read as (an id, a case, an event type): a replay
/// meets the same texts line after line, and a hit skips decoding the text, checking it again and looking it up by string.
/// Only what was read successfully is kept, and a text always reads the same, so a hit gives what reading would give.
/// One slot per hash; a collision replaces the slot. Not thread-safe: one per reader.
/// </summary>
/// <typeparam name="T">What a text was read as.</typeparam>
internal sealed class Utf8Cache<T>
{
    /// <summary>The longest text kept, in bytes.</summary>
    private const int MaxLength = 64;

    private readonly byte[]?[] _keys;
    private readonly T[] _values;
    private readonly int _mask;

    /// <summary>Creates a cache of <paramref name="slots"/> slots, a power of two.</summary>
    public Utf8Cache(int slots)
    {
        _keys = new byte[]?[slots];
        _values = new T[slots];
        _mask = slots - 1;
    }

    public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        var slot = Slot(utf8);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            value = _values[slot];
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(ReadOnlySpan<byte> utf8, T value)
    {
        if (utf8.Length > MaxLength)
        {
            return;
        }

        var slot = Slot(utf8);
        var key = _keys[slot];
        if (key is null || key.Length != utf8.Length)
        {
            key = new byte[utf8.Length];
        }

        utf8.CopyTo(key);
        (_keys[slot], _values[slot]) = (key, value);
    }

    private int Slot(ReadOnlySpan<byte> utf8) => (int)Utf8Hash.Of(utf8) & _mask;
}
