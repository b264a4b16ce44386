using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Strict readers and writers of the leaf values: texts, booleans, integers, exact decimals, typed ids, instants,
/// durations and dates. A reader is given the reader on the value's token and leaves it there; it throws
/// <see cref="JsonException"/> for a token of another kind or a value out of range, never another exception type.
/// </summary>
internal static class JsonValues
{
    private static readonly DurationPattern DurationFormat = DurationPattern.JsonRoundtrip;
    private static readonly LocalDatePattern DateFormat = LocalDatePattern.Iso;

    public static string ReadString(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Expected(what, "a string", ref reader);
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // The text is said to be wrong, never repeated: it may be personal data (a name, a reply).
            throw JsonErrors.Invalid(what, "the text is not valid UTF-8, or holds an escaped lone surrogate, so it is no string.", e);
        }
    }

    public static string? ReadNullableString(ref Utf8JsonReader reader, Where what) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader, what);

    public static void WriteString(JsonOut writer, JsonName name, string? value, Where what) =>
        writer.WriteString(name, Text(value ?? throw JsonErrors.Unwritable(what, "the text is null."), what));

    public static void WriteNullableString(JsonOut writer, JsonName name, string? value, Where what)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Text(value, what));
        }
    }

    /// <summary>
    /// Refuses text that JSON cannot carry: a lone UTF-16 surrogate has no UTF-8 form (a writer would escape it and a
    /// reader refuse it), so it is refused when written rather than stored unreadable.
    /// </summary>
    public static string Text(string value, Where what)
    {
        var lone = Reading.JsonTree.IndexOfLoneSurrogate(value);
        if (lone >= 0)
        {
            throw JsonErrors.Unwritable(what, string.Create(CultureInfo.InvariantCulture, $"the text holds a lone surrogate (U+{(int)value[lone]:X4}) at position {lone}, which JSON cannot carry."));
        }

        return value;
    }

    public static bool ReadBoolean(ref Utf8JsonReader reader, Where what) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw JsonErrors.Expected(what, "true or false", ref reader),
    };

    public static int ReadInt32(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Expected(what, "an integer", ref reader);
        }

        return reader.TryGetInt32(out var value) ? value : throw JsonErrors.Invalid(what, $"{JsonErrors.TokenText(ref reader)} is not an integer from {int.MinValue} to {int.MaxValue}.");
    }

    public static long ReadInt64(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Expected(what, "an integer", ref reader);
        }

        return reader.TryGetInt64(out var value) ? value : throw JsonErrors.Invalid(what, $"{JsonErrors.TokenText(ref reader)} is not an integer from {long.MinValue} to {long.MaxValue}.");
    }

    /// <summary>
    /// Reads a decimal number exactly as written: the number must be the digits <see cref="Utf8JsonWriter"/> writes for
    /// the decimal it denotes (scale kept, so <c>12.50</c> stays two places), never rounded into range; an exponent,
    /// a negative zero or more digits than a decimal holds are refused.
    /// </summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Expected(what, "a number", ref reader);
        }

        if (!reader.TryGetDecimal(out var value) || !WrittenAs(ref reader, value))
        {
            throw JsonErrors.Invalid(
                what, $"{JsonErrors.TokenText(ref reader)} is not a decimal number held exactly (plain digits, at most 28 decimal places, magnitude below 7.9e28, no exponent).");
        }

        return value;
    }

    /// <summary>Reads a string and makes a typed id of it; an id the type refuses is a <see cref="JsonException"/>.</summary>
    public static TId ReadId<TId>(ref Utf8JsonReader reader, Where what, Func<string, TId> create)
        where TId : struct
    {
        if (IdCache<TId>.TryGet(ref reader, out var known))
        {
            return known;
        }

        var text = ReadString(ref reader, what);
        try
        {
            var id = create(text);
            IdCache<TId>.Keep(ref reader, id);
            return id;
        }
        catch (ArgumentException e)
        {
            // The guard's message says what is wrong without repeating the id, which may be personal data.
            throw JsonErrors.Invalid(what, $"not a valid {typeof(TId).Name}: {e.Message}", e);
        }
    }

    public static TId? ReadNullableId<TId>(ref Utf8JsonReader reader, Where what, Func<string, TId> create)
        where TId : struct =>
        reader.TokenType == JsonTokenType.Null ? null : ReadId(ref reader, what, create);

    /// <summary>Writes a typed id's text; an empty (default) id has none and cannot be written.</summary>
    public static void WriteId(JsonOut writer, JsonName name, string? value, Where what) =>
        writer.WriteString(name, value ?? throw JsonErrors.Unwritable(what, "the id is empty (a default value)"));

    public static void WriteNullableId(JsonOut writer, JsonName name, string? value, bool present, Where what)
    {
        if (present)
        {
            WriteId(writer, name, value, what);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static Instant ReadInstant(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Expected(what, "an ISO-8601 instant string", ref reader);
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence && InstantText.TryParse(reader.ValueSpan, out var instant))
        {
            return instant;
        }

        return ReadOtherInstant(ref reader, what);
    }

    /// <summary>An instant the fast path does not take (kept out of line: rare).</summary>
    private static Instant ReadOtherInstant(ref Utf8JsonReader reader, Where what)
    {
        // Years outside 1-9999 (and NodaTime's StartOfTime and EndOfTime): only the text NodaTime itself writes for the
        // instant, so that no other spelling (24:00:00, a comma before the fraction) is taken.
        var text = reader.GetString()!;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success && InstantPattern.ExtendedIso.Format(parsed.Value) == text
            ? parsed.Value
            : throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(text)}' is not an instant in NodaTime's range written as uuuu-MM-ddTHH:mm:ss[.fffffffff]Z (UTC).");
    }

    public static void WriteInstant(JsonOut writer, JsonName name, Instant value) => writer.WriteInstant(name, value);

    /// <summary>A duration as NodaTime's JSON round-trip pattern writes it: <c>-H:mm:ss.FFFFFFFFF</c> (<c>4:00:00</c>, <c>36:00:00.5</c>).</summary>
    public static Duration ReadDuration(ref Utf8JsonReader reader, Where what)
    {
        var text = ReadString(ref reader, what);
        var parsed = DurationFormat.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(text)}' is not a duration in NodaTime's range written as -H:mm:ss.FFFFFFFFF, such as 4:00:00.", parsed.Exception);
    }

    public static void WriteDuration(JsonOut writer, JsonName name, Duration value) => writer.WriteString(name, DurationFormat.Format(value));

    /// <summary>An ISO calendar date: <c>uuuu-MM-dd</c>.</summary>
    public static LocalDate ReadDate(ref Utf8JsonReader reader, Where what)
    {
        var text = ReadString(ref reader, what);
        var parsed = DateFormat.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(text)}' is not an ISO-8601 date (uuuu-MM-dd).", parsed.Exception);
    }

    public static void WriteDate(JsonOut writer, JsonName name, LocalDate value, Where what)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw JsonErrors.Unwritable(what, $"the date is in the {value.Calendar.Id} calendar; only ISO dates are written.");
        }

        writer.WriteString(name, DateFormat.Format(value));
    }

    /// <summary>Whether the number token's text is exactly what <see cref="Utf8JsonWriter"/> writes for <paramref name="value"/>.</summary>
    private static bool WrittenAs(ref Utf8JsonReader reader, decimal value)
    {
        Span<byte> written = stackalloc byte[64];
        if (!Utf8Formatter.TryFormat(value, written, out var length))
        {
            return false;
        }

        return reader.HasValueSequence ? SequenceEquals(ref reader, written[..length]) : reader.ValueSpan.SequenceEqual(written[..length]);
    }

    private static bool SequenceEquals(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> expected)
    {
        if (reader.ValueSequence.Length != expected.Length)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[expected.Length];
        System.Buffers.BuffersExtensions.CopyTo(reader.ValueSequence, copy);
        return copy.SequenceEqual(expected);
    }
}
