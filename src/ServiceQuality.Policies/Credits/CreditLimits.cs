using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Credits;

/// <summary>The limits every credit policy applies: a cap, a minimum and a claim window.</summary>
/// <param name="CapPercent">The largest credit, in percent of the fee (100 for the whole fee).</param>
/// <param name="Minimum">Credits below this amount are not paid; null for no minimum.</param>
/// <param name="ClaimWindow">How long after the period's end a claim is accepted; null for no limit.</param>
public sealed record CreditLimits(decimal CapPercent = 100m, Money? Minimum = null, Duration? ClaimWindow = null)
{
    /// <summary>No cap below the fee, no minimum, no claim window.</summary>
    public static CreditLimits None { get; } = new();
}
