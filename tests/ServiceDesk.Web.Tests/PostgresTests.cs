using System.Net;
using NodaTime;
using ServiceDesk.Web.Store;

namespace ServiceDesk.Web.Tests;

/// <summary>Runs only against a real PostgreSQL server named by <c>SERVICEDESK_POSTGRES</c> (an Npgsql connection string); skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SERVICEDESK_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set: no PostgreSQL server to test the store against (set it to an Npgsql connection string to run these tests).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}

/// <summary>The same store and the same API on PostgreSQL: the same table, the same refusal of a stale version.</summary>
public sealed class PostgresTests
{
    /// <summary>The database outlives a run: every run uses its own ids.</summary>
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [PostgresFact]
    public async Task Store_OnPostgres_RefusesTheSecondWriterOfAVersionAndKeepsTheFirst()
    {
        using var store = new PostgresEventStore(PostgresFactAttribute.ConnectionString!);
        await store.InitializeAsync();
        await store.InitializeAsync();
        var stream = $"test/PG-{_run}";
        await store.AppendAsync([new StreamAppend(stream, "test", 0, [new NewEvent(1, "{\"n\":1}"), new NewEvent(2, "{\"n\":2}")])]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.AppendAsync([new StreamAppend(stream, "test", 1, [new NewEvent(3, "{\"n\":3}")])]));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal([1, 2], await store.ReadVersionsAsync(stream));
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], await store.ReadStreamAsync(stream));
    }

    [PostgresFact]
    public async Task Api_OnPostgres_StoresEveryCommandAndRefusesConcurrentStaleOnes()
    {
        using var host = new DeskFactory(postgres: PostgresFactAttribute.ConnectionString);
        try
        {
            var (customer, ticket) = ($"C-PG-{_run}", $"T-PG-{_run}");
            await Desk.OkAsync(await host.PostAsync("/customers", Desk.Customer(customer)), HttpStatusCode.Created);
            await Desk.OkAsync(await host.PostAsync("/tickets", Desk.Ticket(ticket, customer)), HttpStatusCode.Created);
            host.Clock.Advance(Duration.FromMinutes(1));
            var read = Desk.Version(await Desk.OkAsync(await host.PostAsync($"/tickets/{ticket}/assign", new { assignee = "staff-01" })));

            var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => host.PostAsync($"/tickets/{ticket}/transfer", new { to = $"staff-{10 + i}" }, ifMatch: read)));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await Desk.ProblemAsync(refused, HttpStatusCode.Conflict, "ConcurrencyConflict");
            }

            var responded = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => host.PostAsync($"/tickets/{ticket}/respond", new { by = "staff-01" })));
            var accepted = responded.Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responded, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.Equal([.. Enumerable.Range(1, 3 + accepted)], await host.Store.ReadVersionsAsync($"ticket/{ticket}"));
            Assert.Equal(3 + accepted, Desk.Version(await Desk.GetAsync(host.CreateClient(), $"/tickets/{ticket}")));
            Assert.Contains("backlog", await host.CreateClient().GetStringAsync("/"), StringComparison.Ordinal);
        }
        finally
        {
            host.Dispose();
            DeskFactory.DeleteFiles(host.File);
        }
    }
}
