using FsCheck.Fluent;

namespace ServiceQuality.Testing.Tests;

public sealed class PropertyChecksTests
{
    [Fact]
    public void Check_OnAFalsifiableProperty_ThrowsNamingTheSeedAndTheProperty()
    {
        var property = Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), n => n < 500);

        var failure = Assert.Throws<PropertyCheckFailedException>(() => PropertyChecks.Check(property, 200, "below 500"));

        Assert.Equal(PropertyChecks.Seed, failure.Seed);
        Assert.Contains($"SQ_PROPERTY_SEED={failure.Seed}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'below 500'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnAPropertyThatHolds_RunsEveryCaseAndReturns()
    {
        var runs = 0;
        PropertyChecks.Check(Prop.ForAll(Gen.Choose(0, 10).ToArbitrary(), n =>
        {
            runs++;
            return n is >= 0 and <= 10;
        }), 150);

        Assert.Equal(150, runs);
    }

    [Fact]
    public void Check_WithTheSameSeed_GeneratesTheSameCases()
    {
        List<int> Run()
        {
            var seen = new List<int>();
            PropertyChecks.Check(Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), n => seen.Add(n)), 50);
            return seen;
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Check_WithNoCases_IsRefused() =>
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PropertyChecks.Check(Prop.ForAll(Gen.Constant(1).ToArbitrary(), _ => true), 0)).ParamName);
}
