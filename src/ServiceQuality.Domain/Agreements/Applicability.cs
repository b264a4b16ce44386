using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// Which cases an agreement covers: conditions over the customer (tier, <see cref="Customers"/>), the case (kind or category,
/// channel, priority or <see cref="Severities"/>, <see cref="Sites"/>) and the team handling it (<see cref="Teams"/>). An
/// empty list means any value; a case is covered when every list is empty or holds its value, so a case without a value
/// (a ticket has no severity; a case without a site or a team yet) is covered only by an empty list. Kinds and priorities
/// are not asked of complaints, nor categories of tickets (as <see cref="CoversTicket"/> and <see cref="CoversComplaint"/> never did).
/// </summary>
/// <param name="Tiers">The customer tiers covered.</param>
/// <param name="Kinds">The ticket kinds covered.</param>
/// <param name="Channels">The channels covered.</param>
/// <param name="Priorities">The priorities covered.</param>
/// <param name="Categories">The complaint categories covered.</param>
public sealed record Applicability(
    IReadOnlyList<ServiceTier> Tiers, IReadOnlyList<TicketKind> Kinds, IReadOnlyList<Channel> Channels,
    IReadOnlyList<Priority> Priorities, IReadOnlyList<ComplaintCategory> Categories)
{
    // Every list is copied into an immutable array when the value is built, or changed with `with`: a definition cannot change afterwards.
    private readonly IReadOnlyList<ServiceTier> _tiers = Frozen.Copy(Tiers);
    private readonly IReadOnlyList<TicketKind> _kinds = Frozen.Copy(Kinds);
    private readonly IReadOnlyList<Channel> _channels = Frozen.Copy(Channels);
    private readonly IReadOnlyList<Priority> _priorities = Frozen.Copy(Priorities);
    private readonly IReadOnlyList<ComplaintCategory> _categories = Frozen.Copy(Categories);
    private readonly IReadOnlyList<CustomerId> _customers = [];
    private readonly IReadOnlyList<Severity> _severities = [];
    private readonly IReadOnlyList<string> _sites = [];
    private readonly IReadOnlyList<DepartmentId> _teams = [];

    /// <summary>The customer tiers covered.</summary>
    public IReadOnlyList<ServiceTier> Tiers { get => _tiers; init => _tiers = Frozen.Copy(value); }

    /// <summary>The ticket kinds covered.</summary>
    public IReadOnlyList<TicketKind> Kinds { get => _kinds; init => _kinds = Frozen.Copy(value); }

    /// <summary>The channels covered.</summary>
    public IReadOnlyList<Channel> Channels { get => _channels; init => _channels = Frozen.Copy(value); }

    /// <summary>The priorities covered.</summary>
    public IReadOnlyList<Priority> Priorities { get => _priorities; init => _priorities = Frozen.Copy(value); }

    /// <summary>The complaint categories covered.</summary>
    public IReadOnlyList<ComplaintCategory> Categories { get => _categories; init => _categories = Frozen.Copy(value); }

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
            && ContentEquality.Equal(Categories, other.Categories)
            && ContentEquality.Equal(Customers, other.Customers)
            && ContentEquality.Equal(Severities, other.Severities)
            && ContentEquality.Equal(Sites, other.Sites)
            && ContentEquality.Equal(Teams, other.Teams));

    /// <summary>A hash code consistent with <see cref="Equals(Applicability)"/>: the lists hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        ContentEquality.Hash(Tiers), ContentEquality.Hash(Kinds), ContentEquality.Hash(Channels), ContentEquality.Hash(Priorities),
        HashCode.Combine(
            ContentEquality.Hash(Categories), ContentEquality.Hash(Customers), ContentEquality.Hash(Severities), ContentEquality.Hash(Sites),
            ContentEquality.Hash(Teams)));

    /// <summary>The customers covered (a named key account's contract), by id; empty for any customer.</summary>
    public IReadOnlyList<CustomerId> Customers { get => _customers; init => _customers = Frozen.Copy(value); }

    /// <summary>The complaint severities covered; empty for any.</summary>
    public IReadOnlyList<Severity> Severities { get => _severities; init => _severities = Frozen.Copy(value); }

    /// <summary>The sites covered (a property, an estate, a branch: codes the host defines, compared ordinally); empty for any site, including none.</summary>
    public IReadOnlyList<string> Sites { get => _sites; init => _sites = Frozen.Copy(value); }

    /// <summary>The teams (departments) handling the case that are covered; empty for any team, including none yet.</summary>
    public IReadOnlyList<DepartmentId> Teams { get => _teams; init => _teams = Frozen.Copy(value); }

    /// <summary>Covers every case.</summary>
    public static Applicability Any { get; } = new([], [], [], [], []);

    /// <summary>Whether a ticket with these attributes is covered, by the conditions on them (the others are not asked: use <see cref="Covers(CaseProfile)"/>).</summary>
    /// <param name="tier">The customer's tier.</param>
    /// <param name="kind">The ticket kind.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <returns>True when every list is empty or contains the value.</returns>
    public bool CoversTicket(ServiceTier tier, TicketKind kind, Channel channel, Priority priority) =>
        Covers(Tiers, tier) && Covers(Kinds, kind) && Covers(Channels, channel) && Covers(Priorities, priority);

    /// <summary>Whether a complaint with these attributes is covered, by the conditions on them (the others are not asked: use <see cref="Covers(CaseProfile)"/>).</summary>
    /// <param name="tier">The customer's tier.</param>
    /// <param name="category">The complaint category.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>True when every relevant list is empty or contains the value.</returns>
    public bool CoversComplaint(ServiceTier tier, ComplaintCategory category, Channel channel) =>
        Covers(Tiers, tier) && Covers(Categories, category) && Covers(Channels, channel);

    /// <summary>Whether a case with this profile is covered: every condition's list is empty or holds the case's value.</summary>
    /// <param name="profile">The case.</param>
    /// <returns>True when every condition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public bool Covers(CaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var common = Covers(Tiers, profile.Tier) && Covers(Channels, profile.Channel) && Covers(Customers, profile.Customer)
            && CoversOptional(Sites, profile.Site) && CoversOptional(Teams, profile.Team) && CoversOptional(Severities, profile.Severity);
        return common && (profile.Category is { } category
            ? Covers(Categories, category)
            : CoversOptional(Kinds, profile.Kind) && Covers(Priorities, profile.Priority));
    }

    private static bool CoversOptional<T>(IReadOnlyList<T> allowed, T? value)
        where T : struct => allowed.Count == 0 || (value is { } v && allowed.Contains(v));

    private static bool CoversOptional(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && allowed.Contains(value, StringComparer.Ordinal));

    private static bool Covers<T>(IReadOnlyList<T> allowed, T value) => allowed.Count == 0 || allowed.Contains(value);
}
