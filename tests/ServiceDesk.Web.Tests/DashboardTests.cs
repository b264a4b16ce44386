using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ServiceDesk.Web.Tests;

/// <summary>Where the dashboard's backlog places a case: by its most urgent clock's stage and due time.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly DeskFactory _host = new();

    public void Dispose()
    {
        _host.Dispose();
        DeskFactory.DeleteFiles(_host.File);
    }

    [Fact]
    public async Task Backlog_WhenAnOverdueCaseIsOnHold_CountsItAlreadyLateNotAfterTomorrow()
    {
        await _host.PostAsync("/customers", Desk.Customer("C-D1"));
        await Desk.OkAsync(await _host.PostAsync("/tickets", Desk.Ticket("T-D1", "C-D1")), HttpStatusCode.Created);
        await Desk.OkAsync(await _host.PostAsync("/tickets", Desk.Ticket("T-D2", "C-D1")), HttpStatusCode.Created);
        foreach (var id in new[] { "T-D1", "T-D2" })
        {
            await Desk.OkAsync(await _host.PostAsync($"/tickets/{id}/assign", new { assignee = "staff-02" }));
            await Desk.OkAsync(await _host.PostAsync($"/tickets/{id}/respond", new { by = "staff-02" }));
            await Desk.OkAsync(await _host.PostAsync($"/tickets/{id}/start"));
        }

        // Four working days later their 12-business-hour resolution promise is broken; then they wait for the customer.
        _host.Clock.Advance(Duration.FromDays(4));
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D1/hold", new { reason = "WaitingForCustomer" }));
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D2/refer", new { party = "lift maintenance contractor" }));
        var overdue = await Desk.GetAsync(_host.CreateClient(), "/tickets/T-D1");
        Assert.Contains(overdue["sla"]!.AsArray(), s => (string?)s!["metric"] == "Resolution" && (string?)s["state"] == "Missed" && s["dueAt"] is null);

        // T-D3 is on hold before its promise runs out: paused, with no due time while it waits.
        await Desk.OkAsync(await _host.PostAsync("/tickets", Desk.Ticket("T-D3", "C-D1")), HttpStatusCode.Created);
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D3/assign", new { assignee = "staff-02" }));
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D3/respond", new { by = "staff-02" }));
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D3/start"));
        await Desk.OkAsync(await _host.PostAsync("/tickets/T-D3/hold", new { reason = "WaitingForCustomer" }));

        var desk = _host.Services.GetRequiredService<Web.Desk>();
        var board = Dashboard.Dashboard.Of(desk, _host.Clock.GetCurrentInstant());

        Assert.Equal(3, board.OpenCases);
        Assert.Equal(2, board.Backlog.GetValueOrDefault(("Overdue", "already late")));
        Assert.Equal(0, board.Backlog.GetValueOrDefault(("Overdue", "after tomorrow")));
        Assert.Equal(1, board.Backlog.GetValueOrDefault(("On hold", Dashboard.Dashboard.NoDueTime)));
        Assert.Contains(Dashboard.Dashboard.NoDueTime, board.DueBands);
    }

    [Fact]
    public async Task CaseView_OfATicketWithOlasAndAContract_ShowsEveryAgreementsClocks()
    {
        await _host.PostAsync("/customers", Desk.Customer("C-D4"));
        var opened = await Desk.OkAsync(await _host.PostAsync("/tickets", Desk.Ticket("T-D4", "C-D4")), HttpStatusCode.Created);
        var others = opened["otherAgreements"]!.AsArray();
        Assert.NotEmpty(others);

        var ticket = await Desk.OkAsync(await _host.PostAsync("/tickets/T-D4/assign", new { assignee = "staff-02", department = "repairs" }));
        var clocks = ticket["sla"]!.AsArray();
        var agreements = clocks.Select(c => Desk.Text(c!["agreement"])).Distinct().ToList();
        Assert.Equal(1 + others.Count, agreements.Count);
        Assert.Contains(clocks, c => (string?)c!["kind"] == "ServiceLevel");
        Assert.Contains(clocks, c => (string?)c!["kind"] == "OperationalLevel");
        Assert.Contains(clocks, c => (string?)c!["kind"] == "UnderpinningContract");

        // The next look is the earliest instant any clock of any agreement changes (a stage or a deadline), not the SLA's alone.
        var next = NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)ticket["nextChangeAt"]!).Value;
        var olaDue = clocks.Where(c => (string?)c!["kind"] == "OperationalLevel" && c["dueAt"] is not null)
            .Select(c => NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)c!["dueAt"]!).Value).ToList();
        Assert.NotEmpty(olaDue);
        Assert.True(next <= olaDue.Min(), $"next change {next} is after an OLA's deadline {olaDue.Min()}");
    }
}
