using System.Net;
using System.Text.Json.Nodes;
using NodaTime;

namespace ServiceDesk.Web.Tests;

/// <summary>Many agents on one ticket at once: the store's (stream, version) key decides, and no event is lost or written twice.</summary>
public sealed class ConcurrencyTests(SharedDesk shared) : IClassFixture<SharedDesk>
{
    private const int Agents = 24;

    private DeskFactory Host => shared.Factory;

    [Fact]
    public async Task Transfers_WhenManyAgentsSendTheVersionTheyRead_ExactlyOneIsStored()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-C1"));
        await Desk.OkAsync(await Host.PostAsync("/tickets", Desk.Ticket("T-C1", "C-C1")), HttpStatusCode.Created);
        Host.Clock.Advance(Duration.FromMinutes(1));
        var read = Desk.Version(await Desk.OkAsync(await Host.PostAsync("/tickets/T-C1/assign", new { assignee = "staff-01" })));

        Host.Clock.Advance(Duration.FromMinutes(1));
        var responses = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => Host.PostAsync("/tickets/T-C1/transfer", new { to = $"staff-{10 + i}" }, ifMatch: read)));

        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(accepted);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await Desk.ProblemAsync(refused, HttpStatusCode.Conflict, "ConcurrencyConflict");
        }

        var winner = await Desk.OkAsync(accepted[0]);
        var ticket = await Desk.GetAsync(Host.CreateClient(), "/tickets/T-C1");
        Assert.Equal((string?)winner["assignee"], (string?)ticket["assignee"]);
        Assert.Equal([1, 2, 3], await Host.Store.ReadVersionsAsync("ticket/T-C1"));
    }

    [Fact]
    public async Task Responses_WhenManyAgentsSendThemAtOnce_EachIsStoredOnceOrRefused()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-C2"));
        await Desk.OkAsync(await Host.PostAsync("/tickets", Desk.Ticket("T-C2", "C-C2")), HttpStatusCode.Created);
        Host.Clock.Advance(Duration.FromMinutes(1));
        await Desk.OkAsync(await Host.PostAsync("/tickets/T-C2/assign", new { assignee = "staff-01" }));

        Host.Clock.Advance(Duration.FromMinutes(1));
        var responses = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => Host.PostAsync("/tickets/T-C2/respond", new { by = $"staff-{10 + i}", isPublic = true })));

        var versions = new List<int>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                versions.Add(Desk.Version(await Desk.OkAsync(response)));
            }
            else
            {
                await Desk.ProblemAsync(response, HttpStatusCode.Conflict, "ConcurrencyConflict");
            }
        }

        // Each accepted command got its own version, right after the ones before it; the stream holds exactly those.
        Assert.NotEmpty(versions);
        Assert.Equal([.. Enumerable.Range(3, versions.Count)], versions.Order());
        Assert.Equal([.. Enumerable.Range(1, 2 + versions.Count)], await Host.Store.ReadVersionsAsync("ticket/T-C2"));
        var ticket = await Desk.GetAsync(Host.CreateClient(), "/tickets/T-C2");
        Assert.Equal(2 + versions.Count, Desk.Version(ticket));
    }

    [Fact]
    public async Task Store_WhenTwoWritersAppendTheSameVersion_RefusesTheSecondAndKeepsTheFirst()
    {
        var store = Host.Store;
        await store.InitializeAsync();
        var first = new Store.StreamAppend("test/S-1", "test", 0, [new Store.NewEvent(1, "{\"n\":1}")]);
        var second = new Store.StreamAppend("test/S-1", "test", 0, [new Store.NewEvent(2, "{\"n\":2}")]);
        await store.AppendAsync([first]);
        var conflict = await Assert.ThrowsAsync<Store.ConcurrencyConflictException>(() => store.AppendAsync([second]));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(["{\"n\":1}"], await store.ReadStreamAsync("test/S-1"));
        _ = JsonNode.Parse((await store.ReadStreamAsync("test/S-1"))[0]);
    }

    [Fact]
    public async Task Store_WhenAppendsArriveTogether_RefusesEachStaleOneAloneAndKeepsTheOthers()
    {
        var store = Host.Store;
        await store.InitializeAsync();

        // Two writers per stream, both expecting the empty stream: written together, so most share a transaction.
        var appends = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            new Store.StreamAppend($"test/B-{i}", "test", 0, [new Store.NewEvent(1, $"{{\"stream\":{i},\"writer\":1}}")]),
            new Store.StreamAppend($"test/B-{i}", "test", 0, [new Store.NewEvent(1, $"{{\"stream\":{i},\"writer\":2}}"), new Store.NewEvent(2, "{}")]),
        }).ToList();
        var outcomes = await Task.WhenAll(appends.Select(async a =>
        {
            try
            {
                await store.AppendAsync([a]);
                return (a, Stored: true);
            }
            catch (Store.ConcurrencyConflictException e) when (e.Stream == a.Stream)
            {
                return (a, Stored: false);
            }
        }));

        foreach (var stream in outcomes.GroupBy(o => o.a.Stream))
        {
            var winner = Assert.Single(stream, o => o.Stored).a;
            Assert.Equal([.. winner.Events.Select(e => e.Data)], await store.ReadStreamAsync(stream.Key));
        }
    }

    [Fact]
    public async Task Command_OnAHostWhoseCopyIsStale_IsRefusedThenSucceedsOnTheStoredVersion()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-C3"));
        await Desk.OkAsync(await Host.PostAsync("/tickets", Desk.Ticket("T-C3", "C-C3")), HttpStatusCode.Created);
        Assert.Equal(1, Desk.Version(await Desk.GetAsync(Host.CreateClient(), "/tickets/T-C3")));

        // A second host on the same database (another process) moves the ticket on; the first still holds version 1.
        using (var other = new DeskFactory(Host.File, Host.Clock))
        {
            await Desk.OkAsync(await other.PostAsync("/tickets/T-C3/assign", new { assignee = "staff-02" }));
        }

        await Desk.ProblemAsync(await Host.PostAsync("/tickets/T-C3/assign", new { assignee = "staff-03" }), HttpStatusCode.Conflict, "ConcurrencyConflict");
        var retried = await Desk.OkAsync(await Host.PostAsync("/tickets/T-C3/transfer", new { to = "staff-03" }));

        Assert.Equal(3, Desk.Version(retried));
        Assert.Equal("staff-03", (string?)retried["assignee"]);
        Assert.Equal([1, 2, 3], await Host.Store.ReadVersionsAsync("ticket/T-C3"));
    }
}
