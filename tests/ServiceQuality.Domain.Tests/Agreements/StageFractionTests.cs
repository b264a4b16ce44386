using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Agreements;

namespace ServiceQuality.Domain.Tests.Agreements;

public sealed class StageFractionTests
{
    [Property(MaxTest = 2_000, Replay = PropertyRuns.Replay)]
    public Property Of_IsTheExactFloorOfTheFraction_ForSmallAndHugeTargets()
    {
        // Targets up to 2^62 ns (about 146 years) reach both the 64-bit path and the 128-bit one.
        var targets = Gen.Choose(0, int.MaxValue).SelectMany(high => Gen.Choose(0, int.MaxValue).Select(low => ((long)high << 31) | (uint)low));
        var shifts = Gen.Choose(0, 62);
        var percents = Gen.Choose(1, 99_999_999).Select(millionths => millionths / 1_000_000m);
        var cases = targets.SelectMany(t => shifts.Select(shift => t >> shift)).SelectMany(t => percents.Select(p => (Target: t, Percent: p))).ToArbitrary();

        return Prop.ForAll(cases, c =>
        {
            var fraction = StageFraction.Of(c.Percent);
            var exact = new BigInteger(c.Target) * fraction.Numerator / fraction.Denominator;
            Assert.Equal((long)exact, fraction.Of(c.Target));
        });
    }
}
