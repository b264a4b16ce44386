using System.Collections.Immutable;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// An agreement's target cells with the lookup the SLA clock asks on every evaluation: for each metric and priority, the
/// cells that can apply, most specific first, so a lookup needs only the first whose tier matches. Immutable.
/// </summary>
internal sealed class TargetMatrix
{
    private const int PriorityCount = 4;

    private static readonly int MetricCount = Enum.GetValues<Metric>().Max(m => (int)m) + 1;

    private readonly ServiceTarget[][] _candidates;

    public TargetMatrix(ImmutableArray<ServiceTarget> cells)
    {
        Cells = cells;
        _candidates = new ServiceTarget[MetricCount * PriorityCount][];
        for (var slot = 0; slot < _candidates.Length; slot++)
        {
            var (metric, priority) = ((Metric)(slot / PriorityCount), (Priority)((slot % PriorityCount) + 1));

            // A stable sort: among equally specific cells (which differ in tier) the matrix's order is kept.
            _candidates[slot] = [.. cells.Where(t => t.Metric == metric && (t.Priority is null || t.Priority == priority)).OrderByDescending(t => t.Specificity)];
        }

        MetricsWithTargets = cells.Aggregate(0, (bits, t) => bits | (1 << (int)t.Metric));
    }

    /// <summary>An empty matrix.</summary>
    public static TargetMatrix Empty { get; } = new([]);

    /// <summary>The cells, in the order they were added.</summary>
    public ImmutableArray<ServiceTarget> Cells { get; }

    /// <summary>One bit per <see cref="Metric"/> that has at least one target.</summary>
    public int MetricsWithTargets { get; }

    /// <summary>The most specific cell for the metric that matches the priority and tier, or null.</summary>
    public ServiceTarget? For(Metric metric, Priority priority, ServiceTier tier)
    {
        var slot = ((int)metric * PriorityCount) + (int)priority - 1;
        if ((uint)slot >= (uint)_candidates.Length || (uint)(priority - 1) >= PriorityCount)
        {
            return Scan(metric, priority, tier); // a value the enums do not define: no table slot, same answer
        }

        foreach (var target in _candidates[slot])
        {
            if (target.Tier is not { } cellTier || cellTier == tier)
            {
                return target;
            }
        }

        return null;
    }

    private ServiceTarget? Scan(Metric metric, Priority priority, ServiceTier tier)
    {
        ServiceTarget? best = null;
        foreach (var target in Cells)
        {
            if (target.Metric == metric && target.Matches(priority, tier) && (best is null || target.Specificity > best.Specificity))
            {
                best = target;
            }
        }

        return best;
    }
}
