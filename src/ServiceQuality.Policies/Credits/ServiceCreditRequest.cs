using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Credits;

/// <summary>A claim for service credit for one period.</summary>
/// <param name="Compliance">The measured compliance of the period (for example availability or SLA compliance).</param>
/// <param name="Fee">The fee of the period the credit is a share of.</param>
/// <param name="PeriodEnd">When the period ended.</param>
/// <param name="ClaimedAt">When the customer claimed the credit.</param>
public sealed record ServiceCreditRequest(Ratio Compliance, Money Fee, Instant PeriodEnd, Instant ClaimedAt);
