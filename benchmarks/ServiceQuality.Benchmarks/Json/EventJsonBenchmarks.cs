using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ServiceQuality.Benchmarks.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Json;

namespace ServiceQuality.Benchmarks.Json;

/// <summary>
/// The JSON boundary's budget: one ticket of ten events (the SLA benchmarks' typical ticket) written as UTF-8 JSON and
/// read back through <c>ConfigureForServiceQuality()</c> in at most 5 µs (<see cref="RoundTrip"/>); writing, reading
/// and the round trip with <c>FromHistory</c> are measured apart.
/// </summary>
[MemoryDiagnoser]
public class EventJsonBenchmarks
{
    private readonly JsonSerializerOptions _options = new JsonSerializerOptions().ConfigureForServiceQuality();
    private IReadOnlyList<TicketEvent> _history = [];
    private byte[] _utf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _history = TicketHistories.Typical();
        _utf8 = JsonSerializer.SerializeToUtf8Bytes(_history, _options);
        if (!Ticket.FromHistory(JsonSerializer.Deserialize<List<TicketEvent>>(_utf8, _options)!).History.SequenceEqual(_history))
        {
            throw new InvalidOperationException("The ticket did not survive the round trip.");
        }
    }

    [Benchmark]
    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(_history, _options);

    [Benchmark]
    public List<TicketEvent> Read() => JsonSerializer.Deserialize<List<TicketEvent>>(_utf8, _options)!;

    [Benchmark]
    public List<TicketEvent> RoundTrip() => JsonSerializer.Deserialize<List<TicketEvent>>(JsonSerializer.SerializeToUtf8Bytes(_history, _options), _options)!;

    [Benchmark]
    public Ticket RoundTripAndFromHistory() => Ticket.FromHistory(RoundTrip());
}
