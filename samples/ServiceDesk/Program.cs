// ServiceDesk: a month of a property-management service centre on the 2025 reference calendar, simulated through
// ServiceQuality's aggregates, SLA engine and policies, and reported.
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceDesk;
using ServiceQuality.Policies;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.DependencyInjection;
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

var agreement = ServiceCentre.Agreement();
var calendars = new Dictionary<string, BusinessCalendar> { [ServiceCentre.CalendarName] = ServiceCentre.Calendar };
LoadedDefinitions? definitions = null;
if (options.Definitions is { } definitionsFile)
{
    try
    {
        definitions = DefinitionsFile.Load(File.ReadAllBytes(definitionsFile));
        agreement = definitions.Agreements.Values.FirstOrDefault() ?? throw new InvalidDefinitionException("definitions file", [new DefinitionProblem("$.agreements", ProblemCode.MissingProperty, "at least one agreement is needed")]);
        calendars = new Dictionary<string, BusinessCalendar>(definitions.Calendars);
        var p = definitions.Policies;
        var sections = new (string Name, bool Set)[]
        {
            ("tiers", p.Tiers is not null),
            ("escalation", p.Ladder is not null || p.EscalationRules is not null || p.FrontLineLimit is not null || p.NotificationCalendar is not null),
            ("scoring", p.Scorecard is not null || p.ScoringRules is not null || p.Standings is not null),
            ("credits", p.Credits is not null),
            ("callbacks", p.Callbacks is not null),
        }.Where(s => s.Set).Select(s => s.Name).DefaultIfEmpty("none");
        Console.Error.WriteLine($"Loaded {definitions.Calendars.Count} calendars, {definitions.Agreements.Count} agreements and policies ({string.Join(", ", sections)}) from {definitionsFile}; using {agreement.Reference}.");
    }
    catch (InvalidDefinitionException e)
    {
        e.Lines().ToList().ForEach(line => Console.Error.WriteLine($"{definitionsFile}: {line}"));
        return 2;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{definitionsFile}: {e.Message}");
        return 2;
    }
}

// Tickets name the agreement they fall under; the first one is the default (complaints, KPI objectives, tickets without one).
IReadOnlyDictionary<string, ServiceLevelAgreement> agreements = definitions?.Agreements ?? new Dictionary<string, ServiceLevelAgreement> { [agreement.Id.Value] = agreement };
var builder = new ServiceCollection().AddServiceQuality(o =>
{
    foreach (var (name, calendar) in calendars)
    {
        o.Calendars[name] = calendar;
    }

    o.NotificationCalendar = agreement.CalendarName;
});
if (definitions is not null)
{
    try
    {
        builder.UseDefinitions(definitions);
    }
    catch (InvalidDefinitionException e)
    {
        e.Problems.ToList().ForEach(problem => Console.Error.WriteLine($"{options.Definitions}: {problem}"));
        return 2;
    }
}

var services = builder.Services;
using var provider = services.BuildServiceProvider();

var timer = Stopwatch.StartNew();
Cases cases;
if (options.Events is { } log)
{
    try
    {
        using var stream = File.OpenRead(log);
        var replayed = EventLogReplay.Replay(stream, log, agreements, calendars, agreement);
        var instants = replayed.Tickets.Values.SelectMany(t => t.History).Select(e => e.OccurredAt)
            .Concat(replayed.Complaints.Values.SelectMany(c => c.History).Select(e => e.OccurredAt)).DefaultIfEmpty(Instant.FromUtc(2025, 1, 1, 0, 0)).ToList();
        cases = new Cases([.. replayed.Customers.Values], [.. replayed.Tickets.Values], [.. replayed.Complaints.Values], [.. replayed.Visits.Values], instants.Min(), instants.Max());
        Console.Error.WriteLine($"Replayed {replayed.Events:N0} events from {log} in {timer.Elapsed.TotalSeconds:0.0} s.");
    }
    catch (Exception e) when (e is EventLogException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e is EventLogException ? e.Message : $"{log}: {e.Message}");
        return 2;
    }
}
else
{
    var simulation = new Simulation(
        options, provider.GetRequiredService<ITierPolicy>(), provider.GetRequiredService<EntitlementCatalog>(), provider.GetRequiredService<ICallbackPolicy>(),
        provider.GetRequiredService<CaseAssessor>());
    simulation.Run(agreement, new SynchronousProgress(message => Console.Error.Write($"\r{message}    ")));
    Console.Error.WriteLine();
    cases = new Cases(simulation.Customers, simulation.Tickets, simulation.Complaints, simulation.Visits, Simulation.Start, simulation.End);
}

var at = options.At ?? cases.End + Duration.FromDays(7);
// A month gives each staff member hundreds of facts, so the centre scores them in smaller steps than the stock rules
// (the same rules as the scoring section of data/definitions.json); a definitions file with scoring rules sets its own.
var scoring = definitions?.Policies.ScoringRules is not null ? provider.GetRequiredService<ScoringEngine>() : new ScoringEngine(ScorecardDefinition.Default,
[
    ScoringRules.Points(FactKind.SlaMet, ScoringRules.ServiceSection, 0.05m, "sla.met"),
    ScoringRules.Points(FactKind.SlaMissed, ScoringRules.ServiceSection, -0.25m, "sla.missed"),
    ScoringRules.Points(FactKind.ComplaintSubstantiated, ScoringRules.ComplaintsSection, -4m, "complaint.substantiated"),
    ScoringRules.Points(FactKind.ComplaintPartlySubstantiated, ScoringRules.ComplaintsSection, -2m, "complaint.partly"),
    ScoringRules.Rating(ScoringRules.SatisfactionSection, 0.25m),
    ScoringRules.Points(FactKind.CallbackDone, ScoringRules.CallbacksSection, 0.01m, "callback.done"),
    ScoringRules.Points(FactKind.CallbackMissed, ScoringRules.CallbacksSection, -0.05m, "callback.missed"),
]);
var report = Report.Build(cases, agreement, agreements, provider.GetRequiredService<CaseAssessor>(), scoring, provider.GetRequiredService<ServiceQualityOptions>().Standings, at);
if (options.Html is { } htmlPath)
{
    File.WriteAllText(htmlPath, HtmlReport.Render(report));
    Console.Error.WriteLine($"HTML report written to {htmlPath}.");
}

if (options.Out is { } path)
{
    using (var file = File.Create(path))
    {
        ReportWriter.Write(report, options.Format, file);
    }

    Console.Error.WriteLine($"Report written to {path}.");
}
else
{
    using var stdout = Console.OpenStandardOutput();
    ReportWriter.Write(report, options.Format, stdout);
}

Console.Error.WriteLine($"Done in {timer.Elapsed.TotalSeconds:0.0} s.");
return 0;
