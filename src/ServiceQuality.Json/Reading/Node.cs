using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Json.Reading;

/// <summary>
/// A value of a <see cref="JsonTree"/> with typed, strict access to its properties. Every accessor that finds a problem
/// reports it at the value's JSON path with a <see cref="ProblemCode"/> and returns null; nothing throws (unless the sink
/// stops at the first problem). A property that is absent or null is "missing".
/// </summary>
internal readonly struct Node
{
    /// <summary>The longest free text accepted (names, reasons, replies), in UTF-16 code units.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The largest amount of money accepted, either sign: far below where sums of amounts could overflow.</summary>
    public static readonly decimal MaxAmount = 1_000_000_000_000_000m;

    private readonly JsonTree _tree;
    private readonly ProblemSink _sink;
    private readonly int _parent;
    private readonly string? _name;

    public Node(JsonTree tree, int index, ProblemSink sink)
        : this(tree, index, sink, -1, null)
    {
    }

    private Node(JsonTree tree, int index, ProblemSink sink, int parent, string? name)
    {
        (_tree, Index, _sink, _parent, _name) = (tree, index, sink, parent, name);
    }

    /// <summary>The entry, or -1 when the value is missing.</summary>
    public int Index { get; }

    public bool IsMissing => Index < 0;

    /// <summary>Whether this is a string without escapes, whose <see cref="Utf8"/> is its text.</summary>
    public bool IsPlainString => Index >= 0 && _tree.Kind(Index) == JsonKind.String && !_tree.IsEscaped(Index);

    /// <summary>The raw UTF-8 of a string's content or of a number (see <see cref="JsonTree.Raw"/>).</summary>
    public ReadOnlySpan<byte> Utf8 => _tree.Raw(Index);

    public JsonKind Kind => _tree.Kind(Index);

    /// <summary>The path of this value (also when it is missing: the path it would have).</summary>
    public string Path => Index >= 0 ? _tree.Path(Index) : _tree.Path(_parent) + JsonTree.PathStep(_name!);

    public ProblemSink Sink => _sink;

    /// <summary>Reports a problem at this value.</summary>
    public void Problem(string code, string message) => _sink.Add(Path, code, message);

    /// <summary>Reports a problem at a property of this object.</summary>
    public void Problem(string property, string code, string message) => Get(property).Problem(code, message);

    /// <summary>The property <paramref name="name"/>; missing when absent or null.</summary>
    public Node Get(string name)
    {
        var child = Index >= 0 && Kind == JsonKind.Object ? _tree.Property(Index, name) : -1;
        if (child >= 0 && _tree.Kind(child) == JsonKind.Null)
        {
            child = -1;
        }

        return new Node(_tree, child, _sink, Index, name);
    }

    /// <summary>Whether the property is present and not null.</summary>
    public bool Has(string name) => !Get(name).IsMissing;

    /// <summary>Checks that this is an object with no property outside <paramref name="allowed"/>; returns false (reported) when it is not an object.</summary>
    public bool Object(ReadOnlySpan<string> allowed)
    {
        if (IsMissing || Kind != JsonKind.Object)
        {
            if (!IsMissing)
            {
                Problem(ProblemCode.WrongType, $"an object is expected, not {Describe()}.");
            }

            return false;
        }

        for (var child = Index + 1; child < _tree.End(Index); child = _tree.End(child))
        {
            var name = _tree.Name(child)!;
            var known = false;

            // Names equal to a literal are that literal (JsonTree interns them), so references usually decide.
            foreach (var candidate in allowed)
            {
                if (ReferenceEquals(candidate, name))
                {
                    known = true;
                    break;
                }
            }

            if (!known)
            {
                foreach (var candidate in allowed)
                {
                    if (candidate == name)
                    {
                        known = true;
                        break;
                    }
                }
            }

            if (!known)
            {
                _sink.Add(_tree.Path(child), ProblemCode.UnknownProperty, $"unknown property '{JsonTree.Escape(name)}'; the properties here are {string.Join(", ", allowed.ToArray())}.");
            }
        }

        return true;
    }

    /// <summary>The items of the array property <paramref name="name"/> (none when missing or not an array).</summary>
    public List<Node> Items(string name, bool required)
    {
        var node = Get(name);
        if (!node.Present(required))
        {
            return [];
        }

        if (node.Kind != JsonKind.Array)
        {
            node.Problem(ProblemCode.WrongType, $"an array is expected, not {node.Describe()}.");
            return [];
        }

        var items = new List<Node>(_tree.Children(node.Index));
        for (var child = node.Index + 1; child < _tree.End(node.Index); child = _tree.End(child))
        {
            items.Add(new Node(_tree, child, _sink, node.Index, null));
        }

        return items;
    }

    /// <summary>The properties of this object (none when it is not one), with their names.</summary>
    public List<(string Name, Node Value)> Properties()
    {
        var properties = new List<(string, Node)>();
        if (IsMissing || Kind != JsonKind.Object)
        {
            return properties;
        }

        for (var child = Index + 1; child < _tree.End(Index); child = _tree.End(child))
        {
            properties.Add((_tree.Name(child)!, new Node(_tree, child, _sink, Index, _tree.Name(child))));
        }

        return properties;
    }

    /// <summary>A non-blank text of at most <see cref="MaxTextLength"/> characters. Never echoed in messages: it may be personal.</summary>
    public string? Text(string name, bool required = true) => Get(name).AsText(required);

    public string? AsText(bool required = true)
    {
        if (!String(required))
        {
            return null;
        }

        var text = _tree.String(Index);
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(ProblemCode.MissingProperty, "a non-blank text is expected.");
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            Problem(ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"the text is {text.Length:N0} characters long; at most {MaxTextLength:N0} are accepted."));
            return null;
        }

        return text;
    }

    /// <summary>An id: non-blank, at most 128 characters, no control characters (the rules of the domain's ids).</summary>
    public TId? Id<TId>(string name, Func<string, TId> create, bool required = true)
        where TId : struct => Get(name).AsId(create, required);

    public TId? AsId<TId>(Func<string, TId> create, bool required = true)
        where TId : struct
    {
        if (!String(required))
        {
            return null;
        }

        var text = _tree.SharedString(Index);
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(ProblemCode.MissingProperty, "an id is expected, not blank text.");
            return null;
        }

        if (text.Length > GuardExtensions.MaxIdLength)
        {
            Problem(ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"an id is at most {GuardExtensions.MaxIdLength} characters; this one has {text.Length:N0}."));
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                Problem(ProblemCode.InvalidText, string.Create(CultureInfo.InvariantCulture, $"an id must not hold control characters; U+{(int)text[i]:X4} is at position {i}."));
                return null;
            }
        }

        return create(text);
    }

    /// <summary>
    /// An enumeration value by one of its documented names, exactly: no numbers, no comma lists, no padding, no other case;
    /// a name in <paramref name="excluded"/> is refused as unknown.
    /// </summary>
    public TEnum? Enum<TEnum>(string name, bool required = true, TEnum[]? excluded = null)
        where TEnum : struct, Enum => Get(name).AsEnum(required, excluded);

    public TEnum? AsEnum<TEnum>(bool required = true, TEnum[]? excluded = null)
        where TEnum : struct, Enum
    {
        if (!String(required))
        {
            return null;
        }

        if (EnumNames<TEnum>.TryMatch(_tree.Text(Index), out var value) && !IsExcluded(value, excluded))
        {
            return value;
        }

        Problem(ProblemCode.UnknownName, $"'{JsonTree.Escape(_tree.String(Index))}' is not one of {AllowedNames(excluded)}.");
        return null;
    }

    /// <summary>
    /// The names an enumeration value may take, for a message. A method of its own: a lambda capturing a parameter of
    /// <see cref="AsEnum{TEnum}"/> made the compiler allocate its closure on every call, the valid ones too.
    /// </summary>
    private static string AllowedNames<TEnum>(TEnum[]? excluded)
        where TEnum : struct, Enum =>
        string.Join(", ", EnumNames<TEnum>.Names.Where(n => excluded is null || !excluded.Any(x => n == x.ToString())));

    private static bool IsExcluded<TEnum>(TEnum value, TEnum[]? excluded)
        where TEnum : struct, Enum => excluded is not null && Array.IndexOf(excluded, value) >= 0;

    /// <summary>A service tier by its code (<c>ordinary</c>, <c>class-a</c>, <c>gold</c>, <c>vip</c>, <c>key</c>).</summary>
    public ServiceTier? Tier(string name, bool required = true) => Get(name).AsTier(required);

    public ServiceTier? AsTier(bool required = true)
    {
        if (!String(required))
        {
            return null;
        }

        var text = _tree.SharedString(Index);
        if (ServiceTier.TryGetWellKnown(text, out var tier))
        {
            return tier;
        }

        Problem(ProblemCode.UnknownName, $"'{JsonTree.Escape(text)}' is not one of {string.Join(", ", ServiceTier.WellKnown.Select(t => t.Code))}.");
        return null;
    }

    /// <summary>A boolean; <paramref name="otherwise"/> when missing.</summary>
    public bool Bool(string name, bool otherwise)
    {
        var node = Get(name);
        if (node.IsMissing)
        {
            return otherwise;
        }

        if (node.Kind is JsonKind.True or JsonKind.False)
        {
            return node.Kind == JsonKind.True;
        }

        node.Problem(ProblemCode.WrongType, $"true or false is expected, not {node.Describe()}.");
        return otherwise;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Int(string name, int min, int max, bool required = true) => Get(name).AsInt(min, max, required);

    public int? AsInt(int min, int max, bool required = true)
    {
        if (!Number(required))
        {
            return null;
        }

        var raw = _tree.Raw(Index);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var whole = raw.IndexOfAny(".eE"u8) < 0;
        if (!whole || !reader.TryGetInt64(out var value) || value < min || value > max)
        {
            Problem(
                whole ? ProblemCode.OutOfRange : ProblemCode.InvalidFormat,
                string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:N0} to {max:N0} is expected, not {Quote(raw)}."));
            return null;
        }

        return (int)value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], exactly as a decimal.</summary>
    public decimal? Decimal(string name, decimal min, decimal max, bool required = true) => Get(name).AsDecimal(min, max, required);

    public decimal? AsDecimal(decimal min, decimal max, bool required = true)
    {
        if (!Number(required))
        {
            return null;
        }

        var reader = new Utf8JsonReader(_tree.Raw(Index));
        reader.Read();
        if (!reader.TryGetDecimal(out var value) || value < min || value > max)
        {
            Problem(ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max} is expected, not {Quote(_tree.Raw(Index))}."));
            return null;
        }

        return value;
    }

    /// <summary>Money: <c>{"amount": 12000, "currency": "CNY"}</c>, the amount from 0 to <see cref="MaxAmount"/>.</summary>
    public Money? Money(string name, bool required = true)
    {
        var node = Get(name);
        if (!node.Present(required))
        {
            return null;
        }

        if (!node.Object(["amount", "currency"]))
        {
            return null;
        }

        var amount = node.Decimal("amount", 0m, MaxAmount);
        var currencyNode = node.Get("currency");
        if (!currencyNode.String(required: true))
        {
            return null;
        }

        var currency = _tree.String(currencyNode.Index);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            currencyNode.Problem(ProblemCode.InvalidFormat, $"'{JsonTree.Escape(currency)}' is not an ISO 4217 code of three upper-case letters, such as CNY.");
            return null;
        }

        return amount is { } a ? new Money(a, currency) : null;
    }

    /// <summary>An ISO-8601 date (<c>2025-01-01</c>) in the supported years.</summary>
    public LocalDate? Date(string name, bool required = true) => Get(name).AsDate(required);

    public LocalDate? AsDate(bool required = true) =>
        String(required) ? Parsed(FileValues.TryDate(_tree.Text(Index), out var date), date, "a date such as 2025-01-01") : null;

    /// <summary>A month and day of every year: <c>10-01</c>.</summary>
    public AnnualDate? AnnualDate(string name, bool required = true) =>
        Get(name) is var node && node.String(required) ? node.Parsed(FileValues.TryAnnualDate(_tree.Text(node.Index), out var date), date, "a month and day such as 10-01") : null;

    /// <summary>A local time of day: <c>09:00</c> or <c>09:00:30</c>.</summary>
    public LocalTime? Time(string name, bool required = true) =>
        Get(name) is var node && node.String(required) ? node.Parsed(FileValues.TryTime(_tree.Text(node.Index), out var time), time, "a time of day such as 09:00") : null;

    /// <summary>An instant: ISO-8601 in UTC (<c>2025-01-13T01:00:00Z</c>) or with an offset (<c>2025-01-13T09:00:00+08:00</c>), in the supported years.</summary>
    public Instant? Instant(string name, bool required = true)
    {
        var node = Get(name);
        return node.String(required)
            ? node.Parsed(FileValues.TryInstant(_tree.Text(node.Index), out var instant), instant, "an instant such as 2025-01-13T01:00:00Z or 2025-01-13T09:00:00+08:00")
            : null;
    }

    /// <summary>An ISO-8601 duration in days, hours, minutes and seconds (<c>PT1H30M</c>, <c>P3D</c>), from zero to <see cref="FileValues.MaxDuration"/>.</summary>
    public Duration? Duration(string name, bool required = true, bool positive = true)
    {
        var node = Get(name);
        if (!node.String(required))
        {
            return null;
        }

        var duration = node.Parsed(FileValues.TryDuration(_tree.Text(node.Index), out var parsed), parsed, "an ISO-8601 duration in days, hours, minutes or seconds, such as PT1H30M or P3D");
        if (duration is { } d && positive && d <= NodaTime.Duration.Zero)
        {
            node.Problem(ProblemCode.OutOfRange, "the duration must be positive.");
            return null;
        }

        return duration;
    }

    /// <summary>What this value is, for a message: "a number", "an object" …</summary>
    public string Describe() => IsMissing ? "nothing" : Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>Whether the value is there; reports a missing required one.</summary>
    public bool Present(bool required)
    {
        if (!IsMissing)
        {
            return true;
        }

        if (required)
        {
            Problem(ProblemCode.MissingProperty, "is required.");
        }

        return false;
    }

    /// <summary>Whether the value is a string; reports a missing required one or one of another kind.</summary>
    public bool String(bool required)
    {
        if (!Present(required))
        {
            return false;
        }

        if (Kind != JsonKind.String)
        {
            Problem(ProblemCode.WrongType, $"a string is expected, not {Describe()}.");
            return false;
        }

        return true;
    }

    private bool Number(bool required)
    {
        if (!Present(required))
        {
            return false;
        }

        if (Kind != JsonKind.Number)
        {
            Problem(ProblemCode.WrongType, $"a number is expected, not {Describe()}.");
            return false;
        }

        return true;
    }

    private T? Parsed<T>(FileValues.Result result, T value, string expected)
        where T : struct
    {
        switch (result)
        {
            case FileValues.Result.Ok:
                return value;
            case FileValues.Result.OutOfRange:
                Problem(ProblemCode.OutOfRange, $"'{JsonTree.Escape(_tree.String(Index))}' is outside what the library supports ({FileValues.SupportedRange}).");
                return null;
            default:
                Problem(ProblemCode.InvalidFormat, $"'{JsonTree.Escape(_tree.String(Index))}' is not {expected}.");
                return null;
        }
    }

    private static string Quote(ReadOnlySpan<byte> raw) => JsonTree.Escape(Encoding.UTF8.GetString(raw.Length > 64 ? raw[..64] : raw));
}

/// <summary>The documented names of an enumeration, as UTF-8, matched exactly.</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly string[] Names = System.Enum.GetNames<TEnum>();
    private static readonly byte[][] Utf8 = [.. Names.Select(Encoding.UTF8.GetBytes)];
    private static readonly TEnum[] Values = [.. Names.Select(System.Enum.Parse<TEnum>)];

    public static bool TryMatch(ReadOnlySpan<byte> text, out TEnum value)
    {
        for (var i = 0; i < Utf8.Length; i++)
        {
            if (text.SequenceEqual(Utf8[i]))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}
