using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Domain.Tests.Kpis;

public sealed class SatisfactionByDimensionTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly string[] Names = ["reception", "repair", "callback work"];

    private static VisitRecord Visit(int i, IReadOnlyDictionary<string, SatisfactionRating>? dimensions)
    {
        var v = VisitRecord.Plan(new VisitId($"V-{i}"), new CustomerId("C"), VisitSubject.None, VisitKind.PhoneCallback, T0, 3, T0);
        if (dimensions is not null)
        {
            v.Complete(SatisfactionRating.Satisfied, dimensions, null, new StaffId("agent"), T0);
        }

        return v;
    }

    [Fact]
    public void SatisfactionRateByDimension_CountsFoursAndFivesOverEachDimensionsRatings()
    {
        var rates = ServiceKpis.SatisfactionRateByDimension(
        [
            Visit(1, new Dictionary<string, SatisfactionRating> { ["repair"] = SatisfactionRating.VerySatisfied, ["reception"] = SatisfactionRating.Neutral }),
            Visit(2, new Dictionary<string, SatisfactionRating> { ["repair"] = SatisfactionRating.Dissatisfied }),
            Visit(3, null),
        ]);

        Assert.Equal(["reception", "repair"], rates.Keys);
        Assert.Equal((new Ratio(0, 1), new Ratio(1, 2)), (rates["reception"], rates["repair"]));
        Assert.Empty(ServiceKpis.SatisfactionRateByDimension([Visit(4, null)]));
        Assert.Throws<ArgumentNullException>(() => ServiceKpis.SatisfactionRateByDimension(null!));
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property SatisfactionRateByDimension_LiesInZeroToOne_AndEqualsTheHandCount()
    {
        var rating = Gen.Choose(1, 5).Select(r => (SatisfactionRating)r);
        var dimensions = Gen.SubListOf(Names).SelectMany(names => Gen.ArrayOf(rating, names.Count).Select(
            ratings => (IReadOnlyDictionary<string, SatisfactionRating>?)names.Zip(ratings).ToDictionary(p => p.First, p => p.Second)));
        var visit = Gen.Frequency((4, dimensions), (1, Gen.Constant((IReadOnlyDictionary<string, SatisfactionRating>?)null)));
        return Prop.ForAll(Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(visit, n)).ToArbitrary(), input =>
        {
            var rates = ServiceKpis.SatisfactionRateByDimension(input.Select((d, i) => Visit(i, d)));

            foreach (var name in Names)
            {
                var given = input.Where(d => d is not null && d.ContainsKey(name)).Select(d => d![name]).ToList();
                if (given.Count == 0)
                {
                    Assert.False(rates.ContainsKey(name));
                    continue;
                }

                var rate = rates[name];
                Assert.Equal(new Ratio(given.Count(r => r >= SatisfactionRating.Satisfied), given.Count), rate);
                Assert.InRange(rate.Percent!.Value, 0m, 100m);
                Assert.InRange(rate.Numerator, 0, rate.Denominator);
            }

            Assert.All(rates.Keys, k => Assert.Contains(k, Names));
        });
    }
}
