using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.Complaints.Events;

/// <summary>Something that happened to a <see cref="Complaint"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record ComplaintEvent(ComplaintId ComplaintId, Instant OccurredAt) : IDomainEvent;

/// <summary>The complaint was received.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When it was received.</param>
/// <param name="Customer">Who complained.</param>
/// <param name="Channel">How.</param>
/// <param name="Category">What about.</param>
/// <param name="Severity">How serious.</param>
/// <param name="ClaimedLoss">The loss the customer claims, if any.</param>
/// <param name="AgainstStaff">The staff member complained about, if any.</param>
/// <param name="AgainstDepartment">The department complained about, if any.</param>
/// <param name="RelatedTicket">The ticket the complaint is about, if any.</param>
/// <param name="CallbackRequired">Whether closing needs a completed callback (每案必访).</param>
public sealed record ComplaintReceived(
    ComplaintId ComplaintId, Instant OccurredAt, CustomerId Customer, Channel Channel, ComplaintCategory Category, Severity Severity,
    Money? ClaimedLoss, StaffId? AgainstStaff, DepartmentId? AgainstDepartment, TicketId? RelatedTicket, bool CallbackRequired)
    : ComplaintEvent(ComplaintId, OccurredAt)
{
    /// <summary>
    /// The customer's tier in force at receipt, or null (the default, and what a complaint received without one has): then
    /// the caller of the evaluation says which tier it was.
    /// </summary>
    public ServiceTier? CustomerTier { get; init; }

    /// <summary>The agreement version the complaint falls under, or null (the default): none recorded.</summary>
    public AgreementReference? Agreement { get; init; }

    /// <summary>
    /// The operational-level agreements and the underpinning contract the complaint also falls under, chosen with
    /// <see cref="Agreement"/> at receipt; empty (the default) when none were.
    /// </summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds equal members, <see cref="OtherAgreements"/> compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(ComplaintReceived? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && base.Equals(other)
            && Customer == other.Customer
            && Channel == other.Channel
            && Category == other.Category
            && Severity == other.Severity
            && ClaimedLoss == other.ClaimedLoss
            && AgainstStaff == other.AgainstStaff
            && AgainstDepartment == other.AgainstDepartment
            && RelatedTicket == other.RelatedTicket
            && CallbackRequired == other.CallbackRequired
            && CustomerTier == other.CustomerTier
            && Agreement == other.Agreement
            && ContentEquality.Equal(OtherAgreements, other.OtherAgreements));

    /// <summary>A hash code consistent with <see cref="Equals(ComplaintReceived)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        base.GetHashCode(), Customer, Channel, Category, Severity, ClaimedLoss, HashCode.Combine(AgainstStaff, AgainstDepartment, RelatedTicket),
        HashCode.Combine(CallbackRequired, CustomerTier, Agreement, ContentEquality.Hash(OtherAgreements)));
}

/// <summary>The complaint was registered (acknowledged).</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ComplaintRegistered(ComplaintId ComplaintId, Instant OccurredAt) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>An investigation was assigned.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Person">The responsible person.</param>
/// <param name="Deadline">When it is due.</param>
public sealed record InvestigationAssigned(ComplaintId ComplaintId, Instant OccurredAt, DepartmentId Department, StaffId Person, Instant Deadline)
    : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>A reply and remedy were given.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reply">What the customer was told.</param>
/// <param name="Remedy">What will be done.</param>
public sealed record ComplaintResponded(ComplaintId ComplaintId, Instant OccurredAt, string Reply, string Remedy) : ComplaintEvent(ComplaintId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reply and the remedy masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Reply = {PersonalData.Text(Reply)}, Remedy = {PersonalData.Text(Remedy)}");
        return true;
    }
}

/// <summary>The complaint was resolved.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ComplaintResolved(ComplaintId ComplaintId, Instant OccurredAt) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>A verdict was recorded (a later verdict replaces an earlier one).</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Outcome">The finding.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided.</param>
public sealed record VerdictRecorded(ComplaintId ComplaintId, Instant OccurredAt, VerdictOutcome Outcome, string Reason, StaffId DecidedBy)
    : ComplaintEvent(ComplaintId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Outcome = {Outcome}, Reason = {PersonalData.Text(Reason)}, DecidedBy = {DecidedBy}");
        return true;
    }
}

/// <summary>The customer was called back.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Satisfied">Whether the customer was satisfied; if not, the complaint returns to investigation.</param>
public sealed record CallbackRecorded(ComplaintId ComplaintId, Instant OccurredAt, bool Satisfied) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>The required callback was waived.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">Why (for example: the customer asked not to be called).</param>
public sealed record CallbackWaived(ComplaintId ComplaintId, Instant OccurredAt, string Reason) : ComplaintEvent(ComplaintId, OccurredAt)
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

/// <summary>The complaint was closed.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ComplaintClosed(ComplaintId ComplaintId, Instant OccurredAt) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>The customer withdrew the complaint.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintWithdrawn(ComplaintId ComplaintId, Instant OccurredAt, string Reason) : ComplaintEvent(ComplaintId, OccurredAt)
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

/// <summary>The complaint was escalated to a higher level.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Level">The new level.</param>
/// <param name="Target">Who was told.</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintEscalated(ComplaintId ComplaintId, Instant OccurredAt, int Level, string Target, string Reason) : ComplaintEvent(ComplaintId, OccurredAt)
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

/// <summary>This complaint was merged, as a duplicate, into a primary complaint.</summary>
/// <param name="ComplaintId">The duplicate.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Primary">The complaint it was merged into.</param>
public sealed record ComplaintMerged(ComplaintId ComplaintId, Instant OccurredAt, ComplaintId Primary) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>A duplicate was merged into this (primary) complaint.</summary>
/// <param name="ComplaintId">The primary.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Duplicate">The duplicate merged in.</param>
/// <param name="DuplicateReceivedAt">When the duplicate was received; the primary keeps the earliest receipt.</param>
public sealed record DuplicateMerged(ComplaintId ComplaintId, Instant OccurredAt, ComplaintId Duplicate, Instant DuplicateReceivedAt)
    : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>Compensation was paid or promised.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Amount">The amount, positive.</param>
public sealed record CompensationRecorded(ComplaintId ComplaintId, Instant OccurredAt, Money Amount) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>The severity changed.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Severity">The new severity.</param>
public sealed record SeverityChanged(ComplaintId ComplaintId, Instant OccurredAt, Severity Severity) : ComplaintEvent(ComplaintId, OccurredAt);

/// <summary>
/// The host recomputed the complaint's agreements (重新匹配服务承诺): the customer's tier and the agreement versions chosen
/// again replace those recorded at receipt, for the whole case, from its start; see
/// <see cref="Tickets.Events.TicketAgreementsReselected"/>.
/// </summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OccurredAt">When the host recomputed them.</param>
/// <param name="CustomerTier">The customer's tier the complaint is measured for from now on.</param>
/// <param name="Agreement">The customer SLA version, if any.</param>
/// <param name="Reason">Why the host recomputed them.</param>
public sealed record ComplaintAgreementsReselected(ComplaintId ComplaintId, Instant OccurredAt, ServiceTier CustomerTier, AgreementReference? Agreement, string Reason)
    : ComplaintEvent(ComplaintId, OccurredAt)
{
    /// <summary>The OLAs and underpinning contract the complaint falls under from now on (empty, the default, when none).</summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds equal members, <see cref="OtherAgreements"/> compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(ComplaintAgreementsReselected? other) =>
        ReferenceEquals(this, other)
        || (other is not null && base.Equals(other) && CustomerTier == other.CustomerTier && Agreement == other.Agreement
            && string.Equals(Reason, other.Reason, StringComparison.Ordinal) && ContentEquality.Equal(OtherAgreements, other.OtherAgreements));

    /// <summary>A hash code consistent with <see cref="Equals(ComplaintAgreementsReselected)"/>.</summary>
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
