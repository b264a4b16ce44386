using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>Which cases an agreement covers. An empty list means any value.</summary>
/// <param name="Tiers">The customer tiers covered.</param>
/// <param name="Kinds">The ticket kinds covered.</param>
/// <param name="Channels">The channels covered.</param>
/// <param name="Priorities">The priorities covered.</param>
/// <param name="Categories">The complaint categories covered.</param>
public sealed record Applicability(
    IReadOnlyList<ServiceTier> Tiers, IReadOnlyList<TicketKind> Kinds, IReadOnlyList<Channel> Channels,
    IReadOnlyList<Priority> Priorities, IReadOnlyList<ComplaintCategory> Categories)
{
    /// <summary>Whether <paramref name="other"/> holds equal members, the lists compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(Applicability? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && ContentEquality.Equal(Tiers, other.Tiers)
            && ContentEquality.Equal(Kinds, other.Kinds)
            && ContentEquality.Equal(Channels, other.Channels)
            && ContentEquality.Equal(Priorities, other.Priorities)
            && ContentEquality.Equal(Categories, other.Categories));

    /// <summary>A hash code consistent with <see cref="Equals(Applicability)"/>: the lists hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        ContentEquality.Hash(Tiers), ContentEquality.Hash(Kinds), ContentEquality.Hash(Channels), ContentEquality.Hash(Priorities),
        ContentEquality.Hash(Categories));

    /// <summary>Covers every case.</summary>
    public static Applicability Any { get; } = new([], [], [], [], []);

    /// <summary>Whether a ticket with these attributes is covered.</summary>
    /// <param name="tier">The customer's tier.</param>
    /// <param name="kind">The ticket kind.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <returns>True when every list is empty or contains the value.</returns>
    public bool CoversTicket(ServiceTier tier, TicketKind kind, Channel channel, Priority priority) =>
        Covers(Tiers, tier) && Covers(Kinds, kind) && Covers(Channels, channel) && Covers(Priorities, priority);

    /// <summary>Whether a complaint with these attributes is covered.</summary>
    /// <param name="tier">The customer's tier.</param>
    /// <param name="category">The complaint category.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>True when every relevant list is empty or contains the value.</returns>
    public bool CoversComplaint(ServiceTier tier, ComplaintCategory category, Channel channel) =>
        Covers(Tiers, tier) && Covers(Categories, category) && Covers(Channels, channel);

    private static bool Covers<T>(IReadOnlyList<T> allowed, T value) => allowed.Count == 0 || allowed.Contains(value);
}
