using System.Text;
using NodaTime;
using ServiceDesk.Orleans.Client;
using ServiceDesk.Orleans.Grains;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceDesk.Orleans.Tests;

/// <summary>The sample's month replayed into two silos: the same report, and nothing lost when a silo dies mid-replay.</summary>
public sealed class ClusterTests : IDisposable
{
    /// <summary>A small month (two days, 300 customers: about 120 tickets) keeps each cluster test to seconds.</summary>
    private static readonly string[] Month = ["--seed", "11", "--days", "2", "--customers", "300"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("servicedesk-orleans-month-");
    private readonly Centre _centre = new();

    [Fact]
    public async Task Report_FromTheGrainsOfTwoSilos_EqualsTheSingleProcessSamplesReport()
    {
        var expected = new MemoryStream();
        Assert.Equal(0, ServiceDeskApp.Run(Month, expected, TextWriter.Null));
        var cases = MonthCases();
        var cut = OrleansApp.Cut(null, cases, _centre);
        await using var desk = await DeskCluster.StartAsync(cases.Start, cut);

        await Replay.RunAsync(desk.Client, cases, _centre.Zone);
        var gathered = await ClusterCases.CollectAsync(desk.Client);
        var compliance = await ClusterCompliance.CollectAsync(desk.Client, _centre, cut);
        var actual = new MemoryStream();
        Assert.Equal(0, await OrleansApp.ReportAsync(gathered, compliance, [], _directory.FullName, actual, TextWriter.Null));

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(actual.ToArray()));
        var silos = await Task.WhenAll(cases.Tickets.Select(t => desk.Client.GetGrain<ITicketGrain>(t.Id.Value).State()));
        Assert.Equal(2, silos.Select(s => s.Silo).Distinct().Count());
    }

    [Fact]
    public async Task Compliance_AggregatedByTheReadModelOfTwoSilos_EqualsTheSingleProcessSamplesTables()
    {
        // A cut in the middle of the second day: later events do not count, later cases are left out, and many clocks run.
        var cases = MonthCases();
        var cut = cases.Start.InZone(_centre.Zone).Date.PlusDays(1).At(new LocalTime(12, 0)).InZoneStrictly(_centre.Zone).ToInstant();
        var expected = SampleTables(Month, cut);
        Assert.Contains(expected.Compliance, row => row.Running > 0);
        Assert.Contains(expected.Compliance, row => row.Met > 0);
        Assert.Contains(expected.Compliance, row => row.Missed > 0);
        await using var desk = await DeskCluster.StartAsync(cases.Start, cut);

        await Replay.RunAsync(desk.Client, cases, _centre.Zone);
        var compliance = await ClusterCompliance.CollectAsync(desk.Client, _centre, cut);

        Assert.Equal(expected.Compliance, compliance.Rows);
        Assert.Equal(expected.ComplianceByKind, compliance.ByKind);
        var opened = cases.Tickets.Count(t => t.History[0].OccurredAt <= cut) + cases.Complaints.Count(c => c.History[0].OccurredAt <= cut);
        Assert.Equal(opened, compliance.Cases);
        Assert.True(opened < cases.Tickets.Count + cases.Complaints.Count, "the cut leaves the later cases out");
        Assert.Equal(2, await ReadModelSilos(desk));
    }

    [Fact]
    public async Task Replay_WhenASiloIsKilledMidway_LosesNoEventAndTheSurvivorFiresTheReminders()
    {
        // The centre as it stood at 15:00 on the second day: cases open, some about to escalate.
        var month = MonthCases();
        var cut = month.Start.InZone(_centre.Zone).Date.PlusDays(1).At(new LocalTime(15, 0)).InZoneStrictly(_centre.Zone).ToInstant();
        var cases = Cut(month, cut);
        // The read model counts the cases as they stand a week on, when the reminders have escalated them.
        var horizon = cut + Duration.FromDays(7);
        await using var desk = await DeskCluster.StartAsync(cases.Start, horizon);
        Assert.Equal(2, await ReadModelSilos(desk));
        var killed = desk.Cluster.Silos[1];
        var onKilled = new HashSet<string>(StringComparer.Ordinal);

        // Killed when the first day of cases is in: the second day goes to the survivor alone.
        await Replay.RunAsync(desk.Client, cases, _centre.Zone, async day =>
        {
            if (day == cases.Start.InZone(_centre.Zone).Date)
            {
                foreach (var ticket in cases.Tickets)
                {
                    if ((await desk.Client.GetGrain<ITicketGrain>(ticket.Id.Value).State()).Silo == killed.SiloAddress.ToString())
                    {
                        onKilled.Add(ticket.Id.Value);
                    }
                }

                await desk.Cluster.KillSiloAsync(killed);
            }
        });

        // No event lost: every stream in the grains and in the journal is the month's.
        Assert.NotEmpty(onKilled);
        foreach (var ticket in cases.Tickets)
        {
            Assert.Equal<TicketEvent>(ticket.History, await desk.Client.GetGrain<ITicketGrain>(ticket.Id.Value).History());
        }

        foreach (var complaint in cases.Complaints)
        {
            Assert.Equal<ComplaintEvent>(complaint.History, await desk.Client.GetGrain<IComplaintGrain>(complaint.Id.Value).History());
        }

        var events = cases.Customers.Sum(c => c.History.Count) + cases.Tickets.Sum(t => t.History.Count) + cases.Complaints.Sum(c => c.History.Count) + cases.Visits.Sum(v => v.History.Count);
        Assert.Equal(events + cases.Complaints.Count, await desk.Journal.CountAsync()); // and one receipt per complaint

        // The read model's partitions on the dead silo rebuilt themselves from the journal on the survivor: the compliance
        // they aggregate is the sample's for the same cases.
        var afterReplay = SampleTables(cases, horizon);
        var aggregated = await ClusterCompliance.CollectAsync(desk.Client, _centre, horizon);
        Assert.Equal(afterReplay.Compliance, aggregated.Rows);
        Assert.Equal(afterReplay.ComplianceByKind, aggregated.ByKind);

        // The clock moves on a week: the reminders of the open cases fire on the survivor, and every case ends
        // as the single-process scheduler leaves it.
        var reference = new SingleProcessDesk(_centre, cases.Tickets, cases.Complaints, cases.Customers);
        var escalations = reference.RunUntil(horizon);
        Assert.Contains(escalations, e => onKilled.Contains(e.Case));
        desk.MoveClockTo(horizon);
        await DeskCluster.Eventually(
            () => desk.HoldsAsync(reference),
            $"the {escalations.Count} escalations of the single-process scheduler recorded by the grains' reminders",
            () =>
            {
                desk.MoveClockTo(desk.Now + Duration.FromMinutes(1));
                escalations.AddRange(reference.RunUntil(desk.Now));
            });
        foreach (var id in escalations.Select(e => e.Case).Where(onKilled.Contains).Distinct())
        {
            Assert.NotEqual(killed.SiloAddress.ToString(), (await desk.Client.GetGrain<ITicketGrain>(id).State()).Silo);
        }

        // The escalations the reminders recorded reached the read model, which counted each escalated case again; an
        // escalation moves no SLA clock, so its compliance is still the sample's for the cases as the scheduler left them.
        var sizes = await Task.WhenAll(Enumerable.Range(0, Streams.ShardCount).Select(shard => desk.Client.GetGrain<IReadModelShard>(shard).Size()));
        Assert.Equal(await desk.Journal.CountAsync() - cases.Complaints.Count, sizes.Sum(s => s.Events));
        var escalated = SampleTables(Cases.Of(cases.Customers, reference.Tickets.Values, reference.Complaints.Values, cases.Visits), horizon);
        var final = await ClusterCompliance.CollectAsync(desk.Client, _centre, horizon);
        Assert.Equal(escalated.Compliance, final.Rows);
        Assert.Equal(escalated.ComplianceByKind, final.ByKind);
    }

    public void Dispose()
    {
        _centre.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>The cases as they stood at <paramref name="cut"/>: what happened later has not happened yet.</summary>
    private static Cases Cut(Cases cases, Instant cut)
    {
        List<TEvent> Until<TEvent>(IReadOnlyList<TEvent> history)
            where TEvent : ServiceQuality.Domain.Common.IDomainEvent => [.. history.TakeWhile(e => e.OccurredAt <= cut)];
        return Cases.Of(
            cases.Customers.Where(c => c.History[0].OccurredAt <= cut).Select(c => Customer.FromHistory(Until(c.History))),
            cases.Tickets.Where(t => t.History[0].OccurredAt <= cut).Select(t => Ticket.FromHistory(Until(t.History))),
            cases.Complaints.Where(c => c.History[0].OccurredAt <= cut).Select(c => Complaint.FromHistory(Until(c.History))),
            cases.Visits.Where(v => v.History[0].OccurredAt <= cut).Select(v => VisitRecord.FromHistory(Until(v.History))));
    }

    /// <summary>The compliance tables of the single-process sample's report of the month at <paramref name="at"/>.</summary>
    private static Report SampleTables(IEnumerable<string> month, Instant at)
    {
        Report? report = null;
        Assert.Equal(0, ServiceDeskApp.Run([.. month, "--at", NodaTime.Text.InstantPattern.ExtendedIso.Format(at)], Stream.Null, TextWriter.Null, built => report = built));
        return report!;
    }

    /// <summary>The compliance tables of the single-process sample's report of <paramref name="cases"/> (as an event log) at <paramref name="at"/>.</summary>
    private Report SampleTables(Cases cases, Instant at)
    {
        var log = Path.Combine(_directory.FullName, $"cases-{Guid.NewGuid():N}.jsonl");
        using (var stream = File.Create(log))
        {
            using var writer = new ServiceQuality.Json.EventLogWriter(stream, leaveOpen: true);
            writer.WriteCases(cases.Customers, cases.Tickets, cases.Complaints, cases.Visits);
        }

        return SampleTables(["--events", log], at);
    }

    /// <summary>On how many silos the read model's partitions are active.</summary>
    private static async Task<int> ReadModelSilos(DeskCluster desk)
    {
        await Task.WhenAll(Enumerable.Range(0, Streams.ShardCount).Select(shard => desk.Client.GetGrain<IReadModelShard>(shard).Size()));
        var statistics = await desk.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(nameof(ReadModelShard), StringComparison.Ordinal) && s.ActivationCount > 0).Select(s => s.SiloAddress).Distinct().Count();
    }

    private Cases MonthCases() => OrleansApp.Read(OrleansApp.Simulate([.. Month], Path.Combine(_directory.FullName, "month.jsonl"), TextWriter.Null), _centre);
}
