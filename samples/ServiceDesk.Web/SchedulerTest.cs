using System.Diagnostics;
using System.Globalization;
using NodaTime;
using ServiceDesk.Web.Scheduling;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceDesk.Web;

/// <summary>
/// <c>--scheduler-test N</c>: measures the scheduler's wake-up with N open cases. On a new SQLite file it stores N open
/// tickets opened during the half hour before 14:00 on a working day (P2, P3 and P4, each under the catalogue's SLA, OLAs
/// and contract), starts the host on a clock it moves by hand, and lets the scheduler rebuild its queue from the store.
/// Then it moves the clock to the queue's earliest instant, again and again, and times each step of the scheduler
/// (<see cref="EscalationScheduler.RunDueAsync"/>, what its loop runs when it wakes: take the due cases, assess them, record
/// the escalations in the store and reschedule) until a number of steps have recorded an escalation. Not part of the tests.
/// </summary>
internal static class SchedulerTest
{
    private const int EscalationSteps = 500;

    private const int MaxSteps = 20_000;

    /// <summary>Wednesday 22 January 2025, 14:00 in Shanghai: the clock's start, after the cases were opened.</summary>
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 22, 6, 0);

    public static async Task<int> RunAsync(int cases)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicedesk-scheduler-{Guid.NewGuid():N}.db");
        var clock = new HandClock(Start);
        var options = new HostOptions(file, null, null, null, null, false, ["--urls", "http://127.0.0.1:0", "--ServiceDesk:Scheduler", "manual"]);
        await using var app = ServiceDeskHost.Build(options, services => services.AddSingleton<IClock>(clock));
        try
        {
            var desk = app.Services.GetRequiredService<Desk>();
            var store = app.Services.GetRequiredService<EventStore>();
            var scheduler = app.Services.GetRequiredService<EscalationScheduler>();
            await store.InitializeAsync();

            var watch = Stopwatch.StartNew();
            await FillAsync(desk, cases);
            var filled = watch.Elapsed;

            watch.Restart();
            await app.StartAsync();
            var rebuilt = watch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {cases:N0} open tickets stored in {filled.TotalSeconds:0.0} s; the scheduler rebuilt its queue from the store in {rebuilt.TotalSeconds:0.0} s: {scheduler.Scheduled:N0} cases scheduled, the first at {scheduler.NextDueAt}
                """));

            // The first half hour after the start only moves warning stages (50 % of a first reply): one sweep, timed apart.
            watch.Restart();
            var early = await scheduler.RunDueAsync(Start + Duration.FromMinutes(59));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one sweep to 14:59 (every case's 50 % stage): {watch.Elapsed.TotalSeconds:0.0} s, {early} escalations, {scheduler.Scheduled:N0} still scheduled"));

            var withEscalation = new List<double>();
            var without = new List<double>();
            var escalations = 0;
            for (var step = 0; step < MaxSteps && withEscalation.Count < EscalationSteps && scheduler.NextDueAt is { } due; step++)
            {
                clock.Now = due;
                var started = Stopwatch.GetTimestamp();
                var recorded = await scheduler.RunDueAsync(due);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                (recorded > 0 ? withEscalation : without).Add(ms);
                escalations += recorded;
            }

            var events = await store.CountAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {withEscalation.Count + without.Count:N0} wake-ups at the queue's earliest instant, {scheduler.Scheduled:N0} cases scheduled:
                  {withEscalation.Count:N0} recorded {escalations:N0} escalations: wake-up to the escalation stored p50 {Percentile(withEscalation, 0.50):0.00} ms, p99 {Percentile(withEscalation, 0.99):0.00} ms, max {Percentile(withEscalation, 1):0.00} ms
                  {without.Count:N0} only rescheduled: p50 {Percentile(without, 0.50):0.00} ms, p99 {Percentile(without, 0.99):0.00} ms, max {Percentile(without, 1):0.00} ms
                store: {events:N0} events, {bytes / 1048576.0:0.0} MiB; process working set {Environment.WorkingSet / 1048576.0:0} MiB
                """));
            return withEscalation.Count > 0 ? 0 : 1;
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

    /// <summary>Stores the open tickets directly, a thousand streams a transaction (what a seed or an import does).</summary>
    private static async Task FillAsync(Desk desk, int cases)
    {
        var repository = desk.Repository;
        var spacing = Duration.FromMinutes(30) / cases;
        Priority[] priorities = [Priority.P2, Priority.P3, Priority.P4];
        for (var first = 0; first < cases; first += 1000)
        {
            var batch = new List<StreamAppend>(1000);
            for (var i = first; i < Math.Min(cases, first + 1000); i++)
            {
                var opened = Start - Duration.FromMinutes(30) + (spacing * i);
                var customer = new CustomerId($"C-{i % 5000:0000}");
                var priority = priorities[i % priorities.Length];
                var (sla, others) = desk.Definitions.Choose(CaseProfile.ForTicket(ServiceTier.Ordinary, customer, TicketKind.RepairRequest, Channel.Hotline, priority), opened);
                var ticket = Ticket.Open(
                    new TicketId($"T-{i:000000}"), customer, TicketKind.RepairRequest, Channel.Hotline, priority, new StaffId($"staff-{i % 40 + 1:00}"),
                    ServiceTier.Ordinary, opened, sla, otherAgreements: others);
                batch.Add(repository.NewStream(CaseRepository.StreamOf(ticket.Id), CaseRepository.Tickets, ticket.UncommittedEvents));
            }

            await repository.Store.AppendAsync(batch);
        }
    }

    private static double Percentile(List<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class HandClock(Instant start) : IClock
    {
        public Instant Now { get; set; } = start;

        public Instant GetCurrentInstant() => Now;
    }
}
