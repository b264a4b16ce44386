using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ServiceDesk.Web.Store;

namespace ServiceDesk.Web;

/// <summary>
/// <c>--load-test N</c>: starts the host on 127.0.0.1 on a new SQLite file and drives N tickets through the HTTP API, each
/// opened, assigned, answered, started, resolved and closed (six commands), from 32 concurrent clients, stopping after ten
/// minutes at the latest; prints the throughput, the latency percentiles and the store's size. Not part of the tests.
/// </summary>
internal static class LoadTest
{
    private const int Clients = 32;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(int tickets)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicedesk-load-{Guid.NewGuid():N}.db");
        var options = new HostOptions(file, null, null, null, null, false, ["--urls", "http://127.0.0.1:0"], null);
        await using var app = ServiceDeskHost.Build(options);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            for (var c = 0; c < 100; c++)
            {
                (await http.PostAsJsonAsync("/customers", new { id = $"C-{c:000}", name = $"Household {c}", tier = "ordinary", customerSince = "2020-01-01" })).EnsureSuccessStatusCode();
            }

            var latencies = new long[tickets * 6];
            var recorded = 0;
            var next = -1;
            var failures = 0;
            var clock = Stopwatch.StartNew();
            async Task Client()
            {
                while (clock.Elapsed < Limit && Interlocked.Increment(ref next) is var i && i < tickets)
                {
                    var id = $"T-{i:000000}";
                    var staff = $"staff-{i % 40 + 1:00}";
                    // The bodies are written by hand, so the clients' own JSON work does not take CPU from the host.
                    (string Path, string Body)[] commands =
                    [
                        ("/tickets", $$"""{"id":"{{id}}","customer":"C-{{i % 100:000}}","kind":"RepairRequest","channel":"Hotline","priority":"P3","firstContactOwner":"{{staff}}"}"""),
                        ($"/tickets/{id}/assign", $$"""{"assignee":"{{staff}}"}"""),
                        ($"/tickets/{id}/respond", $$"""{"by":"{{staff}}"}"""),
                        ($"/tickets/{id}/start", "{}"),
                        ($"/tickets/{id}/resolve", $$"""{"by":"{{staff}}"}"""),
                        ($"/tickets/{id}/close", "{}"),
                    ];
                    foreach (var (path, body) in commands)
                    {
                        var started = Stopwatch.GetTimestamp();
                        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                        using var response = await http.PostAsync(path, content);
                        latencies[Interlocked.Increment(ref recorded) - 1] = Stopwatch.GetTimestamp() - started;
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(Client)));
            var seconds = clock.Elapsed.TotalSeconds;
            var done = latencies.AsSpan(0, recorded).ToArray();
            Array.Sort(done);
            double Ms(double quantile) => done.Length == 0 ? 0 : done[Math.Min(done.Length - 1, (int)(quantile * done.Length))] * 1000.0 / Stopwatch.Frequency;
            var events = await app.Services.GetRequiredService<EventStore>().CountAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {Math.Min(next + 1, tickets):N0} tickets, {recorded:N0} commands ({failures:N0} refused) from {Clients} clients in {seconds:0.0} s: {recorded / seconds:N0} commands/s
                latency p50 {Ms(0.50):0.0} ms, p99 {Ms(0.99):0.0} ms, max {Ms(1.0 - 1e-12):0.0} ms
                store: {events:N0} events, {bytes / 1048576.0:0.0} MiB on SQLite ({bytes / Math.Max(1, events):N0} bytes an event)
                """));
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
