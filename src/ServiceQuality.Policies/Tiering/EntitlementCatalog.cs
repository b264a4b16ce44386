using System.Collections.Frozen;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>
/// The entitlements of each tier; a tier not listed gets <see cref="TierEntitlements.Standard"/>. Immutable and thread-safe;
/// two catalogues with equal entitlements for the same tiers are equal.
/// </summary>
public sealed class EntitlementCatalog : IEquatable<EntitlementCatalog>
{
    private readonly FrozenDictionary<ServiceTier, TierEntitlements> _byTier;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="entitlements">The entitlements, at most one per tier.</param>
    /// <exception cref="ArgumentException">A tier is listed twice, or green-channel levels or visits are negative.</exception>
    public EntitlementCatalog(IEnumerable<TierEntitlements> entitlements)
    {
        Guard.Against.Null(entitlements);
        var list = entitlements.ToList();
        var problems = list.GroupBy(e => e.Tier).Where(g => g.Count() > 1).Select(g => $"tier {g.Key} is listed {g.Count()} times")
            .Concat(list.Where(e => e.GreenChannelLevels < 0 || e.SeniorVisitsPerYear < 0).Select(e => $"tier {e.Tier} has a negative count"))
            .ToList();
        Guard.Against.Problems(problems, "entitlements", nameof(entitlements));

        _byTier = list.ToFrozenDictionary(e => e.Tier);
    }

    /// <summary>
    /// The practice's defaults: key customers have a dedicated account manager, the green channel (one level), on-site
    /// service, at least two senior visits a year and a quarterly review; VIP customers an account manager and the green
    /// channel; gold customers on-site service.
    /// </summary>
    public static EntitlementCatalog Default { get; } = new(
    [
        new TierEntitlements(ServiceTier.Key, null, true, 1, true, 2, Period.FromMonths(3)),
        new TierEntitlements(ServiceTier.Vip, null, true, 1, false, 1, null),
        new TierEntitlements(ServiceTier.Gold, null, false, 0, true, 0, null),
    ]);

    /// <summary>The entitlements of <paramref name="tier"/>.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>Its entitlements, or the standard ones when it is not listed.</returns>
    public TierEntitlements For(ServiceTier tier) => _byTier.TryGetValue(tier, out var entitlements) ? entitlements : TierEntitlements.Standard(tier);

    /// <summary>Whether <paramref name="other"/> lists equal entitlements for the same tiers, in any order.</summary>
    /// <param name="other">The other catalogue, or null.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(EntitlementCatalog? other) =>
        ReferenceEquals(this, other)
        || (other is not null && _byTier.Count == other._byTier.Count
            && _byTier.All(p => other._byTier.TryGetValue(p.Key, out var theirs) && p.Value.Equals(theirs)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EntitlementCatalog);

    /// <summary>A hash code consistent with <see cref="Equals(EntitlementCatalog)"/>, independent of the order the entitlements were listed in.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _byTier.Values.Aggregate(_byTier.Count, (sum, entitlements) => unchecked(sum + entitlements.GetHashCode()));
}
