using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// Groups measured clocks and computes compliance per group: met, missed, still running, cancelled (never counted
/// against the rate), compliance as an exact <see cref="Ratio"/>, and elapsed-time percentiles.
/// </summary>
public static class ComplianceReport
{
    /// <summary>Builds the report.</summary>
    /// <param name="samples">The clocks to report on.</param>
    /// <param name="groupBy">The dimensions to group by.</param>
    /// <returns>
    /// One group per distinct key, ordered by key (agreement kind, agreement, metric, priority, tier, staff, department,
    /// period); empty when there are no samples.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public static IReadOnlyList<ComplianceGroup> Build(IEnumerable<ComplianceSample> samples, ComplianceDimensions groupBy)
    {
        Guard.Against.Null(samples);
        var groups = new Dictionary<ComplianceKey, Accumulator>();
        foreach (var sample in samples)
        {
            var key = KeyOf(sample, groupBy);
            if (!groups.TryGetValue(key, out var accumulator))
            {
                groups[key] = accumulator = new Accumulator();
            }

            accumulator.Add(sample);
        }

        return groups
            .OrderBy(g => g.Key.AgreementKind).ThenBy(g => g.Key.Agreement?.Id.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Agreement?.Version)
            .ThenBy(g => g.Key.Metric).ThenBy(g => g.Key.Priority).ThenBy(g => g.Key.Tier).ThenBy(g => g.Key.Staff?.Value, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Department?.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Period)
            .Select(g => g.Value.ToGroup(g.Key))
            .ToArray();
    }

    private static ComplianceKey KeyOf(in ComplianceSample s, ComplianceDimensions by) => new(
        (by & ComplianceDimensions.Metric) != 0 ? s.Metric : null,
        (by & ComplianceDimensions.Priority) != 0 ? s.Priority : null,
        (by & ComplianceDimensions.Tier) != 0 ? s.Tier : null,
        (by & ComplianceDimensions.Staff) != 0 ? s.Staff : null,
        (by & ComplianceDimensions.Department) != 0 ? s.Department : null,
        (by & ComplianceDimensions.Period) != 0 ? s.Period : null)
    {
        Agreement = (by & ComplianceDimensions.Agreement) != 0 ? s.Agreement : null,
        AgreementKind = (by & ComplianceDimensions.AgreementKind) != 0 ? s.AgreementKind : null,
    };

    private sealed class Accumulator
    {
        private readonly List<long> _decided = [];
        private long _met;
        private long _missed;
        private long _running;
        private long _cancelled;
        private long _notApplicable;

        public void Add(in ComplianceSample sample)
        {
            switch (sample.State)
            {
                case SlaState.Met:
                    _met++;
                    _decided.Add(sample.Elapsed.ToInt64Nanoseconds());
                    break;
                case SlaState.Missed:
                    _missed++;
                    _decided.Add(sample.Elapsed.ToInt64Nanoseconds());
                    break;
                case SlaState.Running or SlaState.Paused:
                    _running++;
                    break;
                case SlaState.Cancelled:
                    _cancelled++;
                    break;
                default:
                    _notApplicable++;
                    break;
            }
        }

        public ComplianceGroup ToGroup(ComplianceKey key)
        {
            var decided = _decided.ToArray();
            Array.Sort(decided);
            return new ComplianceGroup(
                key, _met, _missed, _running, _cancelled, _notApplicable, new Ratio(_met, _met + _missed),
                Percentile(decided, 50), Percentile(decided, 90), decided.Length == 0 ? null : Duration.FromNanoseconds(decided[^1]));
        }

        /// <summary>The nearest-rank percentile: the smallest value with at least p % of the values at or below it.</summary>
        private static Duration? Percentile(long[] sorted, int percent) =>
            sorted.Length == 0 ? null : Duration.FromNanoseconds(sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * percent / 100d) - 1)]);
    }
}
