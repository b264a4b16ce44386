using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using ServiceDesk.Orleans.Client;
using ServiceDesk.Orleans.Grains;
using ServiceDesk.Orleans.Hosting;
using ServiceQuality.Json;

namespace ServiceDesk.Orleans;

/// <summary>
/// ServiceDesk on Orleans: starts a two-silo cluster on 127.0.0.1, replays the ServiceDesk sample's simulated month (or an
/// event log) into it — every customer, ticket, complaint and visit a grain of its own — gathers the cases back from the
/// cluster's read model and prints the sample's report of them; or, with <c>--load N</c>, drives N new tickets through
/// the grains' commands and prints the throughput and memory per case.
/// </summary>
/// <remarks>Exit status: 0 done, 2 a problem with the command line or an input, 1 anything else (a port in use, say).</remarks>
public static class OrleansApp
{
    public const string Usage = """
        ServiceDesk.Orleans — the ServiceDesk sample's centre on a two-silo Orleans cluster on 127.0.0.1.

        Usage: dotnet run --project samples/ServiceDesk.Orleans -c Release [-- options]

          --port N          the first silo's port (default 11111; the second silo takes N+1, the gateways N+100 and N+101)
          --journal FILE    the SQLite file the silos share for events and reminders (default: a new temporary file,
                            removed at the end); it must not exist yet
          --load N          instead of a replay: open N tickets (1 to 1000000) through the grains' commands (open,
                            assign, respond: three each), leave them open with their reminders set, and print the
                            throughput and the memory per case on standard error

        Every other option is the ServiceDesk sample's (see its --help): --seed, --days, --customers and --smoke choose the
        simulated month replayed into the cluster, --events FILE a JSON Lines event log instead, and --format, --out,
        --html, --at and --cases the report, which is the sample's own report of the cases the cluster holds — the same
        bytes as the sample prints for the same options. --definitions is not supported: the silos run the sample's
        built-in centre.
        """;

    public static async Task<int> RunAsync(string[] args) => await RunAsync(args, Console.OpenStandardOutput(), Console.Error);

    public static async Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return await ExecuteAsync(args, stdout, stderr);
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
            // The last resort of a command-line tool (a port in use, a cluster that would not start): one line, status 1.
            Messages.Say(stderr, $"ServiceDesk.Orleans failed ({e.GetType().Name}): {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ExecuteAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        var (port, journal, load, sample) = ParseOwn(args);
        if (sample.Contains("--help") || sample.Contains("-h"))
        {
            await stdout.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Usage + "\n"));
            return 0;
        }

        var options = SampleOptions.Parse(sample);
        if (options.Definitions is not null)
        {
            throw new SampleException("--definitions is not supported here: the silos run the ServiceDesk sample's built-in centre.");
        }

        if (options.ExportEvents is not null || options.Timings)
        {
            throw new SampleException($"{(options.Timings ? "--timings" : "--export-events")} is the single-process sample's; run ServiceDesk for it.");
        }

        var temporary = Directory.CreateTempSubdirectory("servicedesk-orleans-");
        try
        {
            var journalFile = journal ?? Path.Combine(temporary.FullName, "journal.db");
            if (File.Exists(journalFile))
            {
                throw new SampleException($"--journal {journalFile} already exists; name a new file (the replay writes a centre from scratch).");
            }

            using var centre = new Centre();
            if (load is { } count)
            {
                await LoadRun.RunAsync(count, journalFile, port, centre, stderr);
                return 0;
            }

            var timer = Stopwatch.StartNew();
            var log = options.Events ?? Simulate(sample, Path.Combine(temporary.FullName, "month.jsonl"), stderr);
            var cases = Read(log, centre);
            var cut = Cut(options.At, cases, centre);
            var clock = new FakeTimeProvider(cases.Start.ToDateTimeOffset());
            ClusterCompliance compliance;
            await using (var cluster = await LocalCluster.StartAsync(journalFile, clock, port, cut))
            {
                Messages.Say(stderr, string.Create(CultureInfo.InvariantCulture, $"Two silos up on 127.0.0.1:{port} and :{port + 1}; replaying {cases.Tickets.Count:N0} tickets and {cases.Complaints.Count:N0} complaints day by day."));
                var replayed = await Replay.RunAsync(cluster.Client, cases, centre.Zone);
                var gathered = await ClusterCases.CollectAsync(cluster.Client);
                compliance = await ClusterCompliance.CollectAsync(cluster.Client, centre, cut);
                var placement = await Placement.DescribeAsync(cluster.Client);
                Messages.Say(stderr, string.Create(CultureInfo.InvariantCulture, $"Replayed {replayed:N0} events into the cluster in {timer.Elapsed.TotalSeconds:0.0} s; {placement}; the read model's {Streams.ShardCount} partitions counted the compliance of {compliance.Cases:N0} cases at {cut}."));
                cases = gathered;
            }

            return await ReportAsync(cases, compliance, ReportOptions(sample), temporary.FullName, stdout, stderr);
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Prints the sample's own report of <paramref name="cases"/> (gathered from the cluster): they are written as an event
    /// log, which the sample reads to the same report as the month it came from. Its compliance tables are the ones the
    /// cluster's read model aggregated (<paramref name="compliance"/>), which must be for the report's cut.
    /// </summary>
    internal static async Task<int> ReportAsync(Cases cases, ClusterCompliance compliance, IEnumerable<string> reportOptions, string directory, Stream stdout, TextWriter stderr)
    {
        var held = Path.Combine(directory, "cluster.jsonl");
        await using (var stream = File.Create(held))
        {
            using var writer = new EventLogWriter(stream, leaveOpen: true);
            writer.WriteCases(cases.Customers, cases.Tickets, cases.Complaints, cases.Visits);
        }

        return ServiceDeskApp.Run([.. reportOptions, "--events", held], stdout, stderr, report => report with
        {
            Compliance = compliance.Rows,
            ComplianceByKind = compliance.ByKind,
        });
    }

    /// <summary>
    /// The report's cut, which the read model evaluates at: <c>--at</c>, or a week after the last event (the sample's
    /// default); refused as the sample refuses it, before any silo starts.
    /// </summary>
    internal static Instant Cut(Instant? at, Cases cases, Centre centre)
    {
        var supported = ServiceDeskApp.SupportedRange(centre.Calendars.Values);
        var cut = at ?? cases.End + Duration.FromDays(7);
        if (at is { } requested && !supported.Contains(requested))
        {
            throw new SampleException($"--at {requested} is outside the calendars' supported range, {supported.Start} to {supported.End} (local years 1900-2199).");
        }

        if (cut < cases.Start)
        {
            throw new SampleException($"--at {cut} is before the first case, at {cases.Start}; evaluate at or after it.");
        }

        return supported.Contains(cut)
            ? cut
            : throw new SampleException($"The evaluation instant {cut}, a week after the last event, is outside the calendars' supported range; give --at within {supported.Start} to {supported.End}.");
    }

    /// <summary>The sample simulates the month and exports it as a log; its own report of it is not needed here.</summary>
    internal static string Simulate(List<string> sample, string log, TextWriter stderr)
    {
        var status = ServiceDeskApp.Run([.. SimulationOptions(sample), "--export-events", log, "--out", log + ".report"], Stream.Null, stderr);
        return status == 0 ? log : throw new SampleException("the simulation failed (see above).");
    }

    /// <summary>Reads a log as the sample does (cases take the agreement versions the catalogue names).</summary>
    internal static Cases Read(string log, Centre centre)
    {
        try
        {
            using var stream = File.OpenRead(log);
            var replayed = EventLogReplay.Replay(stream, log, centre.Catalog, centre.Calendars, centre.Default);
            return Cases.Of(replayed.Customers.Values, replayed.Tickets.Values, replayed.Complaints.Values, replayed.Visits.Values);
        }
        catch (EventLogException e)
        {
            throw new SampleException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SampleException($"{log}: cannot be read: {e.Message}", e);
        }
    }

    private static readonly string[] Simulation = ["--seed", "--days", "--customers"];

    private static IEnumerable<string> SimulationOptions(List<string> sample)
    {
        for (var i = 0; i < sample.Count; i++)
        {
            if (Simulation.Contains(sample[i]) && i + 1 < sample.Count)
            {
                yield return sample[i];
                yield return sample[++i];
            }
            else if (sample[i] == "--smoke")
            {
                yield return sample[i];
            }
        }
    }

    private static IEnumerable<string> ReportOptions(List<string> sample)
    {
        for (var i = 0; i < sample.Count; i++)
        {
            if ((Simulation.Contains(sample[i]) || sample[i] == "--events") && i + 1 < sample.Count)
            {
                i++;
            }
            else if (sample[i] != "--smoke")
            {
                yield return sample[i];
            }
        }
    }

    private static (int Port, string? Journal, int? Load, List<string> Sample) ParseOwn(string[] args)
    {
        var (port, journal, load, sample) = (11111, (string?)null, (int?)null, new List<string>());
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new SampleException($"{option} needs a value; see --help.");
            int Number(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new SampleException(string.Create(CultureInfo.InvariantCulture, $"{option} needs a whole number from {min} to {max}, not '{text}'."));
            }

            switch (option)
            {
                case "--port": port = Number(1024, 65000); break;
                case "--journal": journal = Value() is { Length: > 0 } file ? file : throw new SampleException("--journal needs a file name."); break;
                case "--load": load = Number(1, 1_000_000); break;
                default: sample.Add(option); break;
            }
        }

        return (port, journal, load, sample);
    }
}
