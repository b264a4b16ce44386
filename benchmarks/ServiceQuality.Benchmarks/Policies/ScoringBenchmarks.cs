using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Benchmarks.Policies;

/// <summary>Issue 6 budget: scoring 10,000,000 facts into scorecards (≤ 1 s).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ScoringBenchmarks
{
    private static readonly Interval Month = new(Instant.FromUtc(2025, 3, 1, 0, 0), Instant.FromUtc(2025, 4, 1, 0, 0));
    private readonly ScoringEngine _engine = new(ScorecardDefinition.Default, ScoringRules.Default());
    private ScoreFact[] _facts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(10);
        var staff = Enumerable.Range(0, 400).Select(i => ScoreSubject.Staff(new StaffId("staff-" + i))).ToArray();
        var kinds = new[] { FactKind.SlaMet, FactKind.SlaMet, FactKind.SlaMet, FactKind.SlaMissed, FactKind.SatisfactionRating, FactKind.CallbackDone, FactKind.ComplaintSubstantiated, FactKind.Commendation };
        _facts = new ScoreFact[10_000_000];
        for (var i = 0; i < _facts.Length; i++)
        {
            _facts[i] = new ScoreFact(staff[random.Next(staff.Length)], kinds[random.Next(kinds.Length)], Month.Start + Duration.FromMinutes(random.Next(0, 44_000)), random.Next(1, 6), "T");
        }
    }

    [Benchmark]
    public int ScoreTenMillionFacts() => _engine.Score(_facts, Month).Count;
}
