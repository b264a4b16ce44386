// ServiceDesk: a month of a property-management service centre on the 2025 reference calendar, simulated through
// ServiceQuality's aggregates, SLA engine and policies, and reported.
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceDesk;
using ServiceQuality.Policies;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

var services = new ServiceCollection().AddServiceQuality(o =>
{
    o.Calendars[ServiceCentre.CalendarName] = ServiceCentre.Calendar;
    o.NotificationCalendar = ServiceCentre.CalendarName;
}).Services;
using var provider = services.BuildServiceProvider();

var timer = Stopwatch.StartNew();
var agreement = ServiceCentre.Agreement();
Cases cases;
if (options.Events is { } log)
{
    try
    {
        using var reader = File.OpenText(log);
        var replayed = EventLogReplay.Replay(reader, log, new Dictionary<string, ServiceLevelAgreement> { [agreement.Id.Value] = agreement });
        var instants = replayed.Tickets.Values.SelectMany(t => t.History).Select(e => e.OccurredAt)
            .Concat(replayed.Complaints.Values.SelectMany(c => c.History).Select(e => e.OccurredAt)).DefaultIfEmpty(Instant.FromUtc(2025, 1, 1, 0, 0)).ToList();
        cases = new Cases([.. replayed.Customers.Values], [.. replayed.Tickets.Values], [.. replayed.Complaints.Values], [.. replayed.Visits.Values], instants.Min(), instants.Max());
        Console.Error.WriteLine($"Replayed {replayed.Events:N0} events from {log}.");
    }
    catch (Exception e) when (e is EventLogException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}
else
{
    var simulation = new Simulation(options, provider.GetRequiredService<ITierPolicy>(), provider.GetRequiredService<EntitlementCatalog>(), provider.GetRequiredService<ICallbackPolicy>());
    simulation.Run(new SynchronousProgress(message => Console.Error.Write($"\r{message}    ")));
    Console.Error.WriteLine();
    cases = new Cases(simulation.Customers, simulation.Tickets, simulation.Complaints, simulation.Visits, Simulation.Start, simulation.End);
}

var at = options.At ?? cases.End + Duration.FromDays(7);
// A month gives each staff member hundreds of facts, so the centre scores them in smaller steps than the stock rules.
var scoring = new ScoringEngine(ScorecardDefinition.Default,
[
    ScoringRules.Points(FactKind.SlaMet, ScoringRules.ServiceSection, 0.05m, "sla.met"),
    ScoringRules.Points(FactKind.SlaMissed, ScoringRules.ServiceSection, -0.25m, "sla.missed"),
    ScoringRules.Points(FactKind.ComplaintSubstantiated, ScoringRules.ComplaintsSection, -4m, "complaint.substantiated"),
    ScoringRules.Points(FactKind.ComplaintPartlySubstantiated, ScoringRules.ComplaintsSection, -2m, "complaint.partly"),
    ScoringRules.Rating(ScoringRules.SatisfactionSection, 0.25m),
    ScoringRules.Points(FactKind.CallbackDone, ScoringRules.CallbacksSection, 0.01m, "callback.done"),
    ScoringRules.Points(FactKind.CallbackMissed, ScoringRules.CallbacksSection, -0.05m, "callback.missed"),
]);
var report = Report.Build(cases, agreement, provider.GetRequiredService<CaseAssessor>(), scoring, at);
var output = ReportWriter.Render(report, options.Format);
if (options.Out is { } path)
{
    File.WriteAllText(path, output);
    Console.Error.WriteLine($"Report written to {path}.");
}
else
{
    Console.WriteLine(output);
}

Console.Error.WriteLine($"Done in {timer.Elapsed.TotalSeconds:0.0} s.");
return 0;
