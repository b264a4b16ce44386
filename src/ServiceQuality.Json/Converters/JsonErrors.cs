using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// The exceptions of the strict readers and writers: always <see cref="JsonException"/>, whose message names what was
/// read (<c>TicketOpened.customer</c>); System.Text.Json adds the path of the value the converter was given and the
/// position in the text.
/// </summary>
internal static class JsonErrors
{
    /// <summary>Moves to the next token, or throws when the text ends first.</summary>
    /// <remarks>Inlined (it runs for every token a converter reads), with the throw kept out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(ref Utf8JsonReader reader, Where what)
    {
        if (!reader.Read())
        {
            ThrowEnded(what);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEnded(Where what) => throw new JsonException($"{what}: the JSON text ends inside the value.");

    public static JsonException Expected(Where what, string expected, ref Utf8JsonReader reader) =>
        new($"{what}: expected {expected}, found {Describe(ref reader)}.");

    public static JsonException Invalid(Where what, string detail, Exception? inner = null) => new($"{what}: {detail}", inner);

    /// <summary>Refuses a value that cannot be written in the format (an empty id, a default tier, an undefined enum value).</summary>
    public static JsonException Unwritable(Where what, string detail) => new($"{what} cannot be written: {detail}");

    /// <summary>The text of the reader's current token (a number's digits), shortened, for a message.</summary>
    public static string TokenText(ref Utf8JsonReader reader) =>
        Quote(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan));

    /// <summary>
    /// Text from the input that may be echoed (a name, a code, an enum name, an instant; never a personal value), made a
    /// safe part of a one-line message by <see cref="Reading.JsonTree.Escape"/>.
    /// </summary>
    public static string Quote(string text) => Reading.JsonTree.Escape(text);

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };
}
