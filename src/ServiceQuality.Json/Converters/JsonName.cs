using System.Text.Json;

namespace ServiceQuality.Json.Converters;

/// <summary>
/// A property name for <see cref="JsonOut"/>: the pre-encoded name, and, for the names of the library's own shapes, the
/// bytes <c>,"name":</c> that a raw write copies in one go.
/// </summary>
internal readonly struct JsonName
{
    public JsonName(JsonEncodedText text, byte[]? member)
    {
        Text = text;
        Member = member;
    }

    public JsonEncodedText Text { get; }

    /// <summary>The comma, the quoted name and the colon, or null (then they are written piece by piece).</summary>
    public byte[]? Member { get; }

    public static implicit operator JsonName(JsonEncodedText text) => new(text, null);

    /// <summary>The bytes of <see cref="Member"/> for <paramref name="text"/>.</summary>
    public static byte[] MemberOf(JsonEncodedText text) => [(byte)',', (byte)'"', .. text.EncodedUtf8Bytes, (byte)'"', (byte)':'];
}
