using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>Matches the text of the reader's current token (a property name or a string) against known names, ordinally.</summary>
internal static class Utf8Names
{
    /// <summary>The longest name matched; longer text matches none.</summary>
    private const int MaxLength = 128;

    /// <summary>
    /// The index of the token's text in <paramref name="names"/>, or -1; escaped text is unescaped first. The name at
    /// <paramref name="likely"/> is tried first: objects are mostly read in the order they were written.
    /// </summary>
    public static int IndexOf(ref Utf8JsonReader reader, JsonEncodedText[] names, int likely = 0)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return (uint)likely < (uint)names.Length && reader.ValueSpan.SequenceEqual(names[likely].EncodedUtf8Bytes)
                ? likely
                : IndexOf(reader.ValueSpan, names);
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxLength)
        {
            return -1;
        }

        Span<byte> buffer = stackalloc byte[MaxLength];
        return IndexOf(buffer[..reader.CopyString(buffer)], names);
    }

    private static int IndexOf(ReadOnlySpan<byte> utf8, JsonEncodedText[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (utf8.SequenceEqual(names[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The names quoted and listed for a message: <c>'P1', 'P2'</c>.</summary>
    public static string List(JsonEncodedText[] names) => string.Join(", ", names.Select(n => "'" + n.Value + "'"));
}
