using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// Complaints on a par with tickets: merges stay within one customer, the primary's clocks start at the earliest receipt
/// of the merged complaints, and a complaint's recorded tier and agreement decide its evaluation.
/// </summary>
public sealed class ComplaintParityTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly ServiceLevelAgreement Sla = CreateSla("SLA");

    private static ServiceLevelAgreement CreateSla(string id)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId(id), "complaints", AgreementKind.ServiceLevel, T0 - Duration.FromDays(1));
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(1), TimeBasis.CalendarTime, T0 - Duration.FromDays(1));
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, ServiceTier.Key, Duration.FromMinutes(30), TimeBasis.CalendarTime, T0 - Duration.FromDays(1));
        sla.Publish(T0 - Duration.FromDays(1), T0 - Duration.FromDays(1));
        return sla;
    }

    private static Complaint Receive(string id, string customer, Instant at, ServiceTier? tier = null, AgreementReference? agreement = null) =>
        Complaint.Receive(new ComplaintId(id), new CustomerId(customer), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, at, customerTier: tier, agreement: agreement);

    private static SlaStatus Acknowledgement(Complaint complaint, Instant now) =>
        SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Sla, CalendarLookup.From([]), now).Statuses.Single(s => s.Metric == Metric.ComplaintAcknowledgement);

    [Fact]
    public void APrimaryThatMergedAnEarlierDuplicate_CountsFromTheEarliestReceipt()
    {
        // By letter at 01:00, then by phone at 04:00: registered at 04:10, 3 h 10 min after the customer first complained.
        var letter = Receive("K-LETTER", "C-1", T0);
        var phone = Receive("K-PHONE", "C-1", T0 + Duration.FromHours(3));
        phone.Merge(letter, T0 + Duration.FromHours(3) + Duration.FromMinutes(5));
        phone.Register(T0 + Duration.FromHours(3) + Duration.FromMinutes(10));

        var status = Acknowledgement(phone, T0 + Duration.FromHours(4));
        var beforeTheMerge = Acknowledgement(phone, T0 + Duration.FromHours(3) + Duration.FromMinutes(1));

        Assert.Equal((SlaState.Missed, Duration.FromMinutes(190), T0), (status.State, status.Elapsed, status.StartedAt!.Value));
        Assert.Equal(T0 + Duration.FromHours(1), status.BreachedAt);
        Assert.Equal(T0, phone.ReceivedAt);
        Assert.Equal((SlaState.Running, Duration.FromMinutes(1)), (beforeTheMerge.State, beforeTheMerge.Elapsed)); // the merge had not happened yet
    }

    [Fact]
    public void MergingAnotherCustomersComplaint_IsRefused_AndChangesNeither()
    {
        var mine = Receive("K-1", "C-1", T0);
        var theirs = Receive("K-2", "C-2", T0 + Duration.FromMinutes(5));

        var refused = Assert.Throws<DomainRuleViolationException>(() => mine.Merge(theirs, T0 + Duration.FromMinutes(10)));

        Assert.Equal(RuleCode.MergedComplaintsMustShareCustomer, refused.Rule);
        Assert.Equal((1, 1), (mine.History.Count, theirs.History.Count));
        Assert.Null(theirs.MergedInto);
    }

    /// <summary>The law: merging A into B or B into A gives the primary the same, earliest, receipt instant and clock start.</summary>
    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Merging_IsCommutativeInTheReceiptInstantItYields()
    {
        var cases = from a in Gen.Choose(0, 10_000) from b in Gen.Choose(0, 10_000) select (A: T0 + Duration.FromMinutes(a), B: T0 + Duration.FromMinutes(b));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var mergeAt = Instant.Max(c.A, c.B) + Duration.FromMinutes(1);
            var (a1, b1) = (Receive("K-A", "C-1", c.A), Receive("K-B", "C-1", c.B));
            var (a2, b2) = (Receive("K-A", "C-1", c.A), Receive("K-B", "C-1", c.B));
            a1.Merge(b1, mergeAt);
            b2.Merge(a2, mergeAt);

            var earliest = Instant.Min(c.A, c.B);
            return a1.ReceivedAt == earliest && b2.ReceivedAt == earliest
                && Acknowledgement(a1, mergeAt).StartedAt == earliest && Acknowledgement(b2, mergeAt).StartedAt == earliest;
        });
    }

    [Fact]
    public void ARecordedTier_DecidesTheEvaluation_AndAnotherTierOrAgreementIsRefused()
    {
        var key = Receive("K-1", "C-1", T0, ServiceTier.Key, Sla.Reference);
        var now = T0 + Duration.FromMinutes(45);

        var byRecord = SlaClock.EvaluateComplaint(key.History, Sla, CalendarLookup.From([]), now).Statuses.Single();
        var tier = Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(key.History, ServiceTier.Gold, Sla, CalendarLookup.From([]), now));
        var other = Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(key.History, ServiceTier.Key, CreateSla("OTHER"), CalendarLookup.From([]), now));
        var unrecorded = Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(Receive("K-2", "C-1", T0).History, Sla, CalendarLookup.From([]), now));

        Assert.Equal((SlaState.Missed, Duration.FromMinutes(30)), (byRecord.State, byRecord.Target)); // the key customer's 30 minutes
        Assert.Equal(("customerTier", "agreement", "history"), (tier.ParamName, other.ParamName, unrecorded.ParamName));
        Assert.Equal((ServiceTier.Key, Sla.Reference), (key.CustomerTier, key.Agreement));
        Assert.Equal((ServiceTier.Key, Sla.Reference), (Complaint.FromHistory(key.History).CustomerTier, Complaint.FromHistory(key.History).Agreement));
    }

    [Fact]
    public void ABadRecordedTierOrAgreement_IsRefusedNamingIt()
    {
        Assert.Equal("customerTier", Assert.Throws<ArgumentException>(() => Receive("K-1", "C-1", T0, tier: default(ServiceTier))).ParamName);
        Assert.Equal("agreement", Assert.Throws<ArgumentException>(() => Receive("K-1", "C-1", T0, agreement: new AgreementReference(new AgreementId("A"), 0))).ParamName);
    }
}
