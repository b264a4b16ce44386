using System.Collections.Immutable;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// A label of a <see cref="TrustModel"/>, carried by subjects (who asks) and objects (what is touched). As a subject's
/// label it scopes the objects the subject may touch and gives its default permission set; as an object's label it may
/// make the object critical. Immutable and thread-safe; equal labels compare equal. Built by <see cref="TrustModelBuilder"/>.
/// </summary>
public sealed record TrustLabel
{
    internal TrustLabel(string name, ImmutableSortedSet<string> permissions, ImmutableSortedSet<string> mayTouch, int? criticalThreshold) =>
        (Name, Permissions, MayTouch, CriticalThreshold) = (name, permissions, mayTouch, criticalThreshold);

    /// <summary>The label's name, compared ordinally.</summary>
    public string Name { get; }

    /// <summary>The default permission set: the operations a subject with this label may perform on the objects it may touch (before trust bands narrow it), in ordinal order.</summary>
    public ImmutableSortedSet<string> Permissions { get; }

    /// <summary>The object labels a subject with this label may touch, in ordinal order; an object is in scope when all its labels are here.</summary>
    public ImmutableSortedSet<string> MayTouch { get; }

    /// <summary>When set, objects with this label are critical: any operation on them is denied while the score is below this value (0-100).</summary>
    public int? CriticalThreshold { get; }

    /// <summary>Whether <paramref name="other"/> has the same name, sets and threshold.</summary>
    /// <param name="other">The other label.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TrustLabel? other) =>
        other is not null && Name == other.Name && CriticalThreshold == other.CriticalThreshold &&
        Permissions.SequenceEqual(other.Permissions, StringComparer.Ordinal) && MayTouch.SequenceEqual(other.MayTouch, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, CriticalThreshold, Permissions.Count, MayTouch.Count);
}
