using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// The property names of one JSON object shape, every one required unless marked optional, pre-encoded for writing and matched byte by byte
/// (ordinally, so <c>"Currency"</c> is not <c>"currency"</c>) when reading. Immutable and thread-safe.
/// </summary>
internal sealed class JsonProperties
{
    private readonly byte[][] _members;

    public JsonProperties(string owner, params string[] names)
        : this(owner, names, 0)
    {
    }

    /// <summary>A shape whose properties with a bit in <paramref name="optional"/> may be left out (fields added to a format later).</summary>
    public JsonProperties(string owner, string[] names, ulong optional)
    {
        Owner = owner;
        Names = [.. names.Select(n => JsonEncodedText.Encode(n))];
        Table = new Utf8NameTable(Names);
        _members = [.. Names.Select(JsonName.MemberOf)];
        All = (1UL << names.Length) - 1;
        Optional = optional & All;
    }

    /// <summary>What the object is, for messages: <c>Money</c>, <c>TicketOpened</c>.</summary>
    public string Owner { get; }

    /// <summary>The names, in the order they are written.</summary>
    public JsonEncodedText[] Names { get; }

    /// <summary>The names, for matching what is read.</summary>
    public Utf8NameTable Table { get; }

    /// <summary>One bit per property (at most 63 properties).</summary>
    public ulong All { get; }

    /// <summary>The bits of the properties that may be left out.</summary>
    public ulong Optional { get; }

    public JsonName this[int index] => new(Names[index], _members[index]);

    /// <summary>The property's full name for messages: <c>TicketOpened.customer</c>.</summary>
    public string Describe(int index) => Owner + "." + Names[index].Value;

    /// <summary>The names of the properties whose bits are not in <paramref name="seen"/>, for messages.</summary>
    public string Missing(ulong seen) => Utf8Names.List([.. Names.Where((_, i) => (seen & (1UL << i)) == 0)]);
}
