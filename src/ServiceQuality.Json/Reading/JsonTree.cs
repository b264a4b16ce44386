using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Reading;

/// <summary>The kind of a value in a <see cref="JsonTree"/>.</summary>
internal enum JsonKind : byte
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// The strict reader core shared by definitions files and event logs: parses UTF-8 JSON into a flat tree of entries that
/// point into the input (nothing is decoded until asked for), enforcing the rules every input shares — well-formed JSON,
/// valid UTF-8, no lone surrogates in escapes, no property named twice in an object, nesting at most
/// <see cref="MaxDepth"/> deep. A tree is reused from one parse to the next, so reading a log line by line allocates
/// only what the values themselves need.
/// </summary>
internal sealed class JsonTree
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The deepest nesting the fast path takes; deeper input goes to the full reader.</summary>
    private const int PlainMaxDepth = 16;

    /// <summary>
    /// The bytes a plain string takes in the fast path (1): printable ASCII but the quote and the backslash. Anything else
    /// ends it — its closing quote, or what the fast path leaves to the full reader (escapes, control characters, DEL,
    /// non-ASCII). A table of 256, indexed by a byte without a bounds check, as the strings of a log are short.
    /// </summary>
    private static ReadOnlySpan<byte> PlainByte =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Above this many properties an object checks for duplicates with a set instead of pairwise.</summary>
    private const int PairwiseLimit = 16;

    private readonly PropertyNames _names = new(512);
    private readonly PropertyNames _values = new(4096);
    private readonly HashSet<string>?[] _sets = new HashSet<string>?[MaxDepth + 1];
    private readonly int[] _setOwner = new int[MaxDepth + 1];
    private Entry[] _entries = new Entry[32];
    private readonly int[] _open = new int[MaxDepth + 1];
    private byte[] _buffer = [];
    private byte[] _scratch = new byte[64];
    private int _offset;

    /// <summary>The number of entries; the root is entry 0.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Parses <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>. Returns false
    /// after reporting the first problem to <paramref name="problems"/> when the text is not JSON, is not valid UTF-8 or
    /// names a property twice; the tree is then empty.
    /// </summary>
    public bool Parse(byte[] buffer, int offset, int length, ProblemSink problems, bool allowComments)
    {
        (_buffer, _offset, Count) = (buffer, offset, 0);
        Array.Fill(_setOwner, -1);
        if (TryParsePlain(buffer.AsSpan(offset, length)))
        {
            return true;
        }

        Count = 0;
        Array.Fill(_setOwner, -1);
        var options = new JsonReaderOptions
        {
            CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = allowComments,
            MaxDepth = MaxDepth,
        };
        var reader = new Utf8JsonReader(buffer.AsSpan(offset, length), options);
        var depth = 0;
        string? name = null;
        var nameStart = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        nameStart = (int)reader.TokenStartIndex;
                        if (!TryName(ref reader, out name))
                        {
                            Count = 0;
                            problems.Add(Path(_open[depth - 1]) + ".?", ProblemCode.InvalidText, $"a property name is not valid text ({Position(nameStart)}).");
                            return false;
                        }

                        if (IsDuplicate(_open[depth - 1], depth - 1, name))
                        {
                            var path = Path(_open[depth - 1]) + PathStep(name);
                            Count = 0;
                            problems.Add(path, ProblemCode.DuplicateProperty, $"the property '{Escape(name)}' appears twice in one object ({Position(nameStart)}).");
                            return false;
                        }

                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        _open[depth++] = Add(reader.TokenType == JsonTokenType.StartObject ? JsonKind.Object : JsonKind.Array, depth == 1 ? -1 : _open[depth - 2], name, 0, 0, false);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        var container = _open[--depth];
                        _entries[container].End = Count;
                        break;
                    case JsonTokenType.String:
                        var start = (int)reader.TokenStartIndex + 1;
                        var raw = reader.ValueSpan;
                        if (!ValidText(raw, reader.ValueIsEscaped))
                        {
                            var at = depth == 0 ? "$" : Path(_open[depth - 1]) + (name is null ? $"[{_entries[_open[depth - 1]].Children}]" : PathStep(name));
                            Count = 0;
                            problems.Add(at, ProblemCode.InvalidText, $"the text is not valid UTF-8 or holds a lone surrogate ({Position(start)}).");
                            return false;
                        }

                        Add(JsonKind.String, depth == 0 ? -1 : _open[depth - 1], name, start, raw.Length, reader.ValueIsEscaped);
                        break;
                    case JsonTokenType.Number:
                        Add(JsonKind.Number, depth == 0 ? -1 : _open[depth - 1], name, (int)reader.TokenStartIndex, reader.ValueSpan.Length, false);
                        break;
                    default:
                        var kind = reader.TokenType switch { JsonTokenType.True => JsonKind.True, JsonTokenType.False => JsonKind.False, _ => JsonKind.Null };
                        Add(kind, depth == 0 ? -1 : _open[depth - 1], name, (int)reader.TokenStartIndex, 0, false);
                        break;
                }

                name = null;
            }
        }
        catch (JsonException e)
        {
            // The reader's position (line and byte in the line, from 0) locates the syntax error; its message says what it is.
            Count = 0;
            problems.Add("$", ProblemCode.MalformedJson, $"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {Detail(e)}");
            return false;
        }

        if (Count == 0)
        {
            problems.Add("$", ProblemCode.MalformedJson, "malformed JSON: the text holds no value.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The fast path of <see cref="Parse"/>: builds the same entries in one pass over plain input — an object whose names and
    /// strings are printable ASCII without escapes, numbers in JSON's grammar, literals, whitespace, no property twice, nesting
    /// well below <see cref="MaxDepth"/>. Anything else (escapes, other UTF-8, control characters, comments, trailing commas,
    /// malformed text, a duplicate, a scalar root) returns false, and the full reader parses the input again and reports
    /// its problems; so whatever this accepts, the full reader accepts alike, and the rules are the full reader's.
    /// </summary>
    private bool TryParsePlain(ReadOnlySpan<byte> s)
    {
        var i = SkipSpace(s, 0);
        if (i >= s.Length || s[i] != (byte)'{')
        {
            return false;
        }

        var depth = 0;
        string? name = null;
        while (true)
        {
            // At a value.
            var parent = depth == 0 ? -1 : _open[depth - 1];
            var c = s[i];
            if (c is (byte)'{' or (byte)'[')
            {
                if (depth >= PlainMaxDepth)
                {
                    return false;
                }

                var isObject = c == (byte)'{';
                _open[depth++] = Add(isObject ? JsonKind.Object : JsonKind.Array, parent, name, 0, 0, false);
                name = null;
                i = SkipSpace(s, i + 1);
                if (i >= s.Length)
                {
                    return false;
                }

                if (s[i] == (isObject ? (byte)'}' : (byte)']'))
                {
                    _entries[_open[--depth]].End = Count;
                    i++;
                }
                else if (isObject)
                {
                    if (!PlainName(s, ref i, depth, out name))
                    {
                        return false;
                    }

                    continue;
                }
                else
                {
                    continue;
                }
            }
            else if (c == (byte)'"')
            {
                var length = PlainStringLength(s, i + 1);
                if (length < 0)
                {
                    return false;
                }

                Add(JsonKind.String, parent, name, i + 1, length, false);
                i += length + 2;
            }
            else if (c is (byte)'t' or (byte)'f' or (byte)'n')
            {
                var literal = c == (byte)'t' ? "true"u8 : c == (byte)'f' ? "false"u8 : "null"u8;
                if (!s[i..].StartsWith(literal) || !IsDelimiter(s, i + literal.Length))
                {
                    return false;
                }

                Add(c == (byte)'t' ? JsonKind.True : c == (byte)'f' ? JsonKind.False : JsonKind.Null, parent, name, i, 0, false);
                i += literal.Length;
            }
            else
            {
                var end = PlainNumberEnd(s, i);
                if (end < 0)
                {
                    return false;
                }

                Add(JsonKind.Number, parent, name, i, end - i, false);
                i = end;
            }

            // After a value: a comma and the next member or item, or the end of containers.
            name = null;
            while (true)
            {
                i = SkipSpace(s, i);
                if (depth == 0)
                {
                    return i == s.Length;
                }

                if (i >= s.Length)
                {
                    return false;
                }

                var container = _open[depth - 1];
                var inObject = _entries[container].Kind == JsonKind.Object;
                if (s[i] == (inObject ? (byte)'}' : (byte)']'))
                {
                    _entries[container].End = Count;
                    depth--;
                    i++;
                    continue;
                }

                if (s[i] != (byte)',')
                {
                    return false;
                }

                i = SkipSpace(s, i + 1);
                if (i >= s.Length || (inObject && !PlainName(s, ref i, depth, out name)))
                {
                    return false;
                }

                break;
            }
        }
    }

    /// <summary>Reads <c>"name" :</c> at <paramref name="i"/> and the space after it; false when it is not plain or is a duplicate.</summary>
    private bool PlainName(ReadOnlySpan<byte> s, ref int i, int depth, out string name)
    {
        name = string.Empty;
        if (i >= s.Length || s[i] != (byte)'"')
        {
            return false;
        }

        var length = PlainStringLength(s, i + 1);
        if (length < 0)
        {
            return false;
        }

        name = _names.Get(s.Slice(i + 1, length));
        if (IsDuplicate(_open[depth - 1], depth - 1, name))
        {
            return false;
        }

        i = SkipSpace(s, i + length + 2);
        if (i >= s.Length || s[i] != (byte)':')
        {
            return false;
        }

        i = SkipSpace(s, i + 1);
        return i < s.Length;
    }

    /// <summary>The length of a plain string's content from <paramref name="start"/> to its closing quote; -1 when it is not plain.</summary>
    private static int PlainStringLength(ReadOnlySpan<byte> s, int start)
    {
        var plain = PlainByte;
        var j = start;
        while (j < s.Length && plain[s[j]] != 0)
        {
            j++;
        }

        return j < s.Length && s[j] == (byte)'"' ? j - start : -1;
    }

    /// <summary>The end of a number in JSON's grammar at <paramref name="i"/>, followed by a delimiter; -1 otherwise.</summary>
    private static int PlainNumberEnd(ReadOnlySpan<byte> s, int i)
    {
        var j = i;
        if (j < s.Length && s[j] == (byte)'-')
        {
            j++;
        }

        if (j >= s.Length)
        {
            return -1;
        }

        if (s[j] == (byte)'0')
        {
            j++;
        }
        else if (IsDigit(s[j]))
        {
            j = SkipDigits(s, j);
        }
        else
        {
            return -1;
        }

        if (j < s.Length && s[j] == (byte)'.')
        {
            var fraction = ++j;
            j = SkipDigits(s, j);
            if (j == fraction)
            {
                return -1;
            }
        }

        if (j < s.Length && (s[j] | 0x20) == (byte)'e')
        {
            j++;
            if (j < s.Length && s[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            var exponent = j;
            j = SkipDigits(s, j);
            if (j == exponent)
            {
                return -1;
            }
        }

        return IsDelimiter(s, j) ? j : -1;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int SkipDigits(ReadOnlySpan<byte> s, int j)
    {
        while (j < s.Length && IsDigit(s[j]))
        {
            j++;
        }

        return j;
    }

    private static bool IsDelimiter(ReadOnlySpan<byte> s, int j) =>
        j >= s.Length || s[j] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)'}' or (byte)']';

    private static int SkipSpace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    public JsonKind Kind(int index) => _entries[index].Kind;

    public string? Name(int index) => _entries[index].Name;

    /// <summary>The index past the last descendant of <paramref name="index"/> (for a scalar, index + 1).</summary>
    public int End(int index) => _entries[index].End;

    public int Children(int index) => _entries[index].Children;

    /// <summary>The raw UTF-8 of a string's content (still escaped when <see cref="IsEscaped"/>) or of a number.</summary>
    public ReadOnlySpan<byte> Raw(int index) => _buffer.AsSpan(_offset + _entries[index].Start, _entries[index].Length);

    public bool IsEscaped(int index) => _entries[index].Escaped;

    /// <summary>
    /// A string entry's content as UTF-8 with its escapes decoded (<c>"\u002B08:00"</c> is <c>+08:00</c>): the raw bytes
    /// when it has none, else a decoded copy in a buffer of the tree's, valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Text(int index)
    {
        var raw = Raw(index);
        if (!_entries[index].Escaped)
        {
            return raw;
        }

        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[Math.Max(raw.Length, 2 * _scratch.Length)];
        }

        return _scratch.AsSpan(0, Unescape(raw, _scratch));
    }

    /// <summary>A string entry's text, decoded.</summary>
    public string String(int index)
    {
        var raw = Raw(index);
        if (!_entries[index].Escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var decoded = new byte[raw.Length];
        var length = Unescape(raw, decoded);
        return Encoding.UTF8.GetString(decoded, 0, length);
    }

    /// <summary>
    /// A string entry's text, decoded once per distinct short value while it stays in a small cache: ids repeat from line
    /// to line (the same staff, department, customer and case), so a replay keeps one string per id instead of one per use.
    /// </summary>
    public string SharedString(int index) =>
        _entries[index].Escaped || _entries[index].Length > 64 ? String(index) : _values.Get(Raw(index), intern: false);

    /// <summary>The property <paramref name="name"/> of object <paramref name="index"/>, or -1.</summary>
    public int Property(int index, string name)
    {
        for (var child = index + 1; child < _entries[index].End; child = End(child))
        {
            if (ReferenceEquals(_entries[child].Name, name) || string.Equals(_entries[child].Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return -1;
    }

    /// <summary>The JSON path of an entry: <c>$.agreements[2].targets[0].duration</c>.</summary>
    public string Path(int index)
    {
        if (index < 0)
        {
            return "$";
        }

        var steps = new Stack<string>();
        for (var at = index; at >= 0; at = _entries[at].Parent)
        {
            var parent = _entries[at].Parent;
            if (parent < 0)
            {
                break;
            }

            steps.Push(_entries[parent].Kind == JsonKind.Array ? $"[{_entries[at].Item}]" : PathStep(_entries[at].Name!));
        }

        return "$" + string.Concat(steps);
    }

    /// <summary>A step of a path: <c>.name</c>, or <c>['odd name']</c> when the name is not a plain identifier.</summary>
    public static string PathStep(string name) =>
        name.Length > 0 && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + name : $"['{Escape(name)}']";

    /// <summary>
    /// Text from the input made safe to echo in a one-line message: control characters, lone surrogates, quotes and
    /// backslashes escaped as <c>\uXXXX</c>, and anything beyond <paramref name="maxLength"/> characters cut (never inside a surrogate pair).
    /// </summary>
    public static string Escape(string text, int maxLength = 64) => EscapeText(text, maxLength, escapeQuotes: true);

    /// <summary>
    /// As <see cref="Escape(string, int)"/>; <paramref name="escapeQuotes"/> false leaves apostrophes as they are, for
    /// text that is not shown between quotes (System.Text.Json's own message, which quotes the input's characters itself).
    /// </summary>
    private static string EscapeText(string text, int maxLength, bool escapeQuotes)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        var shown = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (shown >= maxLength)
            {
                builder.Append('…');
                break;
            }

            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || (c == '\'' && escapeQuotes) || c == '\\' || c == '\u2028' || c == '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }

            shown++;
        }

        return builder.ToString();
    }

    /// <summary>The position of the first UTF-16 surrogate without its partner (text that has no UTF-8 form), or -1.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Detail(JsonException e)
    {
        // System.Text.Json appends its own position note; the position is reported above.
        var message = e.Message;
        var note = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return EscapeText(note > 0 ? message[..note] : message, 200, escapeQuotes: false);
    }

    private string Position(int start)
    {
        var line = 1;
        var column = 1;
        var span = _buffer.AsSpan(_offset, start);
        foreach (var b in span)
        {
            if (b == (byte)'\n')
            {
                (line, column) = (line + 1, 1);
            }
            else
            {
                column++;
            }
        }

        return $"line {line}, byte {column}";
    }

    private int Add(JsonKind kind, int parent, string? name, int start, int length, bool escaped)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var item = 0;
        if (parent >= 0)
        {
            item = _entries[parent].Children++;
        }

        _entries[Count] = new Entry { Kind = kind, Parent = parent, Name = name, Start = start, Length = length, Escaped = escaped, Item = item, End = Count + 1 };
        return Count++;
    }

    /// <summary>
    /// Whether object <paramref name="container"/>, open at nesting level <paramref name="level"/>, already has a property
    /// named <paramref name="name"/>: pairwise while it is small, then with a set of its own level's (built once per object),
    /// so an object with n properties costs O(n) whatever its shape and nesting.
    /// </summary>
    private bool IsDuplicate(int container, int level, string name)
    {
        if (_entries[container].Children < PairwiseLimit)
        {
            for (var child = container + 1; child < Count; child = _entries[child].End)
            {
                if (string.Equals(_entries[child].Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        var set = _sets[level] ??= new HashSet<string>(StringComparer.Ordinal);
        if (_setOwner[level] != container)
        {
            set.Clear();
            for (var child = container + 1; child < Count; child = _entries[child].End)
            {
                set.Add(_entries[child].Name!);
            }

            _setOwner[level] = container;
        }

        return !set.Add(name);
    }

    private bool TryName(ref Utf8JsonReader reader, out string name)
    {
        var raw = reader.ValueSpan;
        if (!ValidText(raw, reader.ValueIsEscaped))
        {
            name = string.Empty;
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            name = _names.Get(raw);
            return true;
        }

        var decoded = new byte[raw.Length];
        name = _names.Get(decoded.AsSpan(0, Unescape(raw, decoded)));
        return true;
    }

    /// <summary>Valid UTF-8, and, when escaped, no <c>\u</c> escape that leaves a surrogate unpaired.</summary>
    private static bool ValidText(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        if (!escaped)
        {
            return true;
        }

        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (pendingHigh)
                {
                    return false;
                }

                continue;
            }

            var next = raw[++i];
            if (next != (byte)'u')
            {
                if (pendingHigh)
                {
                    return false;
                }

                continue;
            }

            var unit = Hex(raw.Slice(i + 1, 4));
            i += 4;
            if (char.IsHighSurrogate((char)unit))
            {
                if (pendingHigh)
                {
                    return false;
                }

                pendingHigh = true;
            }
            else if (char.IsLowSurrogate((char)unit))
            {
                if (!pendingHigh)
                {
                    return false;
                }

                pendingHigh = false;
            }
            else if (pendingHigh)
            {
                return false;
            }
        }

        return !pendingHigh;
    }

    /// <summary>Decodes the escapes of valid string content (checked by <see cref="ValidText"/>) into UTF-8.</summary>
    private static int Unescape(ReadOnlySpan<byte> raw, Span<byte> output)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                output[length++] = raw[i];
                continue;
            }

            var c = raw[++i];
            switch (c)
            {
                case (byte)'n': output[length++] = (byte)'\n'; break;
                case (byte)'r': output[length++] = (byte)'\r'; break;
                case (byte)'t': output[length++] = (byte)'\t'; break;
                case (byte)'b': output[length++] = (byte)'\b'; break;
                case (byte)'f': output[length++] = (byte)'\f'; break;
                case (byte)'u':
                    var unit = Hex(raw.Slice(i + 1, 4));
                    i += 4;
                    var rune = unit;
                    if (char.IsHighSurrogate((char)unit))
                    {
                        var low = Hex(raw.Slice(i + 3, 4));
                        i += 6;
                        rune = char.ConvertToUtf32((char)unit, (char)low);
                    }

                    length += new Rune(rune).EncodeToUtf8(output[length..]);
                    break;
                default: output[length++] = c; break; // \" \\ \/
            }
        }

        return length;
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = (value << 4) | (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        }

        return value;
    }

    private struct Entry
    {
        public JsonKind Kind;
        public bool Escaped;
        public int Parent;
        public int Item;
        public int Children;
        public int Start;
        public int Length;
        public int End;
        public string? Name;
    }

    /// <summary>
    /// Property names as strings, made once per distinct name: the same UTF-8 bytes give the same string instance, and a
    /// name equal to a string literal of the program is that literal (so comparisons usually succeed on reference).
    /// The number of slots is a power of two.
    /// </summary>
    private sealed class PropertyNames(int slots)
    {
        private readonly (byte[] Utf8, string Text)?[] _slots = new (byte[], string)?[slots];

        public string Get(ReadOnlySpan<byte> utf8, bool intern = true)
        {
            ref var slot = ref _slots[(int)Utf8Hash.Of(utf8) & (_slots.Length - 1)]; // a power of two
            if (slot is { } known && utf8.SequenceEqual(known.Utf8))
            {
                return known.Text;
            }

            var text = Encoding.UTF8.GetString(utf8);
            text = intern ? string.IsInterned(text) ?? text : text;
            if (utf8.Length <= 64)
            {
                slot = (utf8.ToArray(), text);
            }

            return text;
        }
    }
}
