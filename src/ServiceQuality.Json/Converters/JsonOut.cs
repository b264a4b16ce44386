using System.Buffers.Text;
using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// Where the strict writers write: either straight to a <see cref="Utf8JsonWriter"/>, or, for an event written to a
/// compact writer with the default encoder (what <c>JsonSerializer</c> uses unless told otherwise), into a buffer of its
/// own that is handed to the writer as one raw value. The buffer gets the very bytes the writer would have written —
/// names pre-encoded, texts that need no escaping copied as they are, numbers formatted as the writer formats them — at
/// a fraction of the writer's cost per call. A text that would need escaping (non-ASCII, a quote, <c>&lt;</c>…) is not
/// written raw: the write is marked <see cref="Spoiled"/> and the caller writes the value again through the writer, so
/// escaping stays the writer's. Not thread-safe; one instance serves one write at a time.
/// </summary>
internal sealed class JsonOut
{
    /// <summary>The buffer kept between writes at most; a larger one (an agreement with many targets) is dropped after use.</summary>
    private const int KeptBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static JsonOut? t_spare;

    private Utf8JsonWriter? _writer;
    private byte[] _buffer = new byte[1024];
    private int _length;
    private bool _raw;

    /// <summary>Whether a value or a container's end was written last, so that the next value or name needs a comma.</summary>
    private bool _comma;

    /// <summary>Writes straight to <paramref name="writer"/> (for values written alone, and by the event-log writer).</summary>
    public JsonOut(Utf8JsonWriter writer) => _writer = writer;

    private JsonOut()
    {
    }

    /// <summary>Whether a raw write met a text that needs escaping: nothing it wrote may be used.</summary>
    public bool Spoiled { get; private set; }

    /// <summary>
    /// An instance for one value written to <paramref name="writer"/>, raw when the writer's output is compact and escaped
    /// by the default encoder; give it back with <see cref="Return"/>.
    /// </summary>
    public static JsonOut Rent(Utf8JsonWriter writer)
    {
        var output = t_spare ?? new JsonOut();
        t_spare = null;
        output._writer = writer;
        output._raw = !writer.Options.Indented && writer.Options.Encoder is null;
        output._length = 0;
        output._comma = false;
        output.Spoiled = false;
        return output;
    }

    /// <summary>Hands what was written raw to the writer as one value; returns false, writing nothing, when the write was spoiled.</summary>
    public bool Commit()
    {
        if (_raw && !Spoiled)
        {
            _writer!.WriteRawValue(_buffer.AsSpan(0, _length), skipInputValidation: true);
        }

        return !Spoiled;
    }

    /// <summary>Switches a spoiled raw write to the writer itself, for the value to be written again from its start.</summary>
    public void WriteThrough()
    {
        _raw = false;
        Spoiled = false;
    }

    public void Return()
    {
        _writer = null;
        if (_buffer.Length <= KeptBufferBytes)
        {
            t_spare = this;
        }
    }

    /// <summary>Whether values are being written raw (into the buffer), not to the writer.</summary>
    public bool IsRaw => _raw;

    /// <summary>Writes the start of an object and its first properties, given as the very bytes a writer writes for them (raw writes only).</summary>
    public void WriteRawStart(byte[] start)
    {
        Separate();
        Bytes(start);
        _comma = true;
    }

    /// <summary>An instant as <see cref="JsonValues.WriteInstant"/> writes it, formatted in place.</summary>
    public void WriteInstant(JsonName name, NodaTime.Instant value)
    {
        if (_raw)
        {
            Name(name);
            var span = Reserve(InstantText.MaxLength + 2);
            var length = InstantText.Format(value, span[1..]);
            if (length > 0)
            {
                span[0] = (byte)'"';
                span[length + 1] = (byte)'"';
                _length += length + 2;
                _comma = true;
                return;
            }

            Text(NodaTime.Text.InstantPattern.ExtendedIso.Format(value));
            _comma = true;
            return;
        }

        Span<byte> buffer = stackalloc byte[InstantText.MaxLength];
        var written = InstantText.Format(value, buffer);
        if (written > 0)
        {
            _writer!.WriteString(name.Text, buffer[..written]);
        }
        else
        {
            _writer!.WriteString(name.Text, NodaTime.Text.InstantPattern.ExtendedIso.Format(value));
        }
    }

    public void WriteStartObject()
    {
        if (!_raw)
        {
            _writer!.WriteStartObject();
            return;
        }

        Separate();
        Byte((byte)'{');
        _comma = false;
    }

    public void WriteEndObject()
    {
        if (!_raw)
        {
            _writer!.WriteEndObject();
            return;
        }

        Byte((byte)'}');
        _comma = true;
    }

    public void WriteStartArray()
    {
        if (!_raw)
        {
            _writer!.WriteStartArray();
            return;
        }

        Separate();
        Byte((byte)'[');
        _comma = false;
    }

    public void WriteEndArray()
    {
        if (!_raw)
        {
            _writer!.WriteEndArray();
            return;
        }

        Byte((byte)']');
        _comma = true;
    }

    public void WritePropertyName(JsonName name)
    {
        if (!_raw)
        {
            _writer!.WritePropertyName(name.Text);
            return;
        }

        Name(name);
    }

    public void WritePropertyName(string name)
    {
        if (!_raw)
        {
            _writer!.WritePropertyName(name);
            return;
        }

        Separate();
        Text(name);
        Byte((byte)':');
        _comma = false;
    }

    public void WriteString(JsonName name, string value)
    {
        if (!_raw)
        {
            _writer!.WriteString(name.Text, value);
            return;
        }

        Name(name);
        Text(value);
        _comma = true;
    }

    public void WriteString(JsonName name, JsonEncodedText value)
    {
        if (!_raw)
        {
            _writer!.WriteString(name.Text, value);
            return;
        }

        Name(name);
        Quoted(value.EncodedUtf8Bytes);
        _comma = true;
    }

    public void WriteString(JsonName name, ReadOnlySpan<byte> utf8Value)
    {
        if (!_raw)
        {
            _writer!.WriteString(name.Text, utf8Value);
            return;
        }

        Name(name);
        if (!IsPlain(utf8Value))
        {
            Spoiled = true;
            return;
        }

        Quoted(utf8Value);
        _comma = true;
    }

    public void WriteStringValue(string value)
    {
        if (!_raw)
        {
            _writer!.WriteStringValue(value);
            return;
        }

        Separate();
        Text(value);
        _comma = true;
    }

    public void WriteStringValue(JsonEncodedText value)
    {
        if (!_raw)
        {
            _writer!.WriteStringValue(value);
            return;
        }

        Separate();
        Quoted(value.EncodedUtf8Bytes);
        _comma = true;
    }

    public void WriteNumber(JsonName name, long value)
    {
        if (!_raw)
        {
            _writer!.WriteNumber(name.Text, value);
            return;
        }

        Name(name);
        Number(value);
    }

    public void WriteNumber(JsonName name, decimal value)
    {
        if (!_raw)
        {
            _writer!.WriteNumber(name.Text, value);
            return;
        }

        Name(name);
        Number(value);
    }

    public void WriteNumberValue(decimal value)
    {
        if (!_raw)
        {
            _writer!.WriteNumberValue(value);
            return;
        }

        Separate();
        Number(value);
    }

    public void WriteBoolean(JsonName name, bool value)
    {
        if (!_raw)
        {
            _writer!.WriteBoolean(name.Text, value);
            return;
        }

        Name(name);
        Bytes(value ? "true"u8 : "false"u8);
        _comma = true;
    }

    public void WriteNull(JsonName name)
    {
        if (!_raw)
        {
            _writer!.WriteNull(name.Text);
            return;
        }

        Name(name);
        Bytes("null"u8);
        _comma = true;
    }

    public void WriteNullValue()
    {
        if (!_raw)
        {
            _writer!.WriteNullValue();
            return;
        }

        Separate();
        Bytes("null"u8);
        _comma = true;
    }

    /// <summary>
    /// Whether the writer's default escaping leaves the character as it is: printable ASCII but for the quote, the
    /// backslash and the characters it escapes for HTML (<c>&amp; ' + &lt; &gt; `</c>).
    /// </summary>
    private static bool IsPlain(int c) =>
        c is >= 0x20 and < 0x7F and not ('"' or '\\' or '&' or '\'' or '+' or '<' or '>' or '`');

    private static bool IsPlain(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (!IsPlain(b))
            {
                return false;
            }
        }

        return true;
    }

    private void Name(JsonName name)
    {
        if (name.Member is { } member)
        {
            // ,"name": in one copy (without the comma after an object's start).
            var from = _comma ? 0 : 1;
            member.AsSpan(from).CopyTo(Reserve(member.Length));
            _length += member.Length - from;
            _comma = false;
            return;
        }

        Separate();
        var utf8 = name.Text.EncodedUtf8Bytes;
        var span = Reserve(utf8.Length + 3);
        span[0] = (byte)'"';
        utf8.CopyTo(span[1..]);
        span[utf8.Length + 1] = (byte)'"';
        span[utf8.Length + 2] = (byte)':';
        _length += utf8.Length + 3;
        _comma = false;
    }

    /// <summary>A text as a JSON string, when every character is plain (one byte each); else the write is spoiled.</summary>
    private void Text(string value)
    {
        var span = Reserve(value.Length + 2);
        span[0] = (byte)'"';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsPlain(c))
            {
                Spoiled = true;
                return;
            }

            span[i + 1] = (byte)c;
        }

        span[value.Length + 1] = (byte)'"';
        _length += value.Length + 2;
    }

    private void Quoted(ReadOnlySpan<byte> escaped)
    {
        var span = Reserve(escaped.Length + 2);
        span[0] = (byte)'"';
        escaped.CopyTo(span[1..]);
        span[escaped.Length + 1] = (byte)'"';
        _length += escaped.Length + 2;
    }

    private void Number(long value)
    {
        // Utf8Formatter is what Utf8JsonWriter formats numbers with.
        Utf8Formatter.TryFormat(value, Reserve(20), out var written);
        _length += written;
        _comma = true;
    }

    private void Number(decimal value)
    {
        Utf8Formatter.TryFormat(value, Reserve(64), out var written);
        _length += written;
        _comma = true;
    }

    private void Separate()
    {
        if (_comma)
        {
            Byte((byte)',');
        }
    }

    private void Byte(byte b)
    {
        Reserve(1)[0] = b;
        _length++;
    }

    private void Bytes(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        _length += utf8.Length;
    }

    /// <summary>Room for <paramref name="count"/> bytes after what was written.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        return _buffer.AsSpan(_length);
    }
}
