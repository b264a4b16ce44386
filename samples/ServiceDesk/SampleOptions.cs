using System.Globalization;

namespace ServiceDesk;

/// <summary>The command line of the sample.</summary>
internal sealed record SampleOptions(int Seed, int Days, int Customers, string Format, string? Out, bool Help, string? Events = null, NodaTime.Instant? At = null, string? Definitions = null, string? Html = null)
{
    public const string Usage = """
        ServiceDesk — a month of a property-management service centre, simulated and reported with ServiceQuality.

        Usage: dotnet run --project samples/ServiceDesk -c Release [-- options]

          --seed N          random seed (default 2025); the same seed gives the same run
          --days N          days to simulate from Mon 13 Jan 2025 (default 31, across Spring Festival)
          --customers N     customers (default 5000)
          --format F        text | markdown | json (default text)
          --out FILE        write the report to FILE instead of the console
          --definitions FILE  calendars, agreements and policies from a JSON file (see docs/formats.md) instead of the built-in ones;
                            tickets are evaluated under the agreement they name, the first agreement is the default
          --events FILE     replay a JSON Lines event log (see docs/formats.md) instead of simulating
          --at INSTANT      evaluate as of an ISO-8601 instant (default: a week after the last event)
          --html FILE       also write one standalone HTML page with SVG charts (no scripts, no external assets)
          --smoke           a small, quick run (3 days, 500 customers) for CI
          --help            this text
        """;

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions(2025, 31, 5000, "text", null, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
            options = args[i] switch
            {
                "--seed" => options with { Seed = Number() },
                "--days" => options with { Days = Number() },
                "--customers" => options with { Customers = Number() },
                "--format" => options with { Format = Value() is "text" or "markdown" or "json" ? args[i] : throw new ArgumentException("--format is text, markdown or json.") },
                "--out" => options with { Out = Value() },
                "--events" => options with { Events = Value() },
                "--definitions" => options with { Definitions = Value() },
                "--html" => options with { Html = Value() },
                "--at" => options with { At = ParseInstant(Value()) ?? throw new ArgumentException("--at needs an ISO-8601 instant such as 2025-02-01T00:00:00Z or 2025-02-01T08:00:00+08:00.") },
                "--smoke" => options with { Days = 3, Customers = 500 },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see --help."),
            };
        }

        return options;
    }

    private static NodaTime.Instant? ParseInstant(string text) =>
        NodaTime.Text.InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value
        : NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } local ? local.Value.ToInstant()
        : null;
}
