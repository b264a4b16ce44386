using NodaTime;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// Compliance as counts: how many clocks of each sample, terms and agreement clock the counted cases have. A case's part is
/// added when it is counted and taken away when it changes, so the counts are always those of the cases as they stand;
/// counts of partitions add up (<see cref="Add(ComplianceTally)"/>). Not thread-safe (a grain's, or one caller's).
/// </summary>
internal sealed class ComplianceCounts
{
    private readonly Dictionary<ComplianceSample, long> _samples = [];
    private readonly Dictionary<PromiseTerms, long> _promises = [];
    private readonly Dictionary<AgreementClock, long> _clocks = [];

    /// <summary>How many cases are counted.</summary>
    public int Cases { get; private set; }

    public IEnumerable<KeyValuePair<ComplianceSample, long>> Samples => _samples;

    public IEnumerable<KeyValuePair<PromiseTerms, long>> Promises => _promises;

    public IEnumerable<KeyValuePair<AgreementClock, long>> Clocks => _clocks;

    public void Add(CaseCompliance part) => Count(part, +1);

    public void Remove(CaseCompliance part) => Count(part, -1);

    /// <summary>Adds a partition's counts (the client sums the partitions).</summary>
    public void Add(ComplianceTally tally)
    {
        Cases += tally.Cases;
        foreach (var (kind, count, elapsed) in tally.Samples)
        {
            if (elapsed.Length == 0)
            {
                Count(_samples, kind, count);
            }

            foreach (var nanoseconds in elapsed)
            {
                Count(_samples, kind with { Elapsed = Duration.FromNanoseconds(nanoseconds) }, 1);
            }
        }

        foreach (var (value, count) in tally.Promises)
        {
            Count(_promises, value, count);
        }

        foreach (var (value, count) in tally.Clocks)
        {
            Count(_clocks, value, count);
        }
    }

    public ComplianceTally ToTally(Instant cut) => new(
        cut, Cases,
        [.. _samples.GroupBy(s => s.Key with { Elapsed = Duration.Zero }).Select(kind => new SampleCount(
            kind.Key, kind.Sum(s => s.Value),
            kind.Key.State is SlaState.Met or SlaState.Missed ? [.. kind.SelectMany(s => Enumerable.Repeat(s.Key.Elapsed.ToInt64Nanoseconds(), checked((int)s.Value)))] : []))],
        [.. _promises.Select(p => new Counted<PromiseTerms>(p.Key, p.Value))],
        [.. _clocks.Select(c => new Counted<AgreementClock>(c.Key, c.Value))]);

    private void Count(CaseCompliance part, int sign)
    {
        Cases += sign;
        foreach (var sample in part.Samples)
        {
            Count(_samples, sample, sign);
        }

        foreach (var promise in part.Promises)
        {
            Count(_promises, promise, sign);
        }

        foreach (var clock in part.Clocks)
        {
            Count(_clocks, clock, sign);
        }
    }

    private static void Count<T>(Dictionary<T, long> counts, T value, long by)
        where T : notnull
    {
        var count = counts.GetValueOrDefault(value) + by;
        if (count < 0)
        {
            throw new InvalidOperationException($"A count went below zero ({value}): a case was taken away that was never added.");
        }

        if (count == 0)
        {
            counts.Remove(value);
        }
        else
        {
            counts[value] = count;
        }
    }
}
