using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Credits;

/// <summary>The credit owed for a period, exactly, with why.</summary>
/// <param name="Amount">The credit, in the fee's currency; zero when none is owed.</param>
/// <param name="SharePercent">The credit as a share of the fee, in percent, after cap and minimum.</param>
/// <param name="ReasonCode">A stable code, such as <c>band.2</c>, <c>linear</c>, <c>capped</c>, <c>below-minimum</c> or <c>claim-window-expired</c>.</param>
/// <param name="Description">The policy's description.</param>
public sealed record ServiceCredit(Money Amount, decimal SharePercent, string ReasonCode, string Description);
