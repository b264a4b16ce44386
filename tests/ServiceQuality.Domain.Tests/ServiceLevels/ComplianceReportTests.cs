using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

public sealed class ComplianceReportTests
{
    [Fact]
    public void From_ADefaultStatus_KnowsNoAgreement_AndGroupsItUnderNone()
    {
        var sample = ComplianceSample.From(default(SlaStatus), Priority.P1, ServiceTier.Gold);

        Assert.Equal(((AgreementReference?)null, (AgreementKind?)null), (sample.Agreement, sample.AgreementKind));
        var group = Assert.Single(ComplianceReport.Build([sample], ComplianceDimensions.Agreement | ComplianceDimensions.AgreementKind));
        Assert.Equal(((AgreementReference?)null, (AgreementKind?)null), (group.Key.Agreement, group.Key.AgreementKind));
    }

    private static ComplianceSample Sample(SlaState state, int minutes = 10, Metric metric = Metric.Resolution, Priority priority = Priority.P2, string tier = "gold") =>
        new(metric, state, Duration.FromMinutes(minutes), priority, new ServiceTier(tier, tier.Length), new StaffId("s1"), new DepartmentId("d1"), new LocalDate(2025, 1, 1));

    private static Gen<ComplianceSample> Samples =>
        from metric in Gen.Elements(Metric.FirstResponse, Metric.Resolution)
        from state in Gen.Elements(Enum.GetValues<SlaState>())
        from minutes in Gen.Choose(0, 10_000)
        from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3)
        from tier in Gen.Elements(ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Key)
        from staff in Gen.Elements("s1", "s2", "s3")
        from month in Gen.Choose(1, 3)
        select new ComplianceSample(metric, state, Duration.FromMinutes(minutes), priority, tier, new StaffId(staff), new DepartmentId("d" + staff), new LocalDate(2025, month, 1));

    [Fact]
    public void Build_CountsEachStateAndComputesTheRateAndPercentiles()
    {
        var samples = new[]
        {
            Sample(SlaState.Met, 10), Sample(SlaState.Met, 20), Sample(SlaState.Met, 30), Sample(SlaState.Missed, 40),
            Sample(SlaState.Running, 5), Sample(SlaState.Paused, 6), Sample(SlaState.Cancelled, 999), Sample(SlaState.NotApplicable, 0),
        };

        var group = Assert.Single(ComplianceReport.Build(samples, ComplianceDimensions.None));

        Assert.Equal((3L, 1L, 2L, 1L, 1L, 8L), (group.Met, group.Missed, group.Running, group.Cancelled, group.NotApplicable, group.Total));
        Assert.Equal(new Ratio(3, 4), group.Compliance);
        Assert.Equal((Duration.FromMinutes(20), Duration.FromMinutes(40), Duration.FromMinutes(40)), (group.ElapsedP50!.Value, group.ElapsedP90!.Value, group.ElapsedMax!.Value));
    }

    [Fact]
    public void Build_GroupsByTheChosenDimensionsOnly()
    {
        var samples = new[]
        {
            Sample(SlaState.Met, metric: Metric.FirstResponse, priority: Priority.P1), Sample(SlaState.Missed, metric: Metric.FirstResponse, priority: Priority.P2),
            Sample(SlaState.Met, metric: Metric.Resolution, priority: Priority.P1),
        };

        var byMetric = ComplianceReport.Build(samples, ComplianceDimensions.Metric);

        Assert.Equal([new ComplianceKey(Metric.FirstResponse, null, null, null, null, null), new ComplianceKey(Metric.Resolution, null, null, null, null, null)], byMetric.Select(g => g.Key));
        Assert.Equal([new Ratio(1, 2), new Ratio(1, 1)], byMetric.Select(g => g.Compliance));
        Assert.Empty(ComplianceReport.Build([], ComplianceDimensions.Metric));
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Build_CancelledSamplesNeverLowerTheRate() =>
        Prop.ForAll(Gen.ListOf(Samples).ToArbitrary(), samples =>
        {
            var withCancelled = samples.Concat(samples.Select(s => s with { State = SlaState.Cancelled })).ToList();
            var without = ComplianceReport.Build(samples, ComplianceDimensions.None).SingleOrDefault();
            var with = ComplianceReport.Build(withCancelled, ComplianceDimensions.None).SingleOrDefault();

            Assert.Equal(without?.Compliance, with?.Compliance);
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Build_TotalsAddUpAcrossEveryGrouping() =>
        Prop.ForAll(Gen.ListOf(Samples).ToArbitrary(), samples =>
        {
            var total = ComplianceReport.Build(samples, ComplianceDimensions.None).SingleOrDefault();
            foreach (var dimensions in new[] { ComplianceDimensions.Metric, ComplianceDimensions.Metric | ComplianceDimensions.Priority | ComplianceDimensions.Tier, ComplianceDimensions.Staff | ComplianceDimensions.Period, ComplianceDimensions.Department })
            {
                var groups = ComplianceReport.Build(samples, dimensions);
                Assert.Equal(total?.Met ?? 0, groups.Sum(g => g.Met));
                Assert.Equal(total?.Missed ?? 0, groups.Sum(g => g.Missed));
                Assert.Equal(total?.Cancelled ?? 0, groups.Sum(g => g.Cancelled));
                Assert.Equal(samples.Count, groups.Sum(g => g.Total));
                Assert.Equal(groups.Count, groups.Select(g => g.Key).Distinct().Count());
            }
        });
}
