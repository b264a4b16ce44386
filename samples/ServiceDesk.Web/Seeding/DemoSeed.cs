using System.Globalization;
using NodaTime;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Tiering;

namespace ServiceDesk.Web.Seeding;

/// <summary>
/// Fills an empty store before the host starts: from a JSON Lines event log (<c>--events</c>), or — the demo — from the
/// ServiceDesk sample's own simulation of the centre, cut in the middle of an afternoon so that cases are open, warned,
/// breached and escalated. Then sets the clock: <c>--at</c>, or for the demo the instant its events end.
/// </summary>
internal static class DemoSeed
{
    /// <summary>The demo: ten days of a centre with 500 customers (about 1,000 tickets), the sample's seed.</summary>
    private const int Days = 10;

    private const int Customers = 500;

    public static async Task PrepareAsync(WebApplication app, HostOptions options)
    {
        var store = app.Services.GetRequiredService<EventStore>();
        try
        {
            await store.InitializeAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new StartupException($"cannot open the store ({store.Description}): {e.Message}");
        }

        var repository = app.Services.GetRequiredService<CaseRepository>();
        var definitions = app.Services.GetRequiredService<DeskDefinitions>();
        // The demo is the store nobody named: a test host names its own file, so it never gets the demo.
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var demo = string.IsNullOrEmpty(configuration["ServiceDesk:Sqlite"]) && string.IsNullOrEmpty(configuration["ServiceDesk:Postgres"]);
        var existing = await store.CountAsync();
        if (options.Events is { } log)
        {
            if (existing > 0)
            {
                throw new StartupException($"--events {log}: the store ({store.Description}) already holds {existing:N0} events; seed an empty one.");
            }

            await SeedFromLogAsync(repository, definitions, log);
        }
        else if (demo && existing == 0)
        {
            await SeedDemoAsync(app.Services, repository, definitions);
        }

        var clock = app.Services.GetRequiredService<ClockSetting>();
        if (options.At is { } at)
        {
            clock.StartAt = at;
        }
        else if (demo || options.Events is not null)
        {
            clock.StartAt = await store.NewestEventAtAsync();
        }
    }

    private static async Task SeedFromLogAsync(CaseRepository repository, DeskDefinitions definitions, string log)
    {
        ReplayedCases replayed;
        try
        {
            await using var stream = File.OpenRead(log);
            replayed = EventLogReplay.Replay(stream, log, definitions.Loaded.Catalog, definitions.Calendars, definitions.Default);
        }
        catch (EventLogException e)
        {
            throw new StartupException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--events {log}: cannot read it: {e.Message}");
        }

        await SaveAsync(repository, replayed.Customers.Values, replayed.Tickets.Values, replayed.Complaints.Values, replayed.Visits.Values, Instant.MaxValue);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {replayed.Events:N0} events from {log}."));
    }

    private static async Task SeedDemoAsync(IServiceProvider services, CaseRepository repository, DeskDefinitions definitions)
    {
        var simulation = new ServiceDesk.Simulation(
            new ServiceDesk.SampleOptions(Seed: 7, Days: Days, Customers: Customers, Format: "text", Out: null, Help: false),
            services.GetRequiredService<ITierPolicy>(), services.GetRequiredService<EntitlementCatalog>(), services.GetRequiredService<ICallbackPolicy>(),
            services.GetRequiredService<CaseAssessor>());
        simulation.Run(definitions.Loaded.Catalog, definitions.Default, new Progress<string>());

        // Cut at 15:00 on the last day, in the centre's zone: what happened later has not happened yet.
        var lastDay = ServiceDesk.Simulation.Start.InZone(definitions.Zone).Date.PlusDays(Days - 1);
        var cut = lastDay.At(new LocalTime(15, 0)).InZoneLeniently(definitions.Zone).ToInstant();
        await SaveAsync(repository, simulation.Customers, simulation.Tickets, simulation.Complaints, simulation.Visits, cut);
        Console.Error.WriteLine($"Seeded the demo centre: {simulation.Customers.Count:N0} customers and {simulation.Tickets.Count(t => t.OpenedAt <= cut):N0} tickets up to {cut.InZone(definitions.Zone):yyyy-MM-dd HH:mm}.");
    }

    private static async Task SaveAsync(
        CaseRepository repository,
        IEnumerable<ServiceQuality.Domain.Customers.Customer> customers,
        IEnumerable<ServiceQuality.Domain.Tickets.Ticket> tickets,
        IEnumerable<ServiceQuality.Domain.Complaints.Complaint> complaints,
        IEnumerable<ServiceQuality.Domain.Visits.VisitRecord> visits,
        Instant cut)
    {
        IEnumerable<StreamAppend> appends =
        [
            .. customers.Select(c => repository.NewStream(CaseRepository.StreamOf(c.Id), CaseRepository.Customers, Until(c.History, cut))),
            .. tickets.Select(t => repository.NewStream(CaseRepository.StreamOf(t.Id), CaseRepository.Tickets, Until(t.History, cut))),
            .. complaints.Select(c => repository.NewStream(CaseRepository.StreamOf(c.Id), CaseRepository.Complaints, Until(c.History, cut))),
            .. visits.Select(v => repository.NewStream(CaseRepository.StreamOf(v.Id), CaseRepository.Visits, Until(v.History, cut))),
        ];
        foreach (var batch in appends.Where(a => a.Events.Count > 0).Chunk(500))
        {
            await repository.Store.AppendAsync(batch);
        }
    }

    private static List<TEvent> Until<TEvent>(IReadOnlyList<TEvent> history, Instant cut)
        where TEvent : IDomainEvent => [.. history.TakeWhile(e => e.OccurredAt <= cut)];
}
