using NodaTime;
using ServiceDesk.Orleans.Grains;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceDesk.Orleans.Client;

/// <summary>
/// The SLA compliance the cluster's read model aggregated at its cut: the partitions' counts summed, grouped by the
/// library (<see cref="ComplianceReport"/>: metric, priority and tier) and worded by the sample report's own code into its
/// compliance table and its compliance by agreement kind — the same rows the single-process report computes from the cases.
/// </summary>
/// <param name="Cut">The instant every case was evaluated at.</param>
/// <param name="Cases">How many tickets and complaints were counted (those opened by the cut).</param>
/// <param name="Groups">The compliance per metric, priority and tier, as the library groups it.</param>
/// <param name="Rows">The report's compliance table.</param>
/// <param name="ByKind">The report's compliance by agreement kind.</param>
internal sealed record ClusterCompliance(
    Instant Cut, int Cases, IReadOnlyList<ComplianceGroup> Groups, IReadOnlyList<ComplianceRow> Rows, IReadOnlyList<AgreementComplianceRow> ByKind)
{
    /// <summary>Sums the partitions' counts; each must have counted at <paramref name="cut"/>.</summary>
    /// <exception cref="InvalidOperationException">A partition counts at another instant (a silo configured with another cut).</exception>
    public static async Task<ClusterCompliance> CollectAsync(IGrainFactory grains, Centre centre, Instant cut)
    {
        var counts = new ComplianceCounts();
        for (var shard = 0; shard < Streams.ShardCount; shard++)
        {
            var partition = grains.GetGrain<IReadModelShard>(shard);
            var tally = await Replay.Retried(partition.Compliance);
            if (tally.Cut != cut)
            {
                throw new InvalidOperationException($"The read model's partition {shard} counts the cases at {tally.Cut}, not at the report's {cut}.");
            }

            counts.Add(tally);
        }

        return Of(counts, centre, cut);
    }

    private static ClusterCompliance Of(ComplianceCounts counts, Centre centre, Instant cut)
    {
        // A sample stands for as many clocks as it counts: the library's grouping (and its percentiles of the time taken)
        // sees every clock, as in the single-process report.
        List<ComplianceSample> samples = [.. counts.Samples.SelectMany(s => Enumerable.Repeat(s.Key, checked((int)s.Value)))];
        var groups = ComplianceReport.Build(samples, ComplianceDimensions.Metric | ComplianceDimensions.Priority | ComplianceDimensions.Tier);

        var targets = new Dictionary<(Metric, Priority, ServiceTier), HashSet<(Duration, TimeBasis, string?)>>();
        var versions = new Dictionary<(Metric, Priority, ServiceTier), HashSet<AgreementReference>>();
        foreach (var (terms, _) in counts.Promises)
        {
            var key = (terms.Key.Metric!.Value, terms.Key.Priority!.Value, terms.Key.Tier!.Value);
            if (!targets.TryGetValue(key, out var promised))
            {
                (targets[key], versions[key]) = (promised = [], []);
            }

            promised.Add((terms.Target, terms.Basis, ComplianceRow.CalendarOf(terms.Agreement, centre.Catalog, centre.Default)));
            versions[key].Add(terms.Agreement);
        }

        var choice = new AgreementChoice(centre.Catalog);
        foreach (var (clock, count) in counts.Clocks)
        {
            choice.Count(new ClockOutcome(clock.Agreement, clock.State), count);
        }

        return new ClusterCompliance(cut, counts.Cases, groups, ComplianceRow.Table(samples, targets, versions, centre.Catalog, centre.Default), choice.ComplianceByKind());
    }
}
