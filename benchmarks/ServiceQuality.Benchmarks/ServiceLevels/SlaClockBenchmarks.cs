using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Benchmarks.ServiceLevels;

/// <summary>Issue 5 budget: evaluating one ticket of ten events with three metrics on the 2025 reference calendar.</summary>
[MemoryDiagnoser]
public class SlaClockBenchmarks
{
    private readonly SlaStatus[] _destination = new SlaStatus[SlaClock.MaxStatusesPerCase];
    private IReadOnlyList<TicketEvent> _history = [];
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        _history = TicketHistories.Typical();
        _now = _history[^1].OccurredAt + Duration.FromHours(3);
    }

    [Benchmark]
    public SlaEvaluationSummary EvaluateOneTicket() =>
        SlaClock.EvaluateTicket(_history, TicketHistories.Agreement, TicketHistories.Calendars, _now, _destination);

    [Benchmark]
    public SlaEvaluation EvaluateOneTicketAllocatingResult() =>
        SlaClock.EvaluateTicket(_history, TicketHistories.Agreement, TicketHistories.Calendars, _now);
}
