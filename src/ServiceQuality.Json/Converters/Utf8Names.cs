using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>Known names listed for messages; <see cref="Utf8NameTable"/> matches them.</summary>
internal static class Utf8Names
{
    /// <summary>The names quoted and listed for a message: <c>'P1', 'P2'</c>.</summary>
    public static string List(JsonEncodedText[] names) => string.Join(", ", names.Select(n => "'" + n.Value + "'"));
}
