using NodaTime;
using NodaTime.Text;

namespace ServiceDesk.Web;

/// <summary>The host's own options; everything else on the command line goes to ASP.NET Core (for example <c>--urls</c>).</summary>
internal sealed record HostOptions(string? Sqlite, string? Postgres, string? Events, string? Definitions, Instant? At, bool Help, IReadOnlyList<string> Rest, int? LoadTest = null, int? SchedulerTest = null)
{
    public const string DemoFile = "servicedesk-demo.db";

    public const string Usage = """
        Usage: dotnet run --project samples/ServiceDesk.Web [-- options]
          (no store option)    the demo: SQLite file servicedesk-demo.db, seeded with a simulated centre on first run,
                               its clock running on from the demo's last event
          --sqlite FILE        a SQLite file (created on first run), the real clock
          --postgres CONN      a PostgreSQL connection string (Npgsql), the real clock
          --events FILE        seed an empty store from a JSON Lines event log (docs/formats.md) instead of the simulation
          --definitions FILE   calendars, agreements and policies (default: the ServiceDesk sample's data/definitions.json)
          --at INSTANT         the clock starts at this instant (ISO 8601, e.g. 2025-01-22T06:00:00Z) and runs on
          --urls URLS          where to listen (ASP.NET Core; default http://localhost:5000)
          --load-test N        drive N tickets (six commands each) through the API on 127.0.0.1 and a new SQLite file;
                               print throughput, latency and the store's size
          --scheduler-test N   store N open tickets in a new SQLite file, rebuild the scheduler's queue from it, and time
                               the scheduler's wake-ups from the earliest due instant to the escalation stored
        """;

    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HostOptions(null, null, null, null, null, false, []);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new StartupException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sqlite" => options with { Sqlite = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--events" => options with { Events = Value() },
                "--definitions" => options with { Definitions = Value() },
                "--at" => options with { At = ParseInstant(Value()) },
                "--load-test" => options with { LoadTest = ParseCount(args[i], Value()) },
                "--scheduler-test" => options with { SchedulerTest = ParseCount(args[i], Value()) },
                "--help" or "-h" => options with { Help = true },
                _ => options,
            };
            if (args[i] is not ("--sqlite" or "--postgres" or "--events" or "--definitions" or "--at" or "--load-test" or "--scheduler-test" or "--help" or "-h") && !IsValueOfKnown(args, i))
            {
                rest.Add(args[i]);
            }
        }

        if (options.Sqlite is not null && options.Postgres is not null)
        {
            throw new StartupException("--sqlite and --postgres name two stores; give one.");
        }

        return options with { Rest = rest };
    }

    private static bool IsValueOfKnown(IReadOnlyList<string> args, int i) =>
        i > 0 && args[i - 1] is "--sqlite" or "--postgres" or "--events" or "--definitions" or "--at" or "--load-test" or "--scheduler-test";

    private static int ParseCount(string option, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 1_000_000
            ? count
            : throw new StartupException($"{option} {text}: give a number of tickets from 1 to 1,000,000.");

    private static Instant ParseInstant(string text) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new StartupException($"--at {text}: not an instant; write it as 2025-01-22T06:00:00Z.");
}
