using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.Tests.Trust;

public sealed class TrustModelTests
{
    private static readonly string[] LabelNames = ["a", "b", "c", "d"];
    private static readonly string[] OperationNames = ["read", "write", "delete", "pay"];

    // A "Server" may touch only "Disk" objects; an "Admin" may also touch the critical "Database".
    private static readonly TrustModel Cloud = new TrustModelBuilder()
        .AddLabel("Server", ["read", "write"], ["Disk"])
        .AddLabel("Admin", ["read", "write", "delete"], ["Disk", "Database"])
        .AddLabel("Disk", [], [])
        .AddLabel("Database", [], [], criticalThreshold: 70)
        .AddBand(50, ["read", "write"])
        .AddBand(20, ["read"])
        .Build();

    [Fact]
    public void Decide_WhenTheSubjectIsAServer_TouchesOnlyDiskObjects()
    {
        Assert.Equal(TrustReasons.Allowed, Cloud.Decide("write", ["Server"], ["Disk"], 80).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, Cloud.Decide("read", ["Server"], ["Database"], 100).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, Cloud.Decide("read", ["Server"], ["Disk", "Database"], 100).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, Cloud.Decide("read", ["Server"], [], 100).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, Cloud.Decide("read", ["Server"], ["Tape"], 100).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, Cloud.Decide("read", ["Guest"], ["Disk"], 100).ReasonCode);
    }

    [Fact]
    public void Decide_WhenTheLabelMatchesButTheOperationIsNotInItsDefaultSet_Denies()
    {
        var decision = Cloud.Decide("delete", ["Server"], ["Disk"], 100);

        Assert.Equal((false, TrustReasons.NotInDefaultSet), (decision.Allowed, decision.ReasonCode));
        Assert.Equal(TrustReasons.Allowed, Cloud.Decide("delete", ["Server", "Admin"], ["Disk"], 100).ReasonCode);
    }

    [Fact]
    public void Decide_WhenACriticalObjectIsAskedForBelowItsThreshold_Denies()
    {
        var denied = Cloud.Decide("read", ["Admin"], ["Database"], 69);
        var allowed = Cloud.Decide("read", ["Admin"], ["Database"], 70);

        Assert.Equal((false, TrustReasons.CriticalObject, 70), (denied.Allowed, denied.ReasonCode, denied.Threshold));
        Assert.Equal((true, TrustReasons.Allowed, 70), (allowed.Allowed, allowed.ReasonCode, allowed.Threshold));
    }

    [Fact]
    public void Permissions_WhenTrustFallsIntoALowerBand_NarrowToASmallerSetThanTheLabelsDefault()
    {
        Assert.Equal(["delete", "read", "write"], Cloud.Permissions(["Admin"], ["Disk"], 90));
        Assert.Equal(["read", "write"], Cloud.Permissions(["Admin"], ["Disk"], 49));
        Assert.Equal(["read"], Cloud.Permissions(["Admin"], ["Disk"], 19));
        Assert.Empty(Cloud.Permissions(["Admin"], ["Database"], 69));
        var band = Cloud.Decide("delete", ["Admin"], ["Disk"], 49);
        Assert.Equal((false, TrustReasons.Band, 50), (band.Allowed, band.ReasonCode, band.Threshold));
    }

    [Theory]
    [InlineData("format", 100)]
    [InlineData("READ", 100)]
    [InlineData("read ", 0)]
    public void Decide_WhenTheOperationIsUnknown_DeniesIt(string operation, int score)
    {
        var decision = Cloud.Decide(operation, ["Admin", "Server"], ["Disk"], score);

        Assert.Equal((false, TrustReasons.UnknownOperation, 0), (decision.Allowed, decision.ReasonCode, decision.Threshold));
    }

    [Fact]
    public void Decide_WithTheStandardModel_GatesAccountHoldersAsTheStandardThresholds()
    {
        var model = TrustModel.Standard;

        Assert.Equal(TrustReasons.Band, model.Decide("refund", ["account-holder"], ["account"], 39).ReasonCode);
        Assert.Equal(TrustReasons.Allowed, model.Decide("refund", ["account-holder"], ["account"], 40).ReasonCode);
        Assert.Equal(TrustReasons.Band, model.Decide("credit-purchase", ["account-holder"], ["account"], 59).ReasonCode);
        Assert.Equal(TrustReasons.CriticalObject, model.Decide("read", ["account-holder"], ["payment-method"], 59).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, model.Decide("read", ["authorised-contact"], ["account"], 100).ReasonCode);
        Assert.Equal(TrustReasons.NotInDefaultSet, model.Decide("refund", ["authorised-contact"], ["ticket"], 100).ReasonCode);
        Assert.Equal(["comment", "read"], model.Permissions(["account-holder"], ["ticket"], 0));
        Assert.Equal(TrustReasons.UnknownOperation, TrustModel.Empty.Decide("read", ["account-holder"], ["account"], 100).ReasonCode);
    }

    [Fact]
    public void Decide_WithBadArguments_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cloud.Decide("read", ["Server"], ["Disk"], 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cloud.Permissions(["Server"], ["Disk"], -1));
        Assert.Throws<ArgumentException>(() => Cloud.Decide(" ", ["Server"], ["Disk"], 50));
        Assert.Throws<ArgumentException>(() => Cloud.Decide("read", ["Server", null!], ["Disk"], 50));
        Assert.Throws<ArgumentNullException>(() => Cloud.Decide("read", ["Server"], null!, 50));
    }

    [Fact]
    public void Build_ReportsEveryProblemWithItsPathAndCode()
    {
        var builder = new TrustModelBuilder()
            .AddLabel("Server", ["read", "read", ""], ["Disk", "Tape"], criticalThreshold: 101)
            .AddLabel("Server", [], [])
            .AddLabel("Disk", ["write"], [], criticalThreshold: -1)
            .AddBand(50, ["read", "write", "delete"])
            .AddBand(60, ["read"])
            .AddBand(0, ["read"])
            .AddBand(40, ["read", "write"])
            .AddBand(30, ["write", "read"]);

        var exception = Assert.Throws<InvalidDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "bands[0].operations[2] UnknownReference",
                "bands[1].below Conflict",
                "bands[2].below OutOfRange",
                "labels[0].criticalThreshold OutOfRange",
                "labels[0].mayTouch[1] UnknownReference",
                "labels[0].permissions[1] DuplicateId",
                "labels[0].permissions[2] MissingProperty",
                "labels[1].name DuplicateId",
                "labels[2].criticalThreshold OutOfRange",
            ],
            exception.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
        Assert.Equal(exception.Problems, builder.Validate());
    }

    [Fact]
    public void Build_WhenALowerBandAllowsWhatAHigherOneLeftOut_IsAConflict()
    {
        var builder = new TrustModelBuilder().AddLabel("a", ["read", "write"], ["a"]).AddBand(50, ["read"]).AddBand(30, ["read", "write"]);

        var problem = Assert.Single(builder.Validate());

        Assert.Equal(("bands[1].operations[1]", ProblemCode.Conflict), (problem.Path, problem.Code));
    }

    [Fact]
    public void Build_TheSameDefinitionTwice_GivesEqualModels()
    {
        TrustModel Build(string write) => new TrustModelBuilder().AddLabel("a", ["read", write], ["a"]).AddBand(50, ["read"]).Build();

        Assert.Equal(Build("write"), Build("write"));
        Assert.Equal(Build("write").GetHashCode(), Build("write").GetHashCode());
        Assert.NotEqual(Build("write"), Build("pay"));
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Decide_WhenTrustIsLowered_NeverGrantsMore() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var low = Math.Min(s.Score, s.Other);
            var high = Math.Max(s.Score, s.Other);
            Assert.True(!s.Model.Decide(s.Operation, s.Subjects, s.Objects, low).Allowed || s.Model.Decide(s.Operation, s.Subjects, s.Objects, high).Allowed);
            Assert.Subset(s.Model.Permissions(s.Subjects, s.Objects, high).ToHashSet(), s.Model.Permissions(s.Subjects, s.Objects, low).ToHashSet());
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Decide_WhenASubjectLabelIsRemoved_NeverGrantsMore() =>
        Prop.ForAll(Scenarios(), s =>
        {
            foreach (var removed in s.Subjects)
            {
                var fewer = s.Subjects.Where(l => l != removed).ToArray();
                Assert.True(!s.Model.Decide(s.Operation, fewer, s.Objects, s.Score).Allowed || s.Model.Decide(s.Operation, s.Subjects, s.Objects, s.Score).Allowed);
                Assert.Subset(s.Model.Permissions(s.Subjects, s.Objects, s.Score).ToHashSet(), s.Model.Permissions(fewer, s.Objects, s.Score).ToHashSet());
            }
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Decide_WhenTheOperationIsUnknown_AlwaysDenies() =>
        Prop.ForAll(Scenarios(), Gen.Elements("format", "Read", "", "pay!", "delete-all").ToArbitrary(), (s, suffix) =>
        {
            var operation = "x-" + suffix;
            var decision = s.Model.Decide(operation, s.Subjects, s.Objects, s.Score);
            Assert.Equal((false, TrustReasons.UnknownOperation), (decision.Allowed, decision.ReasonCode));
            Assert.DoesNotContain(operation, s.Model.Permissions(s.Subjects, s.Objects, s.Score));
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Decide_IsDeterministicAndAgreesWithThePermissions() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var decision = s.Model.Decide(s.Operation, s.Subjects, s.Objects, s.Score);
            Assert.Equal(decision, s.Model.Decide(s.Operation, [.. Enumerable.Reverse(s.Subjects)], [.. Enumerable.Reverse(s.Objects)], s.Score));
            Assert.Equal(decision.Allowed, s.Model.Permissions(s.Subjects, s.Objects, s.Score).Contains(s.Operation));
            Assert.Equal(decision.Allowed, decision.ReasonCode == TrustReasons.Allowed);
        });

    /// <summary>A random valid model over four labels and four operations, and a request against it.</summary>
    private static Arbitrary<Scenario> Scenarios() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from score in Gen.Choose(0, 100)
         from other in Gen.Choose(0, 100)
         select Scenario.From(seed, score, other)).ToArbitrary();

    private static string[] Pick(Random random, string[] from) => [.. from.Where(_ => random.Next(2) == 0)];

    private sealed record Scenario(TrustModel Model, string Operation, string[] Subjects, string[] Objects, int Score, int Other)
    {
        public static Scenario From(int seed, int score, int other)
        {
            var random = new Random(seed);
            var builder = new TrustModelBuilder();
            foreach (var name in LabelNames)
            {
                builder.AddLabel(name, Pick(random, OperationNames), Pick(random, LabelNames), random.Next(3) == 0 ? random.Next(0, 101) : null);
            }

            var model = builder.Build();
            var remaining = model.Operations.ToArray();
            var below = 101;
            for (var bands = random.Next(4); bands > 0 && below > 1; bands--)
            {
                below = random.Next(1, below);
                remaining = Pick(random, remaining);
                builder.AddBand(below, remaining);
            }

            return new Scenario(
                builder.Build(), random.Next(5) == 0 ? "unknown" : OperationNames[random.Next(OperationNames.Length)],
                [.. Pick(random, LabelNames), .. random.Next(4) == 0 ? ["stranger"] : Array.Empty<string>()], Pick(random, LabelNames), score, other);
        }
    }
}
