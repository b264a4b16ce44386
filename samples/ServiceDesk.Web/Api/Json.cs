using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Json;

namespace ServiceDesk.Web.Api;

/// <summary>The JSON of requests, responses and stored events: the library's converters on strict web settings.</summary>
internal static class Json
{
    /// <summary>Requests and responses: camelCase names, unknown or missing members refused, nulls only where a member is optional.</summary>
    public static readonly JsonSerializerOptions Api = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 32,
    }.ConfigureForServiceQuality();

    /// <summary>Stored events: the library's exact round trip.</summary>
    public static readonly JsonSerializerOptions Events = new JsonSerializerOptions().ConfigureForServiceQuality();

    /// <summary>Problem details (RFC 7807): plain members, nulls left out.</summary>
    public static readonly JsonSerializerOptions Problems = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Reads a request body as <typeparamref name="T"/>; an empty body reads as <paramref name="empty"/> when one is given.</summary>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/> (the path says where).</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, T? empty = null)
        where T : class
    {
        T? body;
        if (empty is not null)
        {
            // A command without members may come with no body at all (and then no Content-Length either).
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            if (buffer.Length == 0)
            {
                return empty;
            }

            body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Api);
        }
        else
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, Api, request.HttpContext.RequestAborted);
        }

        return body ?? throw new JsonException("The body is the JSON null; an object was expected.", "$", 0, 0);
    }
}
