using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;

namespace ServiceDesk.Web.Tests;

/// <summary>
/// The scheduler driven by a fake clock: a working day of tickets and complaints whose escalations fall due at different
/// instants, stepped from one due instant to the next, with and without a restart of the host in the middle of the day.
/// </summary>
public sealed class SchedulerTests
{
    /// <summary>14:00 in Shanghai on the test day: the restart.</summary>
    private static readonly Instant Midday = Instant.FromUtc(2025, 1, 22, 6, 0);

    /// <summary>21:00 in Shanghai: the end of the day driven.</summary>
    private static readonly Instant Evening = Instant.FromUtc(2025, 1, 22, 13, 0);

    private static readonly string[] Tickets = ["T-S1", "T-S2", "T-S3", "T-S4", "T-S5", "T-S6"];

    private static readonly string[] Complaints = ["K-S1", "K-S2", "K-S3"];

    /// <summary>What agents do during the day, at fixed instants, whichever host is running then.</summary>
    private static IReadOnlyList<(Instant At, string Path, object? Body)> Day()
    {
        var start = DeskFactory.Morning;
        Instant At(int minutes) => start + Duration.FromMinutes(minutes);
        return
        [
            (At(0), "/customers", Desk.Customer("C-S1", "key")),
            (At(0), "/customers", Desk.Customer("C-S2")),
            (At(1), "/tickets", Desk.Ticket("T-S1", "C-S2", "P1")),
            (At(2), "/tickets", Desk.Ticket("T-S2", "C-S2", "P2", onSite: true)),
            (At(3), "/tickets", Desk.Ticket("T-S3", "C-S1", "P3")),
            (At(4), "/tickets", Desk.Ticket("T-S4", "C-S2", "P4")),
            (At(5), "/complaints", Desk.Complaint("K-S1", "C-S2", "Major")),
            (At(6), "/complaints", Desk.Complaint("K-S2", "C-S2")),
            (At(30), "/tickets/T-S4/assign", new { assignee = "staff-04" }),
            (At(45), "/tickets/T-S4/respond", new { by = "staff-04", isPublic = true }),
            (At(60), "/complaints/K-S2/register", null),
            (At(100), "/tickets/T-S3/assign", new { assignee = "staff-03" }),
            (At(101), "/tickets/T-S3/start", null),
            (At(200), "/tickets", Desk.Ticket("T-S5", "C-S2", "P2")),
            (At(260), "/tickets/T-S2/assign", new { assignee = "staff-02" }),
            (At(300), "/tickets", Desk.Ticket("T-S6", "C-S1", "P1")),
            (At(310), "/complaints", Desk.Complaint("K-S3", "C-S1", "Critical")),
            (At(420), "/tickets/T-S3/hold", new { reason = "WaitingForCustomer" }),
        ];
    }

    [Fact]
    public async Task EscalationsOfADay_WithARestartAtMidday_AreTheSameAsWithout()
    {
        var straight = await RunDayAsync(restartAt: null);
        var restarted = await RunDayAsync(restartAt: Midday);

        Assert.True(straight.Count(e => e.Value.Count > 0) >= 5, $"the day should escalate most cases: {Describe(straight)}");
        Assert.Contains(straight.Values.SelectMany(e => e), e => e.At > Midday);
        Assert.Equal(Describe(straight), Describe(restarted));
    }

    [Fact]
    public async Task Scheduler_WhenNothingIsDue_RecordsNothingAndSchedulesOpenCasesOnly()
    {
        using var host = new DeskFactory();
        try
        {
            _ = host.Services;
            await host.PostAsync("/customers", Desk.Customer("C-S9"));
            await Desk.OkAsync(await host.PostAsync("/tickets", Desk.Ticket("T-S9", "C-S9", "P4")), HttpStatusCode.Created);
            await Desk.OkAsync(await host.PostAsync("/tickets/T-S9/cancel", new { reason = "duplicate" }));
            await Desk.OkAsync(await host.PostAsync("/tickets", Desk.Ticket("T-S10", "C-S9", "P4")), HttpStatusCode.Created);

            Assert.Equal(0, await host.Scheduler.RunDueAsync(host.Clock.GetCurrentInstant()));
            Assert.Equal(1, host.Scheduler.Scheduled);
            Assert.True(host.Scheduler.NextDueAt > host.Clock.GetCurrentInstant());
        }
        finally
        {
            host.Dispose();
            DeskFactory.DeleteFiles(host.File);
        }
    }

    [Fact]
    public async Task BackgroundLoop_WhenACommandOpensAnUrgentCase_WakesAndRecordsTheEscalation()
    {
        using var host = new DeskFactory(background: true);
        try
        {
            _ = host.Services;
            await host.PostAsync("/customers", Desk.Customer("C-S8", "key"));
            await Desk.OkAsync(await host.PostAsync("/complaints", Desk.Complaint("K-S8", "C-S8", "Critical")), HttpStatusCode.Created);

            // The fake clock stands still: only the wake-up signal of the command can make the loop look at the case.
            var level = 0;
            for (var attempt = 0; attempt < 200 && level == 0; attempt++)
            {
                await Task.Delay(50);
                level = (int)(await Desk.GetAsync(host.CreateClient(), "/complaints/K-S8"))["escalation"]!["level"]!;
            }

            Assert.True(level > 0, "the loop never recorded the escalation the policy decides for a critical complaint");
        }
        finally
        {
            host.Dispose();
            DeskFactory.DeleteFiles(host.File);
        }
    }

    /// <summary>Drives the day from one instant to the next (an agent's action or the scheduler's next due case) and reads every case's escalations.</summary>
    private static async Task<Dictionary<string, List<(int Level, string Target, string Reason, Instant At)>>> RunDayAsync(Instant? restartAt)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicedesk-day-{Guid.NewGuid():N}.db");
        var clock = new FakeClock(DeskFactory.Morning);
        var host = new DeskFactory(file, clock);
        try
        {
            _ = host.Services;
            var actions = new Queue<(Instant At, string Path, object? Body)>(Day());
            var restarted = restartAt is null;
            for (var steps = 0; steps < 10_000; steps++)
            {
                var due = host.Scheduler.NextDueAt;
                var next = actions.Count > 0 && (due is null || actions.Peek().At <= due) ? actions.Peek().At : due;
                if (next is not { } at || at > Evening)
                {
                    break;
                }

                if (!restarted && at > restartAt)
                {
                    // Stop the host with the day half done and start a new one on the same file, at the same instant.
                    host.Dispose();
                    host = new DeskFactory(file, new FakeClock(clock.GetCurrentInstant()));
                    clock = host.Clock;
                    _ = host.Services;
                    restarted = true;
                    continue;
                }

                clock.Reset(Instant.Max(at, clock.GetCurrentInstant()));
                while (actions.Count > 0 && actions.Peek().At <= at)
                {
                    var (_, path, body) = actions.Dequeue();
                    var response = await host.PostAsync(path, body);
                    Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
                }

                await host.Scheduler.RunDueAsync(clock.GetCurrentInstant());
            }

            var escalations = new Dictionary<string, List<(int, string, string, Instant)>>();
            foreach (var path in Tickets.Select(t => $"/tickets/{t}").Concat(Complaints.Select(k => $"/complaints/{k}")))
            {
                var view = await Desk.GetAsync(host.CreateClient(), path);
                escalations[path] = [.. view["escalation"]!["track"]!.AsArray().Select(Escalation)];
            }

            return escalations;
        }
        finally
        {
            host.Dispose();
            DeskFactory.DeleteFiles(file);
        }
    }

    private static (int, string, string, Instant) Escalation(JsonNode? e) =>
        ((int)e!["level"]!, (string)e["target"]!, (string)e["reason"]!, NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)e["escalatedAt"]!).Value);

    private static string Describe(Dictionary<string, List<(int Level, string Target, string Reason, Instant At)>> escalations) =>
        string.Join("; ", escalations.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(", ", e.Value.Select(x => $"{x.Level} {x.Reason} at {x.At}"))}"));
}
