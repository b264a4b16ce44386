using System.Text.Json;

namespace ServiceQuality.Json.Tests.TestSupport;

/// <summary>The options the tests serialise with, configured once (options are frozen after their first use).</summary>
public static class JsonText
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ConfigureForServiceQuality();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>Asserts that reading <paramref name="json"/> as <typeparamref name="T"/> is refused with a located <see cref="JsonException"/>.</summary>
    public static JsonException Refused<T>(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json, Options));
        Assert.NotNull(exception.Path);
        return exception;
    }
}
