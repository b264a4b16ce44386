using System.Collections.Immutable;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// A trust band of a <see cref="TrustModel"/>: while the score is below <see cref="Below"/>, only the operations of
/// <see cref="Operations"/> remain of a subject's permission set (the dynamic set is the default set narrowed by every
/// band the score is below). Immutable and thread-safe; equal bands compare equal. Built by <see cref="TrustModelBuilder"/>.
/// </summary>
public sealed record TrustBand
{
    internal TrustBand(int below, ImmutableSortedSet<string> operations) => (Below, Operations) = (below, operations);

    /// <summary>The band applies to scores below this value (exclusive), 1-100.</summary>
    public int Below { get; }

    /// <summary>The operations that remain in the band, in ordinal order.</summary>
    public ImmutableSortedSet<string> Operations { get; }

    /// <summary>Whether <paramref name="other"/> has the same bound and operations.</summary>
    /// <param name="other">The other band.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TrustBand? other) =>
        other is not null && Below == other.Below && Operations.SequenceEqual(other.Operations, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Below, Operations.Count);
}
