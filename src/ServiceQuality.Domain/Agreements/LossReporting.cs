using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// The same-day loss report an agreement requires (当日上报): a case claiming a loss above <see cref="Threshold"/> must be
/// escalated to at least <see cref="Level"/> (head office, in the practice) before the end of the local day it was received,
/// in the zone of the agreement's calendar. Measured as <see cref="Metric.LossReport"/>. Immutable; equal when the threshold
/// and the level are equal.
/// </summary>
public sealed record LossReporting
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="threshold">The claimed loss above which the report is due (practice: ¥10,000); with a currency, not negative.</param>
    /// <param name="level">The escalation level that counts as the report; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="threshold"/> has no currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative or <paramref name="level"/> is below 1.</exception>
    public LossReporting(Money threshold, int level)
    {
        Guard.Against.InvalidArgument(threshold.Currency is null, nameof(threshold), "The threshold needs a currency.");
        Guard.Against.ArgumentOutOfRange(threshold.IsNegative, nameof(threshold), $"The threshold cannot be negative; {threshold} given.");
        Guard.Against.LessThan(level, 1);
        (Threshold, Level) = (threshold, level);
    }

    /// <summary>The claimed loss above which the report is due; a loss in another currency never is.</summary>
    public Money Threshold { get; }

    /// <summary>The escalation level that counts as the report.</summary>
    public int Level { get; }

    /// <summary>Whether a case claiming <paramref name="claimedLoss"/> must be reported: above the threshold, in its currency.</summary>
    /// <param name="claimedLoss">The case's claimed loss, or null.</param>
    /// <returns>True when the loss is in the threshold's currency and above it.</returns>
    public bool Covers(Money? claimedLoss) => claimedLoss is { } loss && loss.Currency == Threshold.Currency && loss > Threshold;

    /// <summary>Returns the requirement, for messages.</summary>
    /// <returns>For example <c>loss above CNY 10000.00 reported at level 3 the same day</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"loss above {Threshold} reported at level {Level} the same day");
}
