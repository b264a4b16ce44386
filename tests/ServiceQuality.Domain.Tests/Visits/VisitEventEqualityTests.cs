using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceQuality.Domain.Tests.Visits;

/// <summary>A completed visit's event compares its ratings per dimension by content, in any order.</summary>
public sealed class VisitEventEqualityTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    private static readonly Gen<(string Name, SatisfactionRating Rating)[]> Ratings =
        Gen.ArrayOf(
                from name in Gen.Elements("reception", "repair", "callback")
                from rating in Gen.Elements(SatisfactionRating.Satisfied, SatisfactionRating.Dissatisfied)
                select (Name: name, Rating: rating))
            .Select(r => r.DistinctBy(d => d.Name).ToArray());

    [Fact]
    public void VisitCompleted_WithTheSameRatingsInAnotherOrderAndDictionary_IsEqualWithAnEqualHashCode()
    {
        var first = Completed(new Dictionary<string, SatisfactionRating> { ["reception"] = SatisfactionRating.Satisfied, ["repair"] = SatisfactionRating.Dissatisfied });
        var second = Completed(new SortedDictionary<string, SatisfactionRating>(StringComparer.Ordinal) { ["repair"] = SatisfactionRating.Dissatisfied, ["reception"] = SatisfactionRating.Satisfied });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Comment = "different" });
    }

    [Fact]
    public void VisitCompleted_WhoseKeysMatchOnlyUnderOneSidesComparer_IsNotEqual()
    {
        var ignoringCase = Completed(new Dictionary<string, SatisfactionRating>(StringComparer.OrdinalIgnoreCase) { ["Repair"] = SatisfactionRating.Satisfied });
        var ordinal = Completed(new Dictionary<string, SatisfactionRating>(StringComparer.Ordinal) { ["repair"] = SatisfactionRating.Satisfied });

        Assert.NotEqual(ignoringCase, ordinal);
        Assert.NotEqual(ordinal, ignoringCase);
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property VisitCompleted_IsEqualExactlyWhenTheRatingsAre() =>
        Prop.ForAll(Ratings.ToArbitrary(), Ratings.ToArbitrary(), (a, b) =>
        {
            var left = Completed(a.ToDictionary(r => r.Name, r => r.Rating));
            var right = Completed(Enumerable.Reverse(b).ToDictionary(r => r.Name, r => r.Rating));
            var equal = a.OrderBy(r => r.Name, StringComparer.Ordinal).SequenceEqual(b.OrderBy(r => r.Name, StringComparer.Ordinal));

            Assert.Equal(equal, left.Equals(right));
            Assert.Equal(equal, right.Equals((object)left));
            if (equal)
            {
                Assert.Equal(left.GetHashCode(), right.GetHashCode());
            }
        });

    private static VisitCompleted Completed(IReadOnlyDictionary<string, SatisfactionRating> dimensions) =>
        new(new VisitId("V-1"), T0, SatisfactionRating.Satisfied, dimensions, "Fine", new StaffId("S-1"));
}
