using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.Tests.Definitions;

/// <summary>
/// Ladders and scorecards are built as calendars, agreement versions and trust models are: a builder that reports every
/// problem at once, with a code and the path a definitions file gives it, and values that do not change once built.
/// </summary>
public sealed class DefinitionBuilderTests
{
    [Fact]
    public void LadderBuilder_NumbersTheLevelsInOrder_AndBuildsWhatTheConstructorBuilds()
    {
        var ladder = new EscalationLadderBuilder().AddStep("team lead", "lead@desk").AddStep("manager", "manager@desk").Build();

        Assert.Equal([new EscalationStep(1, "team lead", "lead@desk"), new EscalationStep(2, "manager", "manager@desk")], ladder.Steps);
        Assert.Equal(new EscalationStep(2, "manager", "manager@desk"), ladder.Step(5));
    }

    [Fact]
    public void LadderBuilder_ReportsEveryProblemWithItsCodeAndPath()
    {
        var builder = new EscalationLadderBuilder().AddStep(" ", "lead").AddStep("manager", "");

        var problems = Assert.Throws<InvalidDefinitionException>(builder.Build).Problems;

        Assert.Equal([("ladder[0].name", ProblemCode.Empty), ("ladder[1].target", ProblemCode.Empty)], problems.Select(p => (p.Path, p.Code)));
        Assert.Equal([("ladder", ProblemCode.Empty)], new EscalationLadderBuilder().Validate().Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void LadderConstructor_StillRefusesWithEveryProblemInOneArgumentException()
    {
        var failure = Assert.Throws<ArgumentException>(() => new EscalationLadder([new EscalationStep(2, "a", "b"), new EscalationStep(2, "", "c")]));

        Assert.Equal("steps", failure.ParamName);
        Assert.Contains("ladder[0].level", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ladder[1].name", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScorecardBuilder_ReportsEveryProblemWithItsCodeAndPath_AndCanBeMendedAndBuiltAgain()
    {
        var builder = new ScorecardDefinitionBuilder().SetBaseScore(120m).AddSection("service", 60m).AddSection("service", 0m).AddSection(" ", 20m);

        var problems = Assert.Throws<InvalidDefinitionException>(builder.Build).Problems;

        Assert.Equal(
            [
                ("baseScore", ProblemCode.OutOfRange), ("sections[1].name", ProblemCode.DuplicateId), ("sections[1].weight", ProblemCode.OutOfRange),
                ("sections[2].name", ProblemCode.Empty), ("sections", ProblemCode.Conflict),
            ],
            problems.Select(p => (p.Path, p.Code)));

        var mended = new ScorecardDefinitionBuilder().AddSection("service", 60m).AddSection("conduct", 40m).Build();
        Assert.Equal((100m, 2), (mended.BaseScore, mended.Sections.Count));
        Assert.False(mended.Sections is System.Collections.IList { IsReadOnly: false });
    }

    [Fact]
    public void LaddersAndScorecards_WithTheSameTerms_AreEqual_AndExposeNoMutableList()
    {
        var ladder = new EscalationLadderBuilder().AddStep("team lead", "lead").Build();
        var scorecard = new ScorecardDefinitionBuilder().AddSection("service", 100m).Build();

        Assert.Equal(new EscalationLadder([new EscalationStep(1, "team lead", "lead")]), ladder);
        Assert.Equal(ladder.GetHashCode(), new EscalationLadderBuilder().AddStep("team lead", "lead").Build().GetHashCode());
        Assert.NotEqual(ladder, new EscalationLadderBuilder().AddStep("team lead", "manager").Build());
        Assert.Equal(new ScorecardDefinition(100m, [new ScoreSection("service", 100m)]), scorecard);
        Assert.NotEqual(new ScorecardDefinition(90m, [new ScoreSection("service", 100m)]), scorecard);
        Assert.False(ladder.Steps is System.Collections.IList { IsReadOnly: false });
        Assert.False(scorecard.Sections is System.Collections.IList { IsReadOnly: false });
    }
}
