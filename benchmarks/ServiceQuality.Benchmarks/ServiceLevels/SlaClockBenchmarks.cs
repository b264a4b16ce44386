using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Benchmarks.ServiceLevels;

/// <summary>
/// Issue 5 budget: evaluating one ticket of ten events with three metrics on the 2025 reference calendar; issue 13: the
/// same ticket under its SLA and the field team's OLA, in one evaluation.
/// </summary>
[MemoryDiagnoser]
public class SlaClockBenchmarks
{
    private readonly SlaStatus[] _destination = new SlaStatus[SlaClock.MaxStatusesPerCase];
    private readonly SlaStatus[] _twoAgreements = new SlaStatus[2 * SlaClock.MaxStatusesPerCase];
    private readonly IReadOnlyList<ServiceQuality.Domain.Agreements.AgreementVersion> _slaAndOla = [TicketHistories.Agreement.Published, TicketHistories.FieldOla.Published];
    private readonly ServiceQuality.Domain.Agreements.AgreementVersion _sla = TicketHistories.Agreement.Published;
    private IReadOnlyList<TicketEvent> _history = [];
    private IReadOnlyList<TicketEvent> _historyWithOla = [];
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        _history = TicketHistories.Typical();
        _historyWithOla = TicketHistories.TypicalWithOla();
        _now = _history[^1].OccurredAt + Duration.FromHours(3);
    }

    [Benchmark]
    public SlaEvaluationSummary EvaluateOneTicket() =>
        SlaClock.EvaluateTicket(_history, _sla, TicketHistories.Calendars, _now, _destination);

    [Benchmark]
    public SlaEvaluation EvaluateOneTicketAllocatingResult() =>
        SlaClock.EvaluateTicket(_history, _sla, TicketHistories.Calendars, _now);

    [Benchmark]
    public SlaEvaluationSummary EvaluateOneTicketWithSlaAndOla() =>
        SlaClock.EvaluateTicket(_historyWithOla, _slaAndOla, TicketHistories.Calendars, _now, _twoAgreements);
}
