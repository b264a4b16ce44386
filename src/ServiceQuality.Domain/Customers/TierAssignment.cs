using NodaTime;

namespace ServiceQuality.Domain.Customers;

/// <summary>A tier given to a customer from a date on.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="EffectiveFrom">The first local date on which the tier applies.</param>
/// <param name="Reason">Why it was given, for audit (for example "annual re-selection 2025").</param>
public sealed record TierAssignment(ServiceTier Tier, LocalDate EffectiveFrom, string Reason);
