using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ServiceDesk.Web.Tests;

/// <summary>Whatever a client sends, the answer is a decision or a refusal, never a failure of the host (500).</summary>
public sealed class HostileInputTests(SharedDesk shared) : IClassFixture<SharedDesk>
{
    private static readonly string[] Paths =
    [
        "/customers", "/tickets", "/tickets/T-H1/assign", "/tickets/T-H1/transfer", "/tickets/T-H1/hold", "/tickets/T-H1/refer", "/tickets/T-H1/priority",
        "/tickets/T-H1/resolve", "/tickets/T-H1/close", "/complaints", "/complaints/K-H1/investigate", "/complaints/K-H1/decide", "/complaints/K-H1/merge",
        "/complaints/K-H1/compensate", "/visits", "/visits/V-H1/attempts", "/visits/V-H1/complete", "/tickets/%E2%80%AE/assign", "/tickets/%F0/close",
        "/tickets/" + new string('x', 300) + "/close", "/complaints/%01/register",
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "null", "true", "false", "0", "-1", "1e309", "-0.0", "12345678901234567890123", "\"\"", "\"   \"",
        "\"id\"", "\"customer\"", "\"assignee\"", "\"priority\"", "\"amount\"", "\"currency\"", "\"due\"", "\"deadline\"", "\"tier\"", "\"maxAttempts\"",
        "\"C-H1\"", "\"T-H1\"", "\"K-H1\"", "\"staff-02\"", "\"P1\"", "\"gold\"", "\"Reached\"", "\"2025-01-22T01:30:00Z\"", "\"9999-12-31T23:59:59Z\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\u202e\"", "{\"amount\":-5,\"currency\":\"CNY\"}", "{\"amount\":1e30,\"currency\":\"XXX\"}", "\"PT-1H\"", "\"-01:00:00\"",
        "2147483648", "-2147483649", "\"" + new string('y', 5000) + "\"",
    ];

    private static readonly string[] ValidBodies =
    [
        "{\"id\":\"C-H1\",\"name\":\"n\",\"tier\":\"gold\",\"customerSince\":\"2020-01-01\"}",
        "{\"id\":\"T-H2\",\"customer\":\"C-H1\",\"kind\":\"RepairRequest\",\"channel\":\"Hotline\",\"priority\":\"P2\",\"firstContactOwner\":\"staff-01\"}",
        "{\"assignee\":\"staff-02\",\"department\":\"repairs\"}",
        "{\"department\":\"repairs\",\"person\":\"staff-31\",\"deadline\":\"2025-01-25T00:00:00Z\"}",
        "{\"amount\":{\"amount\":100,\"currency\":\"CNY\"}}",
        "{\"id\":\"V-H2\",\"customer\":\"C-H1\",\"kind\":\"PhoneCallback\",\"due\":\"2025-01-25T00:00:00Z\",\"maxAttempts\":3,\"retryInterval\":\"01:00:00\"}",
        "{\"overall\":\"Satisfied\",\"performedBy\":\"staff-01\",\"dimensions\":{\"repair\":\"Satisfied\"}}",
        "{\"duplicate\":\"K-H1\"}",
    ];

    private DeskFactory Host => shared.Factory;

    /// <summary>Bodies from a soup of JSON fragments, valid bodies with one value replaced, deep nesting, and raw bytes.</summary>
    private static Gen<byte[]> Bodies()
    {
        var fragment = Gen.Elements(Fragments);
        var soup = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(fragment, n)).Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)));
        var mutated =
            from body in Gen.Elements(ValidBodies)
            from replacement in fragment
            from which in Gen.Choose(0, 7)
            select Encoding.UTF8.GetBytes(Replace(body, which, replacement));
        var nested = Gen.Choose(1, 200).Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
        var raw = ArbMap.Default.GeneratorFor<byte[]>();
        return Gen.Frequency((4, soup), (6, mutated), (1, nested), (2, raw));
    }

    /// <summary>Replaces the <paramref name="which"/>-th value (after a colon) of a body.</summary>
    private static string Replace(string body, int which, string replacement)
    {
        var colons = body.Select((c, i) => (c, i)).Where(p => p.c == ':').Select(p => p.i).ToList();
        var start = colons[which % colons.Count] + 1;
        var end = start;
        var depth = 0;
        while (end < body.Length && !(depth == 0 && (body[end] == ',' || body[end] == '}')))
        {
            depth += body[end] == '{' ? 1 : body[end] == '}' ? -1 : 0;
            end++;
        }

        return body[..start] + replacement + body[end..];
    }

    [Fact]
    public async Task HostileBodies_OnEveryCommand_NeverGive500()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-H1"));
        await Host.PostAsync("/tickets", Desk.Ticket("T-H1", "C-H1"));
        await Host.PostAsync("/complaints", Desk.Complaint("K-H1", "C-H1"));
        var client = Host.CreateClient();
        var bodies = PropertyRuns.Sample(Bodies(), 400);
        for (var i = 0; i < bodies.Length; i++)
        {
            var path = Paths[i % Paths.Length];
            using var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{path} with {Encoding.UTF8.GetString(bodies[i])}: {(int)response.StatusCode} {text}");
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }
}
