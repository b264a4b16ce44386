using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.Tickets.Events;

/// <summary>Something that happened to a <see cref="Ticket"/>.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record TicketEvent(TicketId TicketId, Instant OccurredAt) : IDomainEvent;

/// <summary>The ticket was opened.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it was opened.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Channel">How the customer reached the centre.</param>
/// <param name="Priority">The first priority.</param>
/// <param name="FirstContactOwner">The staff member first reached, who owns the ticket to its end (首问负责制).</param>
/// <param name="CustomerTier">The customer's tier when the ticket was opened; a later tier change does not move the ticket.</param>
/// <param name="Agreement">The agreement version the ticket falls under, if any.</param>
/// <param name="RequiresOnSiteVisit">Whether the ticket needs someone on site (the on-site arrival metric applies).</param>
public sealed record TicketOpened(
    TicketId TicketId, Instant OccurredAt, CustomerId Customer, TicketKind Kind, Channel Channel, Priority Priority,
    StaffId FirstContactOwner, ServiceTier CustomerTier, AgreementReference? Agreement, bool RequiresOnSiteVisit)
    : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>
    /// The loss the customer claims, if any (a burst pipe's damage, say); not negative. Null, the default and what a ticket
    /// opened without one has, claims none. It drives the claimed-loss escalation and the same-day loss report
    /// (<see cref="Agreements.Metric.LossReport"/>), as a complaint's does.
    /// </summary>
    public Money? ClaimedLoss { get; init; }

    /// <summary>
    /// The operational-level agreements and the underpinning contract the ticket also falls under, chosen with
    /// <see cref="Agreement"/> when it opened (<see cref="Agreements.AgreementCatalog.Select"/>); empty (the default) when none
    /// were. A later catalogue change does not move them.
    /// </summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds equal members, <see cref="OtherAgreements"/> compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(TicketOpened? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && base.Equals(other)
            && Customer == other.Customer
            && Kind == other.Kind
            && Channel == other.Channel
            && Priority == other.Priority
            && FirstContactOwner == other.FirstContactOwner
            && CustomerTier == other.CustomerTier
            && Agreement == other.Agreement
            && RequiresOnSiteVisit == other.RequiresOnSiteVisit
            && ClaimedLoss == other.ClaimedLoss
            && ContentEquality.Equal(OtherAgreements, other.OtherAgreements));

    /// <summary>A hash code consistent with <see cref="Equals(TicketOpened)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        base.GetHashCode(), Customer, Kind, Channel, Priority, FirstContactOwner, CustomerTier,
        HashCode.Combine(Agreement, RequiresOnSiteVisit, ClaimedLoss, ContentEquality.Hash(OtherAgreements)));
}

/// <summary>The ticket was assigned.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Assignee">Who works on it.</param>
/// <param name="Department">The assignee's department, if known.</param>
public sealed record TicketAssigned(TicketId TicketId, Instant OccurredAt, StaffId Assignee, DepartmentId? Department) : TicketEvent(TicketId, OccurredAt);

/// <summary>The ticket was transferred internally (内转外不转): the assignee changed, the first-contact owner did not.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="From">The previous assignee.</param>
/// <param name="To">The new assignee.</param>
/// <param name="Department">The new assignee's department, if known.</param>
public sealed record TicketTransferred(TicketId TicketId, Instant OccurredAt, StaffId From, StaffId To, DepartmentId? Department) : TicketEvent(TicketId, OccurredAt);

/// <summary>A response was recorded; only a public one (visible to the customer) counts as a response.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who responded.</param>
/// <param name="IsPublic">Whether the customer can see it; internal notes do not count.</param>
public sealed record ResponseRecorded(TicketId TicketId, Instant OccurredAt, StaffId By, bool IsPublic) : TicketEvent(TicketId, OccurredAt);

/// <summary>Work on the ticket started.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record TicketWorkStarted(TicketId TicketId, Instant OccurredAt) : TicketEvent(TicketId, OccurredAt);

/// <summary>The ticket was put on hold.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record TicketOnHold(TicketId TicketId, Instant OccurredAt, HoldReason Reason) : TicketEvent(TicketId, OccurredAt);

/// <summary>Work resumed after a hold.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record TicketResumed(TicketId TicketId, Instant OccurredAt) : TicketEvent(TicketId, OccurredAt);

/// <summary>The ticket was referred to a third party; it waits on hold for the return.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Party">Who it was referred to.</param>
public sealed record ReferredToThirdParty(TicketId TicketId, Instant OccurredAt, string Party) : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the party masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Party = {PersonalData.Text(Party)}");
        return true;
    }
}

/// <summary>The third party returned the ticket; work resumed.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Result">What the third party reported.</param>
public sealed record ThirdPartyReturned(TicketId TicketId, Instant OccurredAt, string Result) : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the result masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Result = {PersonalData.Text(Result)}");
        return true;
    }
}

/// <summary>Someone arrived on site.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When they arrived.</param>
/// <param name="By">Who arrived.</param>
public sealed record OnSiteArrived(TicketId TicketId, Instant OccurredAt, StaffId By) : TicketEvent(TicketId, OccurredAt);

/// <summary>The priority changed.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="From">The previous priority.</param>
/// <param name="To">The new priority.</param>
public sealed record PriorityChanged(TicketId TicketId, Instant OccurredAt, Priority From, Priority To) : TicketEvent(TicketId, OccurredAt);

/// <summary>The ticket was resolved.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who resolved it.</param>
public sealed record TicketResolved(TicketId TicketId, Instant OccurredAt, StaffId By) : TicketEvent(TicketId, OccurredAt);

/// <summary>The resolved ticket was reopened.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record TicketReopened(TicketId TicketId, Instant OccurredAt, string Reason) : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}

/// <summary>The ticket was closed.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record TicketClosed(TicketId TicketId, Instant OccurredAt) : TicketEvent(TicketId, OccurredAt);

/// <summary>The ticket was cancelled.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record TicketCancelled(TicketId TicketId, Instant OccurredAt, string Reason) : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}

/// <summary>The ticket was escalated to a higher level.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Level">The new level.</param>
/// <param name="Target">Who was told.</param>
/// <param name="Reason">Why (a policy's reason code, or a text).</param>
public sealed record TicketEscalated(TicketId TicketId, Instant OccurredAt, int Level, string Target, string Reason) : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the target and the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Level = {Level}, Target = {PersonalData.Text(Target)}, Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}

/// <summary>
/// The host recomputed the ticket's agreements (重新匹配服务承诺): the customer's tier and the agreement versions the case
/// falls under, chosen again — a corrected tier, a corrected catalogue — replace those recorded when it opened, for the
/// whole case, from the case's start. Nothing else moves an open case to other terms.
/// </summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="OccurredAt">When the host recomputed them.</param>
/// <param name="CustomerTier">The customer's tier the case is measured for from now on.</param>
/// <param name="Agreement">The customer SLA version, if any.</param>
/// <param name="Reason">Why the host recomputed them.</param>
public sealed record TicketAgreementsReselected(TicketId TicketId, Instant OccurredAt, ServiceTier CustomerTier, AgreementReference? Agreement, string Reason)
    : TicketEvent(TicketId, OccurredAt)
{
    /// <summary>The OLAs and underpinning contract the ticket falls under from now on (empty, the default, when none).</summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds equal members, <see cref="OtherAgreements"/> compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(TicketAgreementsReselected? other) =>
        ReferenceEquals(this, other)
        || (other is not null && base.Equals(other) && CustomerTier == other.CustomerTier && Agreement == other.Agreement
            && string.Equals(Reason, other.Reason, StringComparison.Ordinal) && ContentEquality.Equal(OtherAgreements, other.OtherAgreements));

    /// <summary>A hash code consistent with <see cref="Equals(TicketAgreementsReselected)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), CustomerTier, Agreement, Reason, ContentEquality.Hash(OtherAgreements));

    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", CustomerTier = {CustomerTier}, Agreement = {Agreement}, OtherAgreements = [{string.Join(", ", OtherAgreements)}], Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}
