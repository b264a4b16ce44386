using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.Tests.Scoring;

public sealed class ScoringTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 0, 0);
    private static readonly NodaTime.Interval March = new(T0, Instant.FromUtc(2025, 4, 1, 0, 0));
    private static readonly ScoreSubject Li = ScoreSubject.Staff(new StaffId("li"));
    private static readonly ScoreSubject Wang = ScoreSubject.Staff(new StaffId("wang"));
    private static readonly ScoringEngine Engine = new(ScorecardDefinition.Default, ScoringRules.Default());

    private static ScoreFact Fact(ScoreSubject subject, FactKind kind, int value = 0, int day = 1) => new(subject, kind, T0 + Duration.FromDays(day), value, "T-1");

    [Fact]
    public void Score_SumsPointsPerSectionAndRenormalisesSectionsWithoutEntries()
    {
        // service: 100 + 1 + 1 - 2 = 100; satisfaction: 100 + 4 - 4 = 100 -> clamp 100, then a 1-star: 96.
        var facts = new[]
        {
            Fact(Li, FactKind.SlaMet), Fact(Li, FactKind.SlaMet), Fact(Li, FactKind.SlaMissed), Fact(Li, FactKind.SlaMissed),
            Fact(Li, FactKind.SatisfactionRating, 1),
        };

        var card = Assert.Single(Engine.Score(facts, March));

        Assert.Equal(Li, card.Subject);
        Assert.Equal([98m, 96m], card.Sections.Where(s => s.Score is not null).Select(s => s.Score!.Value));
        Assert.Equal([66.666666666666666666666666667m, 33.333333333333333333333333333m], card.Sections.Where(s => s.Score is not null).Select(s => s.EffectiveWeightPercent));
        Assert.Equal(97.33m, Math.Round(card.Total, 2));
        Assert.Equal(100m, Math.Round(card.Sections.Sum(s => s.EffectiveWeightPercent), 20));
    }

    [Fact]
    public void Score_AnAutomaticFailItem_SetsTheTotalToZero()
    {
        var card = Assert.Single(Engine.Score([Fact(Li, FactKind.Commendation), Fact(Li, FactKind.AcceptedGift)], March));

        Assert.True(card.AutomaticFail);
        Assert.Equal((0m, "accepted-gift"), (card.Total, Assert.Single(card.FailReasons)));
    }

    [Fact]
    public void Score_IgnoresFactsOutsideThePeriodAndCountsSubstantiatedComplaints()
    {
        var cards = Engine.Score([Fact(Li, FactKind.ComplaintSubstantiated), Fact(Wang, FactKind.SlaMet), Fact(Wang, FactKind.ComplaintSubstantiated, day: 40)], March);

        Assert.Equal([Li, Wang], cards.Select(c => c.Subject));
        Assert.Equal((1L, 0L), (cards[0].SubstantiatedComplaints, cards[1].SubstantiatedComplaints));
        Assert.Equal(90m, cards[0].Total);
    }

    [Fact]
    public void Score_WithARuleForAnUnknownSection_NamesIt()
    {
        var engine = new ScoringEngine(ScorecardDefinition.Default, [ScoringRules.Points(FactKind.SlaMet, "speed", 1m, "x")]);
        var exception = Assert.Throws<ArgumentException>(() => engine.Score([Fact(Li, FactKind.SlaMet)], March));
        Assert.Contains("'speed'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ListsEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ScorecardDefinition(120m, [new ScoreSection("a", 50m), new ScoreSection("a", 30m), new ScoreSection("b", 0m)]));

        Assert.Contains("base score", exception.Message, StringComparison.Ordinal);
        Assert.Contains("sections[1].name: section 'a' is listed twice", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'b' needs a positive weight", exception.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 80 %", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standings_AwardCardsStarsBottomFlagAndComplaintFreeTitle()
    {
        // Subject i has i substantiated complaints (-10 each) and one SLA met: totals 100, 96.7, 93.3, 90, 86.7, 83.3, 80,
        // 76.7, 73.3, 70; a last subject accepted a gift (automatic fail, 0).
        var subjects = Enumerable.Range(0, 10).Select(i => ScoreSubject.Staff(new StaffId("s" + i))).ToArray();
        var gift = ScoreSubject.Staff(new StaffId("z-gift"));
        var facts = new List<ScoreFact> { Fact(gift, FactKind.AcceptedGift) };
        for (var i = 0; i < subjects.Length; i++)
        {
            facts.AddRange(Enumerable.Repeat(Fact(subjects[i], FactKind.ComplaintSubstantiated), i));
            facts.Add(Fact(subjects[i], FactKind.SlaMet));
        }

        var standings = Standings.Evaluate(Engine.Score(facts, March), StandingRules.Default);

        Assert.Equal([.. subjects.Select(s => s.Id), "z-gift"], standings.Select(s => s.Scorecard.Subject.Id));
        Assert.Equal([4, 3, 2, 2, 1, 0, 0, 0, 0, 0, 0], standings.Select(s => s.Stars));
        Assert.Equal(
            [CardColour.None, CardColour.None, CardColour.None, CardColour.None, CardColour.None, CardColour.None, CardColour.None, CardColour.Yellow, CardColour.Yellow, CardColour.Yellow, CardColour.Red],
            standings.Select(s => s.Card));
        Assert.Equal([true, false, false, false, false, false, false, false, false, false, true], standings.Select(s => s.ComplaintFree));
        Assert.Equal([false, false, false, false, false, false, false, false, false, true, true], standings.Select(s => s.BottomFlagged));
        Assert.Equal(Enumerable.Range(1, 11), standings.Select(s => s.Rank));
        Assert.Throws<ArgumentException>(() => Standings.Evaluate([], StandingRules.Default with { RedBelow = 90m }));
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Scorecards_WeightsNormaliseTo100AndScoresStayWithinBounds() =>
        Prop.ForAll(
            Gen.ListOf(from subject in Gen.Elements(Li, Wang)
                       from kind in Gen.Elements(Enum.GetValues<FactKind>())
                       from value in Gen.Choose(1, 5)
                       from day in Gen.Choose(0, 30)
                       select Fact(subject, kind, value, day)).ToArbitrary(),
            facts =>
            {
                foreach (var card in Engine.Score(facts, March))
                {
                    Assert.InRange(card.Total, 0m, 100m);
                    Assert.All(card.Sections, s => Assert.True(s.Score is null || s.Score is >= 0m and <= 100m));
                    var applicable = card.Sections.Where(s => s.Score is not null).ToList();
                    if (applicable.Count > 0)
                    {
                        Assert.Equal(100m, Math.Round(applicable.Sum(s => s.EffectiveWeightPercent), 20));
                    }
                }
            });
}
