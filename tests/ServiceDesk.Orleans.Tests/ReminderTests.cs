using NodaTime;
using ServiceDesk.Orleans.Grains;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceDesk.Orleans.Tests;

/// <summary>Cases driven by commands, escalated by their reminders as the desk's clock moves.</summary>
public sealed class ReminderTests : IDisposable
{
    /// <summary>Monday 3 March 2025, 09:00 in the centre.</summary>
    private static readonly Instant Start = new LocalDateTime(2025, 3, 3, 9, 0).InZoneStrictly(ServiceCentre.Zone).ToInstant();

    private readonly Centre _centre = new();

    [Fact]
    public async Task Escalations_ThroughReminders_EqualTheSingleProcessSchedulersWithTheSameClock()
    {
        await using var desk = await DeskCluster.StartAsync(Start);
        var tickets = new[]
        {
            Ticket("E-1", ServiceTier.Key, Priority.P1, Start, assign: false, respond: false),
            Ticket("E-2", ServiceTier.Ordinary, Priority.P3, Start + Duration.FromMinutes(1), assign: true, respond: false),
            Ticket("E-3", ServiceTier.Ordinary, Priority.P2, Start + Duration.FromMinutes(2), assign: true, respond: true),
        };
        var complaint = Complaint("K-1", Start + Duration.FromMinutes(3));

        // The commands, at their instants, through the grains and through the single-process host alike.
        var reference = new SingleProcessDesk(_centre, [], [], []);
        var recorded = 0;
        foreach (var command in tickets.SelectMany(t => t).Cast<IDomainEvent>().Concat(complaint).OrderBy(e => e.OccurredAt))
        {
            desk.MoveClockTo(command.OccurredAt);
            _ = command is TicketEvent t
                ? await desk.Client.GetGrain<ITicketGrain>(t.TicketId.Value).Execute(t)
                : await desk.Client.GetGrain<IComplaintGrain>(((ComplaintEvent)command).ComplaintId.Value).Execute((ComplaintEvent)command);
            recorded += reference.Execute(command);
        }

        var ids = reference.Tickets.Keys.Concat(reference.Complaints.Keys).ToList();
        await DeskCluster.Eventually(() => Settled(desk, reference, ids, desk.Now), "every reminder due fired", Nudge(desk, reference, () => recorded++));

        // Step by step to each instant the single-process scheduler wakes at: before the clock gets there, every case's
        // durable reminder is set for the instant the scheduler will look at it next (none for a closed case); after, the
        // grains have recorded the same escalations.
        while (reference.NextDueAt is { } next && next <= Start + Duration.FromDays(3))
        {
            foreach (var id in ids)
            {
                var state = await State(desk, id);
                Assert.True(reference.ScheduledAt(id) == state.NextLook, $"{id} at {next}: the scheduler looks at {reference.ScheduledAt(id)}, the reminder is for {state.NextLook}");
                var reminders = await desk.Journal.ReadRemindersAsync("grain LIKE $id", ("$id", $"%/{id}"));
                Assert.Equal(state.NextLook?.ToDateTimeUtc().Ticks, reminders.SingleOrDefault()?.StartAt);
            }

            recorded += reference.RunUntil(next).Count;
            desk.MoveClockTo(next);
            await DeskCluster.Eventually(
                () => Settled(desk, reference, ids, desk.Now), $"every reminder due by {next} fired and the grains' histories equal the single-process scheduler's", Nudge(desk, reference, () => recorded++));
        }

        Assert.True(recorded >= 4, $"the cases escalated {recorded} times in three days; the test needs escalations to compare");
    }

    public void Dispose() => _centre.Dispose();

    private static async Task<CaseState> State(DeskCluster desk, string id) =>
        id.StartsWith('K') ? await desk.Client.GetGrain<IComplaintGrain>(id).State() : await desk.Client.GetGrain<ITicketGrain>(id).State();

    /// <summary>Moves the clock on a minute, and the single-process host with it.</summary>
    private static Action Nudge(DeskCluster desk, SingleProcessDesk reference, Action escalated) => () =>
    {
        desk.MoveClockTo(desk.Now + Duration.FromMinutes(1));
        foreach (var _ in reference.RunUntil(desk.Now))
        {
            escalated();
        }
    };

    /// <summary>Whether every reminder due by <paramref name="at"/> has fired and the histories are the scheduler's.</summary>
    private static async Task<bool> Settled(DeskCluster desk, SingleProcessDesk reference, List<string> ids, Instant at) =>
        (await Task.WhenAll(ids.Select(id => State(desk, id)))).All(s => s.NextLook is null || s.NextLook > at) && await desk.HoldsAsync(reference);

    /// <summary>A ticket's commands as the events they record: opened under the catalogue's choice, maybe assigned and answered.</summary>
    private List<TicketEvent> Ticket(string id, ServiceTier tier, Priority priority, Instant opened, bool assign, bool respond)
    {
        var (ticket, customer, staff) = (new TicketId(id), new CustomerId($"C-{id}"), ServiceCentre.Staff[12]);
        var chosen = _centre.Catalog.Select(CaseProfile.ForTicket(tier, customer, TicketKind.RepairRequest, Channel.Phone, priority), opened);
        List<TicketEvent> commands =
        [
            new TicketOpened(ticket, opened, customer, TicketKind.RepairRequest, Channel.Phone, priority, ServiceCentre.Staff[0], tier, chosen[0].Reference, false)
            {
                OtherAgreements = [.. chosen.Skip(1).Select(a => a.Reference)],
            },
        ];
        if (assign)
        {
            commands.Add(new TicketAssigned(ticket, opened + Duration.FromMinutes(5), staff, new DepartmentId(ServiceCentre.TeamOf(staff))));
        }

        if (respond)
        {
            commands.Add(new ResponseRecorded(ticket, opened + Duration.FromMinutes(20), staff, IsPublic: true));
            commands.Add(new TicketWorkStarted(ticket, opened + Duration.FromMinutes(25)));
        }

        return commands;
    }

    /// <summary>A major complaint, received and registered, then left alone.</summary>
    private List<ComplaintEvent> Complaint(string id, Instant received)
    {
        var (complaint, customer) = (new ComplaintId(id), new CustomerId($"C-{id}"));
        var chosen = _centre.Catalog.Select(CaseProfile.ForComplaint(ServiceTier.Ordinary, customer, ComplaintCategory.ServiceAttitude, Channel.Phone, Severity.Major), received);
        return
        [
            new ComplaintReceived(complaint, received, customer, Channel.Phone, ComplaintCategory.ServiceAttitude, Severity.Major, null, null, null, null, true)
            {
                CustomerTier = ServiceTier.Ordinary,
                Agreement = chosen.Count > 0 ? chosen[0].Reference : null,
                OtherAgreements = [.. chosen.Skip(1).Select(a => a.Reference)],
            },
            new ComplaintRegistered(complaint, received + Duration.FromMinutes(10)),
        ];
    }
}
