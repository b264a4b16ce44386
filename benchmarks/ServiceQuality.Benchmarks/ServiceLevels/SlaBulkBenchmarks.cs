using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Benchmarks.ServiceLevels;

/// <summary>
/// Issue 5 budgets for bulk work: evaluating 1,000,000 generated tickets (holds, reopens, priority changes) on one
/// thread, and a compliance report over 1,000,000 statuses grouped by metric × priority × tier.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SlaBulkBenchmarks
{
    private const int Tickets = 1_000_000;
    private (IReadOnlyList<TicketEvent> History, Instant Now)[] _tickets = [];
    private ComplianceSample[] _samples = [];

    [GlobalSetup]
    public void Setup()
    {
        _tickets = TicketHistories.Generate(Tickets, seed: 2025);
        var random = new Random(7);
        var tiers = new[] { ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Vip, ServiceTier.Key };
        var metrics = new[] { Metric.FirstResponse, Metric.NextResponse, Metric.Resolution };
        var states = new[] { SlaState.Met, SlaState.Met, SlaState.Met, SlaState.Missed, SlaState.Running, SlaState.Cancelled };
        _samples = Enumerable.Range(0, 1_000_000).Select(_ => new ComplianceSample(
            metrics[random.Next(3)], states[random.Next(states.Length)], Duration.FromMinutes(random.Next(0, 5000)),
            (Priority)random.Next(1, 5), tiers[random.Next(4)])).ToArray();
    }

    [Benchmark]
    public int EvaluateOneMillionTickets()
    {
        var destination = new SlaStatus[SlaClock.MaxStatusesPerCase];
        var missed = 0;
        foreach (var (history, now) in _tickets)
        {
            var summary = SlaClock.EvaluateTicket(history, TicketHistories.Agreement, TicketHistories.Calendars, now, destination);
            for (var i = 0; i < summary.Count; i++)
            {
                missed += destination[i].State == SlaState.Missed ? 1 : 0;
            }
        }

        return missed;
    }

    [Benchmark]
    public int ComplianceReportOverOneMillionStatuses() =>
        ComplianceReport.Build(_samples, ComplianceDimensions.Metric | ComplianceDimensions.Priority | ComplianceDimensions.Tier).Count;
}
