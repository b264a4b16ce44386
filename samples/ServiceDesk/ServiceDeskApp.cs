using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Json;
using ServiceQuality.Policies;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.DependencyInjection;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceDesk;

/// <summary>
/// ServiceDesk: a month of a property-management service centre on the 2025 reference calendar, simulated through
/// ServiceQuality's aggregates, SLA engine and policies (or replayed from an event log), and reported.
/// </summary>
/// <remarks>
/// Every problem with the command line, an input or an output ends the run with one message on standard error (one
/// line, or one line per problem of a definitions file, each escaped) and exit status 2; files are written only when
/// the whole run succeeded. Status 1 is left for a fault of the sample itself.
/// </remarks>
public static class ServiceDeskApp
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the sample on the process's standard output and standard error.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit status: 0 done, 2 a problem with the command line, an input or an output.</returns>
    public static int Run(string[] args)
    {
        using var stdout = StandardOutput.Open();
        return Run(args, stdout, Console.Error);
    }

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the report goes without <c>--out</c> (and <c>--help</c>'s text).</param>
    /// <param name="stderr">Where progress and problems go.</param>
    /// <returns>The exit status: 0 done, 2 a problem with the command line, an input or an output, 1 a fault of the sample.</returns>
    public static int Run(string[] args, Stream stdout, TextWriter stderr) => Run(args, stdout, stderr, amend: null);

    /// <summary>
    /// Runs the sample, letting a host replace parts of the report before it is written (the Orleans sample puts in the
    /// compliance its cluster aggregated; a test reads the report as data).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the report goes without <c>--out</c> (and <c>--help</c>'s text).</param>
    /// <param name="stderr">Where progress and problems go.</param>
    /// <param name="amend">Given the report as built, returns the report to write; null writes it as built.</param>
    /// <returns>The exit status, as <see cref="Run(string[], Stream, TextWriter)"/>.</returns>
    internal static int Run(string[] args, Stream stdout, TextWriter stderr, Func<Report, Report>? amend)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            Execute(SampleOptions.Parse(args), stdout, stderr, amend);
            return 0;
        }
        catch (SampleException e)
        {
            foreach (var line in e.Lines)
            {
                Messages.Say(stderr, line);
            }

            return 2;
        }
        catch (Exception e)
        {
            // The last resort of a command-line tool: one line, never a stack trace.
            Messages.Say(stderr, $"ServiceDesk failed unexpectedly ({e.GetType().Name}): {e.Message}");
            return 1;
        }
    }

    private static void Execute(SampleOptions options, Stream stdout, TextWriter stderr, Func<Report, Report>? amend)
    {
        if (options.Help)
        {
            ToStandardOutput(stdout, stream => stream.Write(Utf8.GetBytes(SampleOptions.Usage + "\n")));
            return;
        }

        using var files = OutputFiles.Prepare(
            new (string, string?)[] { ("--out", options.Out), ("--html", options.Html), ("--export-events", options.ExportEvents) }.Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!)),
            new (string, string?)[] { ("--definitions", options.Definitions), ("--events", options.Events) }.Where(i => i.Item2 is not null).Select(i => (i.Item1, i.Item2!)));

        var catalog = new AgreementCatalog(ServiceCentre.Agreements());
        var agreement = catalog.Versions[0];
        var calendars = new Dictionary<string, BusinessCalendar> { [ServiceCentre.CalendarName] = ServiceCentre.Calendar };
        LoadedDefinitions? definitions = null;
        if (options.Definitions is { } definitionsFile)
        {
            definitions = LoadDefinitions(definitionsFile);
            catalog = definitions.Catalog;
            // The catalogue lists the specific before the general (the first that covers a case is its SLA); the default, whose
            // KPI objectives the report checks, is the first with objectives.
            agreement = catalog.Versions.FirstOrDefault(v => v.Objectives.Count > 0) ?? (catalog.Versions.Count > 0 ? catalog.Versions[0] : null)
                ?? throw new SampleException($"{definitionsFile}: $.agreements: at least one agreement is needed");
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
            Messages.Say(stderr, $"Loaded {definitions.Calendars.Count} calendars, {definitions.Agreements.Count} agreements ({catalog.Versions.Count} versions) and policies ({string.Join(", ", sections)}) from {definitionsFile}; cases take the agreements the catalogue selects, {agreement.Reference} first.");
        }

        var supported = SupportedRange(calendars.Values);
        if (options.At is { } requested && !supported.Contains(requested))
        {
            throw new SampleException($"--at {requested} is outside the calendars' supported range, {supported.Start} to {supported.End} (local years 1900-2199).");
        }

        // Cases record the agreements the catalogue selects for them when they open; the default agreement serves for the KPI
        // objectives and cases without one. A replayed log gives each case the versions its lines name (in an older log that
        // names an agreement by id only, the version in force when the case opened and the catalogue's choice beside it).
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
            builder.UseDefinitions(definitions);
        }

        using var provider = builder.Services.BuildServiceProvider();
        try
        {
            // What a generic host does when it starts: every problem of the options the definitions lead to, at once.
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new SampleException([.. e.Failures.Select(failure => $"{options.Definitions ?? "options"}: {failure}")]);
        }

        var timer = Stopwatch.StartNew();
        List<(string Section, TimeSpan Elapsed)> simulationLaps = [];
        Cases cases;
        if (options.Events is { } log)
        {
            cases = Replay(log, catalog, calendars, agreement, stderr, timer);
            if (cases.Start < supported.Start || cases.End >= supported.End)
            {
                throw new SampleException($"{log}: the cases run from {cases.Start} to {cases.End}, outside the calendars' supported range, {supported.Start} to {supported.End} (local years 1900-2199).");
            }

            // A case that names no agreement is measured by the default agreement's version in force when it began; a
            // version applies only to the cases that begin while it is in force, so a case from before has none.
            var unmeasurable = cases.Tickets.Where(t => t.Agreement is null).Select(t => (Kind: "ticket", t.Id.Value, Start: t.History[0].OccurredAt))
                .Concat(cases.Complaints.Where(c => c.Agreement is null).Select(c => (Kind: "complaint", c.Id.Value, Start: c.History[0].OccurredAt)))
                .FirstOrDefault(c => catalog.VersionInForce(agreement.Id, c.Start) is null);
            if (unmeasurable.Kind is not null)
            {
                throw new SampleException(
                    $"{log}: {unmeasurable.Kind} '{unmeasurable.Value}' names no agreement and began at {unmeasurable.Start}, when no version of the default agreement {agreement.Id} was in force; name the agreement it falls under.");
            }
        }
        else
        {
            var simulation = new Simulation(
                options, provider.GetRequiredService<ITierPolicy>(), provider.GetRequiredService<EntitlementCatalog>(), provider.GetRequiredService<ICallbackPolicy>(),
                provider.GetRequiredService<CaseAssessor>(), provider.GetRequiredService<ITrustPolicy>(), CalendarLookup.From(calendars));
            simulation.Run(catalog, agreement, new SynchronousProgress(message => Messages.Progress(stderr, message)));
            simulationLaps = simulation.Laps;
            Messages.Say(stderr, string.Empty);
            cases = Cases.Of(simulation.Customers, simulation.Tickets, simulation.Complaints, simulation.Visits);
        }

        var at = options.At ?? cases.End + Duration.FromDays(7);
        if (at < cases.Start)
        {
            throw new SampleException($"--at {at} is before the first case, at {cases.Start}; evaluate at or after it.");
        }

        if (!supported.Contains(at))
        {
            throw new SampleException($"The evaluation instant {at}, a week after the last event, is outside the calendars' supported range; give --at within {supported.Start} to {supported.End}.");
        }

        // A month gives each staff member hundreds of facts, so the centre scores them in smaller steps than the stock rules
        // (the same rules as the scoring section of data/definitions.json); a definitions file with scoring rules sets its own,
        // and likewise for service credits (ServiceCentre.Credits, the credits section of that file).
        var scoring = definitions?.Policies.ScoringRules is not null ? provider.GetRequiredService<ScoringEngine>() : new ScoringEngine(ScorecardDefinition.Default,
        [
            ScoringRules.Points(FactKind.SlaMet, ScoringRules.ServiceSection, 0.01m, "sla.met"),
            ScoringRules.Points(FactKind.SlaMissed, ScoringRules.ServiceSection, -0.2m, "sla.missed"),
            ScoringRules.Points(FactKind.ComplaintSubstantiated, ScoringRules.ComplaintsSection, -4m, "complaint.substantiated"),
            ScoringRules.Points(FactKind.ComplaintPartlySubstantiated, ScoringRules.ComplaintsSection, -2m, "complaint.partly"),
            ScoringRules.Rating(ScoringRules.SatisfactionSection, 0.25m),
            ScoringRules.Points(FactKind.CallbackDone, ScoringRules.CallbacksSection, 0.01m, "callback.done"),
            ScoringRules.Points(FactKind.CallbackMissed, ScoringRules.CallbacksSection, -0.5m, "callback.missed"),
        ]);
        var simulated = timer.Elapsed;
        var laps = new List<(string Section, TimeSpan Elapsed)>();
        var report = Report.Build(
            cases, agreement, catalog, calendars, provider.GetRequiredService<CaseAssessor>(), scoring, provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value.Standings,
            definitions?.Policies.Credits is not null ? provider.GetRequiredService<IServiceCreditPolicy>() : ServiceCentre.Credits, provider.GetRequiredService<ITrustPolicy>(), at,
            options.Cases, laps);
        report = amend?.Invoke(report) ?? report;

        var reported = timer.Elapsed - simulated;
        if (options.Timings)
        {
            // Measurements vary from run to run, so they go to standard error and never into the report. The evaluation is
            // the library's work on each case at the cut (clocks under every agreement, escalation decision).
            var evaluated = report.Totals.Tickets + report.Totals.Complaints;
            var evaluation = laps.FirstOrDefault(s => s.Section == "evaluation").Elapsed;

            // Each case is evaluated under every agreement it recorded (its SLA, the teams' OLAs, the contract): the number
            // to compare with the library's one-agreement benchmark.
            var agreementEvaluations =
                cases.Tickets.Where(t => t.History[0].OccurredAt <= at).Sum(t => Math.Max(1, catalog.Recorded(t).Count))
                + cases.Complaints.Where(c => c.History[0].OccurredAt <= at).Sum(c => Math.Max(1, catalog.Recorded(c).Count));
            Messages.Say(stderr, string.Create(
                CultureInfo.InvariantCulture,
                $"Timings: {(options.Events is null ? "simulation" : "replay")} {simulated.TotalSeconds:0.000} s{(simulationLaps.Count > 0 ? $" ({string.Join(", ", simulationLaps.Select(s => $"{s.Section} {s.Elapsed.TotalSeconds:0.000} s"))})" : string.Empty)}; report {reported.TotalSeconds:0.000} s ({string.Join(", ", laps.Select(s => $"{s.Section} {s.Elapsed.TotalSeconds:0.000} s"))}); {evaluated:N0} cases evaluated at {evaluated / Math.Max(evaluation.TotalSeconds, 1e-9):N0} cases/s ({agreementEvaluations:N0} evaluations under one agreement each, {agreementEvaluations / Math.Max(evaluation.TotalSeconds, 1e-9):N0}/s); process CPU time so far {Environment.CpuUsage.TotalTime.TotalSeconds:0.000} s, of which garbage-collection pauses {GC.GetTotalPauseDuration().TotalSeconds:0.000} s ({GC.GetTotalAllocatedBytes() / 1e9:0.00} GB allocated){(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? $" and compiling {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} s" : ", native code (nothing compiled at run time)")}."));
        }

        // Everything is written to temporary files (or the console) first; the files replace their targets only at the end.
        if (options.ExportEvents is not null)
        {
            files.Write("--export-events", stream =>
            {
                using var writer = new EventLogWriter(stream, leaveOpen: true);
                writer.WriteCases(cases.Customers, cases.Tickets, cases.Complaints, cases.Visits);
            });
        }

        if (options.Html is not null)
        {
            files.Write("--html", stream => stream.Write(Utf8.GetBytes(HtmlReport.Render(report))));
        }

        if (options.Out is not null)
        {
            files.Write("--out", stream => ReportWriter.Write(report, options.Format, stream));
        }
        else
        {
            ToStandardOutput(stdout, stream => ReportWriter.Write(report, options.Format, stream));
        }

        files.Commit();
        foreach (var (option, path) in new[] { ("Event log", options.ExportEvents), ("HTML report", options.Html), ("Report", options.Out) })
        {
            if (path is not null)
            {
                Messages.Say(stderr, $"{option} written to {path}.");
            }
        }

        Messages.Say(stderr, string.Create(CultureInfo.InvariantCulture, $"Done in {timer.Elapsed.TotalSeconds:0.0} s."));
    }

    private static LoadedDefinitions LoadDefinitions(string path)
    {
        var text = ReadInput("--definitions", path, File.ReadAllBytes);
        try
        {
            return DefinitionsFile.Load(text);
        }
        catch (InvalidDefinitionException e)
        {
            throw new SampleException([.. e.Lines().Select(line => $"{path}: {line}")]);
        }
    }

    private static Cases Replay(
        string log, AgreementCatalog catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars,
        AgreementVersion defaultAgreement, TextWriter stderr, Stopwatch timer)
    {
        using var reader = ReadInput("--events", log, File.OpenRead);
        ReplayedCases replayed;
        try
        {
            replayed = EventLogReplay.Replay(reader, log, catalog, calendars, defaultAgreement);
        }
        catch (EventLogException e)
        {
            throw new SampleException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SampleException($"{log}: cannot be read: {OutputFiles.Reason(e)}", e);
        }

        Messages.Say(stderr, string.Create(CultureInfo.InvariantCulture, $"Replayed {replayed.Events:N0} events from {log} in {timer.Elapsed.TotalSeconds:0.0} s."));
        return Cases.Of(
            replayed.Customers.Values, replayed.Tickets.Values, replayed.Complaints.Values, replayed.Visits.Values);
    }

    /// <summary>Opens or reads an input file, with one message for each way that can fail.</summary>
    private static T ReadInput<T>(string option, string path, Func<string, T> read)
    {
        if (FileSystemEntry.Of(path).Kind == EntryKind.Directory)
        {
            throw new SampleException($"{option} {path} is a directory; name a file.");
        }

        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SampleException($"{path}: cannot be read: {(e is ArgumentException or NotSupportedException ? "not a valid path" : OutputFiles.Reason(e))}", e);
        }
    }

    private static void ToStandardOutput(Stream stdout, Action<Stream> write)
    {
        if (!stdout.CanWrite)
        {
            throw new SampleException("standard output: cannot be written: it is closed");
        }

        try
        {
            write(stdout);
            stdout.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            throw new SampleException($"standard output: cannot be written: {(e is IOException ? OutputFiles.Reason(e) : "it is closed")}", e);
        }
    }

    /// <summary>The instants every calendar answers for.</summary>
    internal static Interval SupportedRange(IEnumerable<BusinessCalendar> calendars)
    {
        var ranges = calendars.Select(c => c.SupportedRange).DefaultIfEmpty(BusinessCalendar.AlwaysOpen.SupportedRange).ToList();
        return new Interval(ranges.Max(r => r.Start), ranges.Min(r => r.End));
    }
}
