namespace ServiceQuality.Domain.Agreements;

/// <summary>A warning stage in percent as an exact fraction of the target: <c>amount = target × Numerator / Denominator</c>.</summary>
internal readonly record struct StageFraction(long Numerator, long Denominator)
{
    /// <summary>The fraction for <paramref name="percent"/> (warning stages: between 0 and 100; escalation shares: up to 1,000), rounded to 12 decimal places.</summary>
    public static StageFraction Of(decimal percent)
    {
        percent = Math.Round(percent, ServiceLevelAgreement.StageDecimals);
        var scale = percent.Scale;
        var numerator = (long)(percent * Pow10(scale));
        return new StageFraction(numerator, 100L * Pow10(scale));
    }

    /// <summary>The stage's amount of a target, rounded down to the nanosecond (the same as decimal arithmetic would give).</summary>
    public long Of(long targetNanoseconds)
    {
        // At whole percents (a numerator of at most 100) the product fits 64 bits for any target under about 2.9 years;
        // 128-bit division, done in software, costs far more than the rest of a threshold, so it is kept for the products
        // that need it.
        var high = Math.BigMul(targetNanoseconds, Numerator, out var low);
        return high == (low >> 63) ? low / Denominator : (long)((Int128)targetNanoseconds * Numerator / Denominator);
    }

    /// <summary>
    /// As <see cref="Of(long)"/> for a target of any <c>Duration</c>: one longer than 2^63 ns (about 292 years) is
    /// computed in 128 bits, which hold any product of a duration's nanoseconds and a numerator.
    /// </summary>
    public Int128 Of(Int128 targetNanoseconds) =>
        targetNanoseconds <= long.MaxValue ? Of((long)targetNanoseconds) : targetNanoseconds * Numerator / Denominator;

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
