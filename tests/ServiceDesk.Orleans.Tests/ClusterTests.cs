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
        await using var desk = await DeskCluster.StartAsync(cases.Start);

        await Replay.RunAsync(desk.Client, cases, _centre.Zone);
        var gathered = await ClusterCases.CollectAsync(desk.Client);
        var actual = new MemoryStream();
        Assert.Equal(0, await OrleansApp.ReportAsync(gathered, [], _directory.FullName, actual, TextWriter.Null));

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(actual.ToArray()));
        var silos = await Task.WhenAll(cases.Tickets.Select(t => desk.Client.GetGrain<ITicketGrain>(t.Id.Value).State()));
        Assert.Equal(2, silos.Select(s => s.Silo).Distinct().Count());
    }

    [Fact]
    public async Task Replay_WhenASiloIsKilledMidway_LosesNoEventAndTheSurvivorFiresTheReminders()
    {
        // The centre as it stood at 15:00 on the second day: cases open, some about to escalate.
        var month = MonthCases();
        var cut = month.Start.InZone(_centre.Zone).Date.PlusDays(1).At(new LocalTime(15, 0)).InZoneStrictly(_centre.Zone).ToInstant();
        var cases = Cut(month, cut);
        await using var desk = await DeskCluster.StartAsync(cases.Start);
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

        // The clock moves on a week: the reminders of the open cases fire on the survivor, and every case ends
        // as the single-process scheduler leaves it.
        var reference = new SingleProcessDesk(_centre, cases.Tickets, cases.Complaints, cases.Customers);
        var horizon = cut + Duration.FromDays(7);
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

    private Cases MonthCases() => OrleansApp.Read(OrleansApp.Simulate([.. Month], Path.Combine(_directory.FullName, "month.jsonl"), TextWriter.Null), _centre);
}
