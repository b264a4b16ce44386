using ServiceQuality.Testing;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json;

namespace ServiceQuality.Benchmarks.Json;

/// <summary>
/// The event-log budget: read and apply at least 1,000,000 events a second on one thread. The log is the one
/// <c>benchmarks/make_event_log.py</c> writes (10,000 customers, then ticket lifecycles of 7–9 events), made here in
/// memory with <see cref="Events"/> events, and replayed from its UTF-8 bytes into the real aggregates.
/// </summary>
[MemoryDiagnoser]
public class EventLogBenchmarks
{
    private readonly Dictionary<string, BusinessCalendar> _calendars = new() { ["china-2025"] = ReferenceCalendars.ChinaServiceCentre2025 };
    private Dictionary<string, AgreementVersion> _agreements = [];
    private byte[] _log = [];

    /// <summary>The number of events in the log.</summary>
    [Params(200_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var agreement = ServiceLevelAgreement.Draft(new AgreementId("PM-2025"), "property management", AgreementKind.ServiceLevel, at);
        agreement.SetCalendar("china-2025", at);
        agreement.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        agreement.Publish(at, at);
        _agreements = new Dictionary<string, AgreementVersion> { ["PM-2025"] = agreement.Published };
        _log = MakeLog(Events);
        if (Replay().Events != Events)
        {
            throw new InvalidOperationException("The log did not replay whole.");
        }
    }

    [Benchmark]
    public ReplayedCases Replay() => EventLogReplay.Replay(new MemoryStream(_log, writable: false), "events.jsonl", _agreements, _calendars, _agreements["PM-2025"]);

    /// <summary>The log of <c>make_event_log.py</c>, written deterministically.</summary>
    private static byte[] MakeLog(int target)
    {
        var random = new Random(2025);
        var start = Instant.FromUtc(2025, 1, 13, 0, 0);
        var text = new StringBuilder();
        var count = 0;
        void Emit(Instant at, string rest)
        {
            if (count < target)
            {
                text.Append("{\"at\":\"").Append(at.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\",").Append(rest).Append("}\n");
                count++;
            }
        }

        const int Customers = 10_000;
        string[] tiers = ["ordinary", "ordinary", "gold", "key"];
        for (var c = 0; c < Customers && count < target; c++)
        {
            Emit(start - Duration.FromDays(30), $"\"type\":\"CustomerRegistered\",\"customer\":\"C-{c}\",\"name\":\"Household {c}\",\"tier\":\"{tiers[random.Next(4)]}\",\"since\":\"2020-01-01\"");
        }

        for (var ticket = 0; count < target; ticket++)
        {
            var t = start + Duration.FromMinutes(random.Next(60 * 24 * 120));
            Instant Later(int lo, int hi) => t += Duration.FromMinutes(random.Next(lo, hi));
            var (id, staff) = ($"T-{ticket}", $"staff-{random.Next(40)}");
            // A ticket's events are written whole or not at all, so that the log replays.
            if (count + 9 > target)
            {
                Emit(t, $"\"type\":\"CustomerRegistered\",\"customer\":\"X-{count}\",\"name\":\"Filler\",\"tier\":\"ordinary\",\"since\":\"2020-01-01\"");
                continue;
            }

            Emit(t, $"\"type\":\"TicketOpened\",\"ticket\":\"{id}\",\"customer\":\"C-{random.Next(Customers)}\",\"kind\":\"RepairRequest\",\"channel\":\"Hotline\",\"priority\":\"P{random.Next(1, 5)}\",\"staff\":\"{staff}\",\"agreement\":\"PM-2025\"");
            Emit(Later(1, 60), $"\"type\":\"TicketAssigned\",\"ticket\":\"{id}\",\"staff\":\"{staff}\",\"department\":\"repairs\"");
            Emit(Later(1, 120), $"\"type\":\"ResponseRecorded\",\"ticket\":\"{id}\",\"staff\":\"{staff}\",\"public\":true");
            Emit(Later(1, 60), $"\"type\":\"TicketWorkStarted\",\"ticket\":\"{id}\"");
            if (random.NextDouble() < 0.3)
            {
                Emit(Later(10, 300), $"\"type\":\"TicketOnHold\",\"ticket\":\"{id}\",\"reason\":\"WaitingForCustomer\"");
                Emit(Later(60, 2000), $"\"type\":\"TicketResumed\",\"ticket\":\"{id}\"");
            }

            Emit(Later(30, 900), $"\"type\":\"ResponseRecorded\",\"ticket\":\"{id}\",\"staff\":\"{staff}\",\"public\":true");
            Emit(Later(30, 1500), $"\"type\":\"TicketResolved\",\"ticket\":\"{id}\",\"staff\":\"{staff}\"");
            Emit(Later(60, 2880), $"\"type\":\"TicketClosed\",\"ticket\":\"{id}\"");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
