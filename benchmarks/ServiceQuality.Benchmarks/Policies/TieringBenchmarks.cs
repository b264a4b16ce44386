using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Benchmarks.Policies;

/// <summary>Issue 6 budget: classifying 1,000,000 customers by Pareto (≤ 500 ms).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TieringBenchmarks
{
    private readonly ITierPolicy _pareto = TierPolicies.Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary);
    private TierCandidate[] _population = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(80);

        // Spend with a long tail, in yuan with fen, like a utility's or property manager's customer base.
        _population = Enumerable.Range(0, 1_000_000)
            .Select(i => new TierCandidate(new CustomerId("C-" + i), Money.Yuan(Math.Round((decimal)(Math.Exp(random.NextDouble() * 12) * 10), 2))))
            .ToArray();
    }

    [Benchmark]
    public int ParetoOverOneMillionCustomers() => _pareto.Classify(_population).Count;
}
