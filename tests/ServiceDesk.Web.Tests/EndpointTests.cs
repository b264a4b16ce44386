using System.Net;
using NodaTime;

namespace ServiceDesk.Web.Tests;

/// <summary>Every endpoint, on its accepted path, through the real host on a SQLite file.</summary>
public sealed class EndpointTests(SharedDesk shared) : IClassFixture<SharedDesk>
{
    private DeskFactory Host => shared.Factory;

    private async Task<int> Step(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Host.Clock.Advance(Duration.FromMinutes(5));
        return Desk.Version(await Desk.OkAsync(await Host.PostAsync(path, body), expected));
    }

    [Fact]
    public async Task Customers_WhenRegistered_AreReadBackWithTheirTier()
    {
        var created = await Desk.OkAsync(await Host.PostAsync("/customers", Desk.Customer("C-E1", "gold")), HttpStatusCode.Created);
        Assert.Equal("gold", (string?)created["customerTier"] ?? (string?)created["tier"]);

        var read = await Desk.GetAsync(Host.CreateClient(), "/customers/C-E1");
        Assert.Equal(1, Desk.Version(read));
        Assert.Equal("gold", (string?)read["tier"]);
        Assert.DoesNotContain("13800000000", read.ToJsonString());
    }

    [Fact]
    public async Task Tickets_WhenDrivenThroughEveryCommand_KeepEveryEventInOrder()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-E2"));
        Assert.Equal(1, await Step("/tickets", Desk.Ticket("T-E2", "C-E2", onSite: true), HttpStatusCode.Created));
        var steps = new (string Path, object? Body)[]
        {
            ("assign", new { assignee = "staff-02", department = "repairs" }),
            ("respond", new { by = "staff-02", isPublic = true }),
            ("start", null),
            ("arrive", new { by = "staff-02" }),
            ("transfer", new { to = "staff-03" }),
            ("priority", new { priority = "P2" }),
            ("refer", new { party = "lift vendor" }),
            ("return", new { result = "part replaced" }),
            ("hold", new { reason = "WaitingForCustomer" }),
            ("resume", new { }),
            ("resolve", new { by = "staff-03" }),
            ("reopen", new { reason = "still dripping" }),
            ("resolve", new { by = "staff-03" }),
            ("close", null),
        };
        var version = 1;
        foreach (var (path, body) in steps)
        {
            Assert.Equal(++version, await Step($"/tickets/T-E2/{path}", body));
        }

        var ticket = await Desk.GetAsync(Host.CreateClient(), "/tickets/T-E2");
        Assert.Equal("Closed", (string?)ticket["status"]);
        Assert.Equal(version, Desk.Version(ticket));
        Assert.Equal([.. Enumerable.Range(1, version)], await Host.Store.ReadVersionsAsync("ticket/T-E2"));
        Assert.Contains(ticket["sla"]!.AsArray(), s => (string?)s!["metric"] == "Resolution" && (string?)s["promise"] == "Fixing the problem");

        // The customer SLA's resolution clock's time by holder: the shares name the assignees and sum to the elapsed time.
        var resolution = ticket["sla"]!.AsArray().Single(s => (string?)s!["metric"] == "Resolution" && (string?)s["kind"] == "ServiceLevel")!;
        var shares = resolution["breakdown"]!.AsArray();
        Assert.Contains(shares, h => (string?)h!["assignee"] == "staff-03");
        Assert.Equal(
            Desk.Duration(resolution["elapsed"]),
            shares.Aggregate(Duration.Zero, (sum, h) => sum + Desk.Duration(h!["elapsed"])));

        await Host.PostAsync("/tickets", Desk.Ticket("T-E2b", "C-E2"));
        Assert.Equal(2, await Step("/tickets/T-E2b/cancel", new { reason = "duplicate report" }));
    }

    [Fact]
    public async Task Complaints_WhenDrivenThroughEveryCommand_CloseAndMerge()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-E3"));
        await Step("/complaints", Desk.Complaint("K-E3", "C-E3"), HttpStatusCode.Created);
        await Step("/complaints/K-E3/register");
        var deadline = (Host.Clock.GetCurrentInstant() + Duration.FromDays(3)).ToString();
        await Step("/complaints/K-E3/investigate", new { department = "repairs", person = "staff-31", deadline });
        await Step("/complaints/K-E3/respond", new { reply = "We apologise.", remedy = "A repair and a follow-up." });
        await Step("/complaints/K-E3/resolve");
        await Step("/complaints/K-E3/decide", new { outcome = "Substantiated", reason = "late visit", decidedBy = "staff-31" });
        await Step("/complaints/K-E3/compensate", new { amount = new { amount = 200, currency = "CNY" } });
        await Step("/complaints/K-E3/callback", new { satisfied = true });
        var closed = await Step("/complaints/K-E3/close");
        var complaint = await Desk.GetAsync(Host.CreateClient(), "/complaints/K-E3");
        Assert.Equal("Closed", (string?)complaint["status"]);
        Assert.Equal(closed, Desk.Version(complaint));

        await Step("/complaints", Desk.Complaint("K-E3a", "C-E3"), HttpStatusCode.Created);
        await Step("/complaints", Desk.Complaint("K-E3b", "C-E3"), HttpStatusCode.Created);
        await Step("/complaints/K-E3a/merge", new { duplicate = "K-E3b" });
        var survivor = await Desk.GetAsync(Host.CreateClient(), "/complaints/K-E3a");
        var duplicate = await Desk.GetAsync(Host.CreateClient(), "/complaints/K-E3b");
        Assert.Equal("K-E3b", (string?)survivor["duplicates"]![0]);
        Assert.Equal("Merged", (string?)duplicate["status"]);
        Assert.Equal("K-E3a", (string?)duplicate["mergedInto"]);

        await Step("/complaints", Desk.Complaint("K-E3c", "C-E3"), HttpStatusCode.Created);
        await Step("/complaints/K-E3c/withdraw", new { reason = "settled" });
        await Step("/complaints", Desk.Complaint("K-E3d", "C-E3"), HttpStatusCode.Created);
        await Step("/complaints/K-E3d/register");
        await Step("/complaints/K-E3d/waive-callback", new { reason = "the customer asked not to be called" });
    }

    [Fact]
    public async Task Visits_WhenPlannedAndRecorded_ShowTheirAttemptsAndRating()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-E4"));
        var due = (Host.Clock.GetCurrentInstant() + Duration.FromDays(2)).ToString();
        await Step("/visits", new { id = "V-E4", customer = "C-E4", kind = "PhoneCallback", due, maxAttempts = 3 }, HttpStatusCode.Created);
        await Step("/visits/V-E4/attempts", new { outcome = "NoAnswer" });
        await Step("/visits/V-E4/attempts", new { outcome = "Reached" });
        await Step("/visits/V-E4/complete", new { overall = "VerySatisfied", performedBy = "staff-01", dimensions = new Dictionary<string, string> { ["repair"] = "Satisfied" } });
        var visit = await Desk.GetAsync(Host.CreateClient(), "/visits/V-E4");
        Assert.Equal("Completed", (string?)visit["status"]);
        Assert.Equal(2, visit["attempts"]!.AsArray().Count);

        await Step("/visits", new { id = "V-E4b", customer = "C-E4", kind = "OnSiteVisit", due, maxAttempts = 1 }, HttpStatusCode.Created);
        await Step("/visits/V-E4b/missed");
        await Step("/visits", new { id = "V-E4c", customer = "C-E4", kind = "OnSiteVisit", due, maxAttempts = 1 }, HttpStatusCode.Created);
        await Step("/visits/V-E4c/cancel", new { reason = "customer moved" });
    }

    [Fact]
    public async Task Dashboard_WhenCasesAreOpen_IsOnePageWithoutExternalAssets()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-E5"));
        await Step("/tickets", Desk.Ticket("T-E5", "C-E5", priority: "P1"), HttpStatusCode.Created);
        Host.Clock.Advance(Duration.FromHours(2));
        var response = await Host.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var section in new[] { "id=\"backlog\"", "id=\"breaches\"", "id=\"escalations\"", "id=\"compliance\"", "Promises broken today", "Promises kept this month", "Overdue" })
        {
            Assert.Contains(section, html, StringComparison.Ordinal);
        }

        foreach (var external in new[] { "<script", "src=", "href=", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("First reply to the customer", html, StringComparison.Ordinal);
    }
}
