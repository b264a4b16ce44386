using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ServiceDesk;

/// <summary>The command line of the sample.</summary>
internal sealed record SampleOptions(
    int Seed, int Days, int Customers, string Format, string? Out, bool Help, string? Events = null, Instant? At = null, string? Definitions = null, string? Html = null,
    string? ExportEvents = null, bool Timings = false, bool Cases = false)
{
    /// <summary>The most days simulated: a year.</summary>
    public const int MaxDays = 366;

    /// <summary>The most customers simulated.</summary>
    public const int MaxCustomers = 100_000;

    /// <summary>
    /// The most customer-days (customers × days) simulated: about 200,000 tickets, a minute or two and under 2 GB on a
    /// laptop. The default month is 155,000.
    /// </summary>
    public const long MaxCustomerDays = 1_000_000;

    public const string Usage = """
        ServiceDesk — a month of a property-management service centre, simulated and reported with ServiceQuality.

        Usage: dotnet run --project samples/ServiceDesk -c Release [-- options]

          --seed N              random seed, 0 to 2147483647 (default 2025); the same seed gives the same run
          --days N              days to simulate from Mon 13 Jan 2025, 1 to 366 (default 31, across Spring Festival)
          --customers N         customers, 1 to 100000 (default 5000); customers × days at most 1000000
          --smoke               a small, quick run (3 days, 500 customers) for CI
          --definitions FILE    calendars, agreements and policies from a JSON file (see docs/formats.md) instead of the
                                built-in ones; tickets are evaluated under the agreement they name, the first is the default
          --events FILE         replay a JSON Lines event log (see docs/formats.md) instead of simulating
          --at INSTANT          evaluate as of an ISO-8601 instant (default: a week after the last event), within the
                                calendars' supported range (local years 1900-2199) and not before the first case
          --format F            text | markdown | json (default text); JSON is a summary of the same report
          --cases               with --format json: also every ticket and complaint's clocks and escalation (large)
          --out FILE            write the report to FILE instead of the console
          --html FILE           also write one self-contained HTML page with every table and SVG charts
                                (no scripts, no external assets)
          --export-events FILE  also write the cases' events as a JSON Lines event log, which --events replays to the
                                same report
          --timings             also print how long each part of the run took, how many cases a second the evaluation
                                ran at, and the process's CPU and garbage-collection time, on standard error (the
                                report itself is the same for the same input)
          --help                this text

        Each option is given at most once; --smoke is not combined with --days or --customers, --events not with the
        simulation's options (--seed, --days, --customers, --smoke), --cases only with --format json.
        Files are written only when the whole run succeeds (through temporary files in their directories); no output may
        name an input or another output. Exit status: 0 done, 2 a problem with the command line, an input or an output.
        """;

    /// <summary>Reads the command line.</summary>
    /// <exception cref="SampleException">An unknown option, a missing value or a value out of range.</exception>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions(2025, 31, 5000, "text", null, false);
        var given = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (given.Contains(option, StringComparer.Ordinal) && option is not ("--help" or "-h"))
            {
                throw new SampleException($"{option} is given twice; give it once.");
            }

            given.Add(option);
            string Value() => i + 1 < args.Count ? args[++i] : throw new SampleException($"{option} needs a value; see --help.");
            string File() => Value() is { Length: > 0 } file ? file : throw new SampleException($"{option} needs a file name.");
            int Number(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new SampleException(string.Create(CultureInfo.InvariantCulture, $"{option} needs a whole number from {min} to {max}, not '{text}'."));
            }

            options = option switch
            {
                "--seed" => options with { Seed = Number(0, int.MaxValue) },
                "--days" => options with { Days = Number(1, MaxDays) },
                "--customers" => options with { Customers = Number(1, MaxCustomers) },
                "--format" => options with { Format = Value() is "text" or "markdown" or "json" ? args[i] : throw new SampleException($"--format is text, markdown or json, not '{args[i]}'.") },
                "--out" => options with { Out = File() },
                "--events" => options with { Events = File() },
                "--export-events" => options with { ExportEvents = File() },
                "--definitions" => options with { Definitions = File() },
                "--html" => options with { Html = File() },
                "--at" => options with { At = ParseInstant(Value()) },
                "--smoke" => options with { Days = 3, Customers = 500 },
                "--timings" => options with { Timings = true },
                "--cases" => options with { Cases = true },
                "--help" or "-h" => options with { Help = true },
                _ => throw new SampleException($"Unknown option '{option}'; see --help."),
            };
        }

        // Options that contradict each other are refused rather than one silently winning.
        if (given.Contains("--smoke") && given.FirstOrDefault(o => o is "--days" or "--customers") is { } sized)
        {
            throw new SampleException($"--smoke sets 3 days and 500 customers; it cannot be combined with {sized}.");
        }

        if (options.Events is not null && given.FirstOrDefault(o => o is "--seed" or "--days" or "--customers" or "--smoke") is { } simulated)
        {
            throw new SampleException($"--events replays a log instead of simulating; {simulated} only applies to a simulation.");
        }

        if (options.Cases && options.Format != "json")
        {
            throw new SampleException($"--cases adds per-case rows to the JSON report; it needs --format json, not --format {options.Format}.");
        }

        if ((long)options.Customers * options.Days > MaxCustomerDays && options.Events is null)
        {
            throw new SampleException(string.Create(
                CultureInfo.InvariantCulture,
                $"--customers {options.Customers} over --days {options.Days} is {(long)options.Customers * options.Days:N0} customer-days; at most {MaxCustomerDays:N0} are simulated (fewer customers or days)."));
        }

        return options;
    }

    private static Instant ParseInstant(string text)
    {
        try
        {
            if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc)
            {
                return utc.Value;
            }

            if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } local)
            {
                return local.Value.ToInstant();
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // An offset that pushes the instant past the end of time: refused below like any other bad value.
        }

        throw new SampleException($"--at needs an ISO-8601 instant such as 2025-02-01T00:00:00Z or 2025-02-01T08:00:00+08:00, not '{text}'.");
    }
}
