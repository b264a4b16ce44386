using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// The last id of type <typeparamref name="TId"/> read on the current thread, with the UTF-8 text it was read from: an
/// aggregate's events all carry its id, and mostly the same staff ids, so reading a history meets the same text again
/// and again. A hit returns the id made before, without decoding the text, allocating a string or running the id's
/// validation again (the same text is valid or not alike). One entry per thread and id type, reused; thread-safe.
/// </summary>
internal static class IdCache<TId>
    where TId : struct
{
    /// <summary>The longest id text kept, in UTF-8 bytes: 128 UTF-16 code units (the longest id) take at most 384.</summary>
    private const int MaxUtf8Length = 384;

    [ThreadStatic]
    private static Entry? t_last;

    /// <summary>Whether the reader's current string is the text of the last id kept on this thread; the id, if so.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool TryGet(ref Utf8JsonReader reader, out TId id)
    {
        var last = t_last;

        // Only a string: a number or a literal with the same bytes is no id.
        if (last is not null && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.SequenceEqual(last.Utf8.AsSpan(0, last.Length)))
        {
            id = last.Id;
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>Keeps <paramref name="id"/>, just made from the reader's current string, for the next <see cref="TryGet"/>.</summary>
    public static void Keep(ref Utf8JsonReader reader, TId id)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxUtf8Length)
        {
            return;
        }

        var last = t_last ??= new Entry();
        reader.ValueSpan.CopyTo(last.Utf8);
        last.Length = reader.ValueSpan.Length;
        last.Id = id;
    }

    private sealed class Entry
    {
        public byte[] Utf8 { get; } = new byte[MaxUtf8Length];

        public int Length { get; set; }

        public TId Id { get; set; }
    }
}
