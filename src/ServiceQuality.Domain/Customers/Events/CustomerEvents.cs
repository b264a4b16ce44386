using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers.Events;

/// <summary>Something that happened to a <see cref="Customer"/>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record CustomerEvent(CustomerId CustomerId, Instant OccurredAt) : IDomainEvent;

/// <summary>The customer was registered.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="DisplayName">The name shown to staff.</param>
/// <param name="Contact">How to reach the customer (personal data).</param>
/// <param name="Tier">The first tier, effective from <paramref name="CustomerSince"/>.</param>
/// <param name="CustomerSince">The local date the customer relationship began.</param>
public sealed record CustomerRegistered(CustomerId CustomerId, Instant OccurredAt, string DisplayName, ContactDetails Contact, ServiceTier Tier, LocalDate CustomerSince)
    : CustomerEvent(CustomerId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the display name and the contact details masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", DisplayName = {PersonalData.Text(DisplayName)}, Contact = {Contact}, Tier = {Tier}, CustomerSince = {CustomerSince}");
        return true;
    }
}

/// <summary>The customer's tier changed from a date on.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Tier">The new tier.</param>
/// <param name="EffectiveFrom">The first local date of the new tier.</param>
/// <param name="Reason">Why, for audit.</param>
public sealed record TierChanged(CustomerId CustomerId, Instant OccurredAt, ServiceTier Tier, LocalDate EffectiveFrom, string Reason)
    : CustomerEvent(CustomerId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Tier = {Tier}, EffectiveFrom = {EffectiveFrom}, Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}

/// <summary>The customer's credit grade changed.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Grade">The new grade.</param>
public sealed record CreditGradeChanged(CustomerId CustomerId, Instant OccurredAt, CreditGrade Grade) : CustomerEvent(CustomerId, OccurredAt);

/// <summary>The customer's trust score was recomputed.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Score">The new score, 0 to 100.</param>
/// <param name="Reason">Why, for audit.</param>
public sealed record TrustScoreUpdated(CustomerId CustomerId, Instant OccurredAt, int Score, string Reason) : CustomerEvent(CustomerId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Score = {Score}, Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}

/// <summary>The customer's account manager changed.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Manager">The new account manager, or null for none.</param>
public sealed record AccountManagerAssigned(CustomerId CustomerId, Instant OccurredAt, StaffId? Manager) : CustomerEvent(CustomerId, OccurredAt);

/// <summary>The customer's care flags changed.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Flags">The flags now set.</param>
public sealed record CareFlagsChanged(CustomerId CustomerId, Instant OccurredAt, CareFlags Flags) : CustomerEvent(CustomerId, OccurredAt);

/// <summary>Spend was recorded against a year.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Year">The year the spend counts for.</param>
/// <param name="Amount">The amount, positive.</param>
public sealed record SpendRecorded(CustomerId CustomerId, Instant OccurredAt, int Year, Money Amount) : CustomerEvent(CustomerId, OccurredAt);

/// <summary>The customer's contact details changed.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Contact">The new details (personal data).</param>
public sealed record ContactDetailsChanged(CustomerId CustomerId, Instant OccurredAt, ContactDetails Contact) : CustomerEvent(CustomerId, OccurredAt);
