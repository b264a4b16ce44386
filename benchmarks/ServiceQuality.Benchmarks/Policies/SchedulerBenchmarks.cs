using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using ServiceQuality.Policies.Assessment;

namespace ServiceQuality.Benchmarks.Policies;

/// <summary>Issue 6 budget: a sweep over 1,000,000 open cases of which 1 % are due (≤ 50 ms).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class SchedulerBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 1, 0, 0);
    private readonly AssessmentScheduler<string> _scheduler = new();
    private string[] _due = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var due = new List<string>();
        for (var i = 0; i < 1_000_000; i++)
        {
            var key = "T-" + i;
            var isDue = random.Next(100) == 0;
            _scheduler.Schedule(key, isDue ? Now - Duration.FromMinutes(random.Next(1, 600)) : Now + Duration.FromMinutes(random.Next(1, 100_000)));
            if (isDue)
            {
                due.Add(key);
            }
        }

        _due = [.. due];
    }

    [IterationSetup]
    public void PutTheDueCasesBack()
    {
        foreach (var key in _due)
        {
            _scheduler.Schedule(key, Now - Duration.FromMinutes(1));
        }
    }

    [Benchmark]
    public int SweepOneMillionOpenCasesOnePercentDue() => _scheduler.TakeDue(Now).Count;
}
