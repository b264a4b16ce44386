using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Web.Tests;

/// <summary>Requests a test sends, and what it reads back.</summary>
internal static class Desk
{
    public static object Customer(string id, string tier = "ordinary") => new { id, name = $"Household {id}", tier, customerSince = "2020-01-01", phone = "13800000000" };

    public static object Ticket(string id, string customer, string priority = "P3", bool onSite = false) =>
        new { id, customer, kind = "RepairRequest", channel = "Hotline", priority, firstContactOwner = "staff-01", requiresOnSiteVisit = onSite };

    public static object Complaint(string id, string customer, string severity = "Minor") =>
        new { id, customer, channel = "Hotline", category = "ServiceAttitude", severity };

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string rule)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} {rule}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(rule, (string?)problem["rule"]);
        Assert.Equal((int)expected, (int?)problem["status"]);
        return problem;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return await OkAsync(response);
    }

    public static int Version(JsonObject view) => (int)view["version"]!;

    /// <summary>A duration as the library's JSON writes it (NodaTime's round-trip pattern, hours first).</summary>
    public static NodaTime.Duration Duration(JsonNode? node) => NodaTime.Text.DurationPattern.JsonRoundtrip.Parse((string)node!).GetValueOrThrow();

    public static string Text(JsonNode? node) => node is null ? string.Empty : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
