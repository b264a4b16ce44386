using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// The agreement versions a host runs, answering "which promises apply to this case?" by itself. For a case starting at
/// an instant it takes, of each agreement, the version <b>in force at the start</b> — the published version with the
/// latest <see cref="AgreementVersion.EffectiveFrom"/> at or before it, unless that version reached its
/// <see cref="AgreementVersion.EffectiveUntil"/> (or retirement) at or before it (a draft, a future, ended or retired version never
/// applies, and an earlier version does not come back in its place) — and keeps those whose
/// <see cref="AgreementVersion.Applicability"/> conditions cover the case (<see cref="Applicability.Covers(CaseProfile)"/>:
/// the customer's tier and id, the case's kind or category, channel, priority or severity, site, and the team handling it).
/// Precedence: the <b>first</b> covering
/// <see cref="AgreementKind.ServiceLevel"/> agreement in catalogue order (as Zendesk and Jira Service Management pick the
/// first matching policy), <b>every</b> covering <see cref="AgreementKind.OperationalLevel"/> agreement (one per team, as
/// ServiceNow attaches every matching definition), and the first covering <see cref="AgreementKind.UnderpinningContract"/>;
/// in that order. Immutable and thread-safe; two catalogues with equal versions in the same order are equal; a host records the choice on the case when it opens (the agreement
/// reference of <c>Ticket.Open</c> and <c>Complaint.Receive</c>), so a later catalogue change does not move an open case.
/// </summary>
public sealed class AgreementCatalog : IEquatable<AgreementCatalog>
{
    private readonly ImmutableArray<AgreementVersion> _versions;

    /// <summary>Each agreement's versions, in catalogue order of the agreements.</summary>
    private readonly ImmutableArray<(AgreementId Id, ImmutableArray<AgreementVersion> Versions)> _agreements;

    /// <summary>Creates a catalogue of versions.</summary>
    /// <param name="versions">The versions, in precedence order: an agreement's place is that of its first version listed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="versions"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two versions share an agreement id and version number.</exception>
    public AgreementCatalog(IEnumerable<AgreementVersion> versions)
    {
        Guard.Against.Null(versions);
        var list = versions.ToImmutableArray();
        var seen = new HashSet<AgreementReference>();
        var byId = new Dictionary<AgreementId, ImmutableArray<AgreementVersion>.Builder>();
        var order = new List<AgreementId>();
        foreach (var version in list)
        {
            Guard.Against.Null(version, nameof(versions));
            Guard.Against.InvalidArgument(!seen.Add(version.Reference), nameof(versions), $"{version.Reference} is listed twice.");
            if (!byId.TryGetValue(version.Id, out var entries))
            {
                byId[version.Id] = entries = ImmutableArray.CreateBuilder<AgreementVersion>();
                order.Add(version.Id);
            }

            entries.Add(version);
        }

        _versions = list;
        _agreements = [.. order.Select(id => (id, byId[id].ToImmutable()))];
    }

    /// <summary>Creates a catalogue of published agreements: their <see cref="ServiceLevelAgreement.Published"/> versions as they are now (retire a version, then build a new catalogue).</summary>
    /// <param name="versions">The published (or retired) agreements, in precedence order: an agreement's place is that of its first version listed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="versions"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An agreement is a draft, or two share an agreement id and version number.</exception>
    public AgreementCatalog(IEnumerable<ServiceLevelAgreement> versions)
        : this(Guard.Against.Null(versions).Select(v => Guard.Against.Null(v, nameof(versions)).PublishedFor(nameof(versions))).ToArray())
    {
    }

    /// <summary>The versions, as given.</summary>
    public IReadOnlyList<AgreementVersion> Versions => _versions;

    /// <summary>The version of <paramref name="id"/> in force at <paramref name="at"/>, or null when none is.</summary>
    /// <param name="id">The agreement.</param>
    /// <param name="at">The instant, usually the case's start.</param>
    /// <returns>The published version with the latest effective instant at or before <paramref name="at"/>, unless it ended (or was retired) by then.</returns>
    public AgreementVersion? VersionInForce(AgreementId id, Instant at)
    {
        foreach (var (agreement, versions) in _agreements)
        {
            if (agreement == id)
            {
                return InForce(versions, at);
            }
        }

        return null;
    }

    /// <summary>
    /// The agreement versions that apply to a ticket starting at <paramref name="start"/>, by the conditions on these
    /// attributes. A version with a condition on anything else (its customers, sites, teams or severities) is not chosen:
    /// these arguments cannot show it covers the case, as a case without a value is covered only by an empty list — use
    /// <see cref="Select"/> with the whole profile.
    /// </summary>
    /// <param name="tier">The customer's tier in force at the start.</param>
    /// <param name="kind">The ticket's kind.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The first priority.</param>
    /// <param name="start">When the ticket opens.</param>
    /// <returns>The customer SLA (at most one), every OLA and the underpinning contract (at most one), in that order.</returns>
    public IReadOnlyList<AgreementVersion> ForTicket(ServiceTier tier, TicketKind kind, Channel channel, Priority priority, Instant start)
    {
        Guard.Against.Default(tier);
        return SelectWhere(start, a => a.Applicability.CoversTicket(tier, kind, channel, priority) && AsksNoMore(a.Applicability));
    }

    /// <summary>
    /// The agreement versions that apply to a complaint received at <paramref name="start"/>, by the conditions on these
    /// attributes; as for <see cref="ForTicket"/>, a version with a condition on its customers, sites, teams or severities
    /// is not chosen (use <see cref="Select"/>).
    /// </summary>
    /// <param name="tier">The customer's tier in force at receipt.</param>
    /// <param name="category">The complaint's category.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="start">When the complaint is received.</param>
    /// <returns>The customer SLA (at most one), every OLA and the underpinning contract (at most one), in that order.</returns>
    public IReadOnlyList<AgreementVersion> ForComplaint(ServiceTier tier, ComplaintCategory category, Channel channel, Instant start)
    {
        Guard.Against.Default(tier);
        return SelectWhere(start, a => a.Applicability.CoversComplaint(tier, category, channel) && AsksNoMore(a.Applicability));
    }

    /// <summary>Whether the conditions are only on what <see cref="ForTicket"/> and <see cref="ForComplaint"/> are told.</summary>
    private static bool AsksNoMore(Applicability conditions) =>
        conditions.Customers.Count == 0 && conditions.Sites.Count == 0 && conditions.Teams.Count == 0 && conditions.Severities.Count == 0;

    /// <summary>The version a case recorded, by its reference.</summary>
    /// <param name="reference">The agreement and version.</param>
    /// <returns>The version, or null when the catalogue does not hold it.</returns>
    public AgreementVersion? Find(AgreementReference reference)
    {
        foreach (var (agreement, versions) in _agreements)
        {
            if (agreement == reference.Id)
            {
                foreach (var version in versions)
                {
                    if (version.Version == reference.Version)
                    {
                        return version;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The versions a ticket recorded when it opened (<see cref="TicketOpened.Agreement"/>, then
    /// <see cref="TicketOpened.OtherAgreements"/>), to evaluate it with: whatever the catalogue has gained since, a case keeps
    /// the versions it opened under — until the host recomputes them (<see cref="Tickets.Ticket.ReselectAgreements"/>); from
    /// the recompute on, evaluate with <see cref="Recorded(Tickets.Ticket)"/>, and before it, with these (or with
    /// <see cref="Recorded(Tickets.Ticket)"/> of the ticket rebuilt from its events up to then).
    /// </summary>
    /// <param name="opened">The ticket's opening.</param>
    /// <returns>The versions, in the order recorded; empty when the ticket recorded none.</returns>
    /// <exception cref="ArgumentException">The catalogue does not hold a version the ticket recorded.</exception>
    public IReadOnlyList<AgreementVersion> Recorded(TicketOpened opened)
    {
        Guard.Against.Null(opened);
        return Recorded(opened.Agreement, opened.OtherAgreements, nameof(opened));
    }

    /// <summary>
    /// The versions a ticket falls under now, to evaluate it with: those it opened under, or those of the host's last
    /// recompute (<see cref="Tickets.Ticket.ReselectAgreements"/>).
    /// </summary>
    /// <param name="ticket">The ticket.</param>
    /// <returns>The versions, in the order recorded; empty when the ticket recorded none.</returns>
    /// <exception cref="ArgumentException">The catalogue does not hold a version the ticket recorded.</exception>
    public IReadOnlyList<AgreementVersion> Recorded(Tickets.Ticket ticket)
    {
        Guard.Against.Null(ticket);
        return Recorded(ticket.Agreement, ticket.OtherAgreements, nameof(ticket));
    }

    /// <summary>
    /// The versions a complaint falls under now, to evaluate it with: those recorded at receipt, or those of the host's
    /// last recompute (<see cref="Complaints.Complaint.ReselectAgreements"/>).
    /// </summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The versions, in the order recorded; empty when the complaint recorded none.</returns>
    /// <exception cref="ArgumentException">The catalogue does not hold a version the complaint recorded.</exception>
    public IReadOnlyList<AgreementVersion> Recorded(Complaints.Complaint complaint)
    {
        Guard.Against.Null(complaint);
        return Recorded(complaint.Agreement, complaint.OtherAgreements, nameof(complaint));
    }

    /// <summary>
    /// The versions a complaint recorded at receipt, to evaluate it with until the host recomputes them
    /// (<see cref="Complaints.Complaint.ReselectAgreements"/>); see <see cref="Recorded(TicketOpened)"/>.
    /// </summary>
    /// <param name="received">The complaint's receipt.</param>
    /// <returns>The versions, in the order recorded; empty when the complaint recorded none.</returns>
    /// <exception cref="ArgumentException">The catalogue does not hold a version the complaint recorded.</exception>
    public IReadOnlyList<AgreementVersion> Recorded(ComplaintReceived received)
    {
        Guard.Against.Null(received);
        return Recorded(received.Agreement, received.OtherAgreements, nameof(received));
    }

    private List<AgreementVersion> Recorded(AgreementReference? agreement, IReadOnlyList<AgreementReference> others, string parameterName)
    {
        var found = new List<AgreementVersion>(others.Count + 1);
        foreach (var reference in agreement is { } main ? others.Prepend(main) : others)
        {
            found.Add(Find(reference) ?? throw new ArgumentException($"The catalogue does not hold {reference}, which the case recorded.", parameterName));
        }

        return found;
    }

    /// <summary>The agreement versions that apply to a case starting at <paramref name="start"/>, by every condition of their applicability.</summary>
    /// <param name="profile">The case: the customer, its attributes, its site and team.</param>
    /// <param name="start">When the case starts (a ticket's opening, a complaint's receipt).</param>
    /// <returns>The customer SLA (at most one), every OLA and the underpinning contract (at most one), in that order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public IReadOnlyList<AgreementVersion> Select(CaseProfile profile, Instant start)
    {
        Guard.Against.Null(profile);
        return SelectWhere(start, a => a.Applicability.Covers(profile));
    }

    /// <summary>The latest effective version at or before <paramref name="at"/> (the higher version number on a tie), unless it ended (or was retired) by then.</summary>
    private static AgreementVersion? InForce(ImmutableArray<AgreementVersion> versions, Instant at)
    {
        AgreementVersion? best = null;
        foreach (var version in versions)
        {
            if (version.EffectiveFrom <= at
                && (best is null || version.EffectiveFrom > best.EffectiveFrom || (version.EffectiveFrom == best.EffectiveFrom && version.Version > best.Version)))
            {
                best = version;
            }
        }

        return best is not null && best.IsInForceAt(at) ? best : null;
    }

    private List<AgreementVersion> SelectWhere(Instant start, Func<AgreementVersion, bool> covers)
    {
        AgreementVersion? sla = null;
        AgreementVersion? underpinning = null;
        var olas = new List<AgreementVersion>();
        foreach (var (_, versions) in _agreements)
        {
            if (InForce(versions, start) is not { } version || !covers(version))
            {
                continue;
            }

            switch (version.Kind)
            {
                case AgreementKind.ServiceLevel:
                    sla ??= version;
                    break;
                case AgreementKind.OperationalLevel:
                    olas.Add(version);
                    break;
                default:
                    underpinning ??= version;
                    break;
            }
        }

        var chosen = new List<AgreementVersion>(olas.Count + 2);
        if (sla is not null)
        {
            chosen.Add(sla);
        }

        chosen.AddRange(olas);
        if (underpinning is not null)
        {
            chosen.Add(underpinning);
        }

        return chosen;
    }

    /// <summary>Whether <paramref name="other"/> holds equal versions in the same order (the order is precedence, so it counts).</summary>
    /// <param name="other">The other catalogue, or null.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AgreementCatalog? other) => ReferenceEquals(this, other) || (other is not null && _versions.SequenceEqual(other._versions));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AgreementCatalog);

    /// <summary>A hash code consistent with <see cref="Equals(AgreementCatalog)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _versions.Aggregate(_versions.Length, (hash, version) => HashCode.Combine(hash, version));
}
