using System.Diagnostics;
using System.Globalization;
using NodaTime;
using ServiceDesk.Orleans.Client;
using ServiceDesk.Orleans.Grains;
using ServiceDesk.Orleans.Hosting;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceDesk.Orleans;

/// <summary>
/// The bounded load run: N new tickets through the grains' commands on the two-silo cluster — opened under the agreement
/// the catalogue chooses, assigned, answered (three commands, three journal appends and at least one reminder each) — and
/// left open, so each holds its activation, its read-model copy and one reminder at its next change. Prints commands a
/// second, cases a second and the managed heap per case (both silos and the client share this process).
/// </summary>
internal static class LoadRun
{
    private const int InFlight = 1024;

    public static async Task<LoadResult> RunAsync(int count, string journalFile, int port, Centre centre, TextWriter stderr)
    {
        // Production's configuration: the system clock, reminders armed only as they come near (Orleans' loading window).
        // Each command is dated when it is sent, as a live desk's are, so each case's reminder lies minutes or hours ahead.
        // The read model counts the cases at the end of the month after this one (a reporting period that is still open,
        // so every ticket left open counts as running or missed by then, as a live desk's month-end projection would).
        var today = SystemClock.Instance.GetCurrentInstant().InZone(centre.Zone).Date;
        var cut = today.With(DateAdjusters.StartOfMonth).PlusMonths(2).AtStartOfDayInZone(centre.Zone).ToInstant();
        await using var cluster = await LocalCluster.StartAsync(journalFile, clock: null, port, cut);
        var client = cluster.Client;
        // Warm up (code paths, connections) on a few cases, then measure the heap from there.
        await Drive(client, centre, 0, 64);
        var (before, rssBefore) = (Heap(), Environment.WorkingSet);
        var timer = Stopwatch.StartNew();
        await Drive(client, centre, 64, count);
        var elapsed = timer.Elapsed;
        var (after, rssAfter) = (Heap(), Environment.WorkingSet);
        var placement = await Placement.DescribeAsync(client);
        timer.Restart();
        var compliance = await ClusterCompliance.CollectAsync(client, centre, cut);
        var result = new LoadResult(count, 3L * count, elapsed, (after - before) / (double)count, (rssAfter - rssBefore) / (double)count, placement,
            compliance.Cases, compliance.Groups.Sum(g => g.Total), timer.Elapsed);
        Messages.Say(stderr, result.ToString());
        return result;
    }

    private static async Task Drive(IGrainFactory grains, Centre centre, int from, int count) =>
        await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, _) =>
        {
            var id = new TicketId(string.Create(CultureInfo.InvariantCulture, $"L-{i:0000000}"));
            var grain = grains.GetGrain<ITicketGrain>(id.Value);
            var clock = SystemClock.Instance;
            var opened = clock.GetCurrentInstant();
            var customer = new CustomerId(string.Create(CultureInfo.InvariantCulture, $"C-{i % 5000:00000}"));
            var (tier, priority) = (i % 20 == 0 ? ServiceTier.Key : ServiceTier.Ordinary, (Priority)(1 + (i % 4)));
            var kind = (TicketKind)(i % 6);
            var chosen = centre.Catalog.Select(CaseProfile.ForTicket(tier, customer, kind, Channel.Phone, priority), opened);
            var staff = ServiceCentre.Staff[i % ServiceCentre.Staff.Length];
            await Replay.Retried(() => grain.Execute(new TicketOpened(id, opened, customer, kind, Channel.Phone, priority, staff, tier, chosen.Count > 0 ? chosen[0].Reference : null, false)
            {
                OtherAgreements = [.. chosen.Skip(1).Select(a => a.Reference)],
            }));
            await Replay.Retried(() => grain.Execute(new TicketAssigned(id, clock.GetCurrentInstant(), staff, new DepartmentId(ServiceCentre.TeamOf(staff)))));
            await Replay.Retried(() => grain.Execute(new ResponseRecorded(id, clock.GetCurrentInstant(), staff, IsPublic: true)));
        });

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>What a load run measured.</summary>
internal sealed record LoadResult(
    int Cases, long Commands, TimeSpan Elapsed, double HeapBytesPerCase, double WorkingSetBytesPerCase, string Placement, int CountedCases, long CountedClocks, TimeSpan Collected)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Load: {Cases:N0} tickets, {Commands:N0} commands in {Elapsed.TotalSeconds:0.0} s: {Commands / Elapsed.TotalSeconds:N0} commands/s, {Cases / Elapsed.TotalSeconds:N0} cases/s; managed heap {HeapBytesPerCase / 1024:N1} KiB and working set {WorkingSetBytesPerCase / 1024:N1} KiB per open case (two silos and the client in one process); {Placement}; the read model's compliance of {CountedCases:N0} cases ({CountedClocks:N0} clocks) summed from its partitions in {Collected.TotalSeconds:0.00} s.");
}
