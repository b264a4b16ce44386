namespace ServiceQuality.Policies.Credits;

/// <summary>A band of a banded credit policy: compliance below <paramref name="BelowPercent"/> earns <paramref name="CreditPercent"/> of the fee.</summary>
/// <param name="BelowPercent">The compliance (in percent) under which the band applies, exclusive.</param>
/// <param name="CreditPercent">The credit, in percent of the fee.</param>
public readonly record struct CreditBand(decimal BelowPercent, decimal CreditPercent);
