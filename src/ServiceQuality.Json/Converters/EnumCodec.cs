using System.Globalization;
using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// An enum by its declared names only: written as the name, read from a string that is exactly one of the names
/// (ordinal: no numbers, no case folding, no comma lists, no white space). A <see cref="FlagsAttribute"/> enum is an
/// array of the names of its set flags, lowest first, and <c>[]</c> for none.
/// </summary>
internal static class EnumCodec<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = [.. Enum.GetNames<TEnum>().Select(Enum.Parse<TEnum>)];
    private static readonly JsonEncodedText[] Names = [.. Enum.GetNames<TEnum>().Select(n => JsonEncodedText.Encode(n))];

    /// <summary>The single-bit flags, lowest first, for a flags enum.</summary>
    private static readonly (long Bit, JsonEncodedText Name)[] Flags =
        [.. Values.Select((v, i) => (Bit: ToInt64(v), Name: Names[i])).Where(f => f.Bit != 0 && (f.Bit & (f.Bit - 1)) == 0).OrderBy(f => f.Bit)];

    private static readonly JsonEncodedText[] FlagNames = [.. Flags.Select(f => f.Name)];

    private static readonly Utf8NameTable NameTable = new(Names);

    private static readonly Utf8NameTable FlagNameTable = new(FlagNames);

    public static bool IsFlags { get; } = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

    public static TEnum Read(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Expected(what, $"one of the names {Utf8Names.List(Names)}", ref reader);
        }

        return Match(ref reader, what);
    }

    /// <summary>The value named by the reader's current string or property name.</summary>
    public static TEnum Match(ref Utf8JsonReader reader, Where what)
    {
        var index = NameTable.IndexOf(ref reader);
        return index >= 0
            ? Values[index]
            : throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(reader.GetString()!)}' is not a {typeof(TEnum).Name}; expected one of {Utf8Names.List(Names)}.");
    }

    public static TEnum? ReadNullable(ref Utf8JsonReader reader, Where what) =>
        reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, what);

    /// <summary>The value's declared name.</summary>
    public static JsonEncodedText Name(TEnum value, Where what)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(Values[i], value))
            {
                return Names[i];
            }
        }

        throw JsonErrors.Unwritable(what, $"{value} is not a declared {typeof(TEnum).Name}.");
    }

    public static void Write(JsonOut writer, JsonName name, TEnum value, Where what) => writer.WriteString(name, Name(value, what));

    /// <summary>Writes the value's name as an array item.</summary>
    public static void WriteItem(JsonOut writer, TEnum value, Where what) => writer.WriteStringValue(Name(value, what));

    public static void WriteNullable(JsonOut writer, JsonName name, TEnum? value, Where what)
    {
        if (value is { } present)
        {
            Write(writer, name, present, what);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Reads a flags value: an array of distinct single-flag names.</summary>
    public static TEnum ReadFlags(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonErrors.Expected(what, $"an array of the names {Utf8Names.List(FlagNames)}", ref reader);
        }

        var names = FlagNames;
        long bits = 0;
        while (true)
        {
            JsonErrors.Read(ref reader, what);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return (TEnum)Enum.ToObject(typeof(TEnum), bits);
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw JsonErrors.Expected(what, $"one of the names {Utf8Names.List(names)}", ref reader);
            }

            var index = FlagNameTable.IndexOf(ref reader);
            if (index < 0)
            {
                throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(reader.GetString()!)}' is not a single {typeof(TEnum).Name} flag; expected some of {Utf8Names.List(names)}.");
            }

            if ((bits & Flags[index].Bit) != 0)
            {
                throw JsonErrors.Invalid(what, $"'{names[index].Value}' appears twice.");
            }

            bits |= Flags[index].Bit;
        }
    }

    /// <summary>Writes a flags value as the array of its flags' names, lowest first.</summary>
    public static void WriteFlags(JsonOut writer, TEnum value, Where what)
    {
        var bits = ToInt64(value);
        writer.WriteStartArray();
        foreach (var (bit, name) in Flags)
        {
            if ((bits & bit) != 0)
            {
                writer.WriteStringValue(name);
                bits &= ~bit;
            }
        }

        if (bits != 0)
        {
            throw JsonErrors.Unwritable(what, $"{value} has bits that are no declared {typeof(TEnum).Name} flag.");
        }

        writer.WriteEndArray();
    }

    private static long ToInt64(TEnum value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
