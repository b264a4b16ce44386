using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Visits;

public sealed class VisitRecordTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Agent = new("agent");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static VisitRecord Planned(int maxAttempts = 3) => VisitRecord.Plan(
        new VisitId("V-1"), new CustomerId("C-1"), VisitSubject.ForComplaint(new ComplaintId("K-1")), VisitKind.PhoneCallback, At(60 * 24), maxAttempts, T0);

    [Fact]
    public void Plan_RecordsSubjectKindDueAndAttemptLimit()
    {
        var visit = Planned();

        Assert.Equal((VisitStatus.Planned, VisitKind.PhoneCallback, At(60 * 24), 3), (visit.Status, visit.Kind, visit.Due, visit.MaxAttempts));
        Assert.Equal((ComplaintId?)new ComplaintId("K-1"), visit.Subject.Complaint);
        Assert.Equal("complaint K-1", visit.Subject.ToString());
        Assert.Equal("none", VisitSubject.None.ToString());
        Assert.Equal("maxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => Planned(maxAttempts: 0)).ParamName);
    }

    [Fact]
    public void RecordAttempt_UpToTheMaximum_ThenRefused()
    {
        var visit = Planned(maxAttempts: 2);
        visit.RecordAttempt(AttemptOutcome.NoAnswer, At(1));
        visit.RecordAttempt(AttemptOutcome.Busy, At(2));

        Assert.Equal([new VisitAttempt(AttemptOutcome.NoAnswer, At(1)), new VisitAttempt(AttemptOutcome.Busy, At(2))], visit.Attempts);
        Assert.False(visit.CanRecordAttempt());
        DomainAssert.Refused(RuleCode.VisitAttemptsMustNotExceedMaximum, visit, v => v.RecordAttempt(AttemptOutcome.Reached, At(3)));
    }

    [Fact]
    public void Complete_KeepsOverallAndDimensionRatings()
    {
        var visit = Planned();
        visit.RecordAttempt(AttemptOutcome.Reached, At(1));
        visit.Complete(SatisfactionRating.Satisfied, new Dictionary<string, SatisfactionRating> { ["repair"] = SatisfactionRating.VerySatisfied, ["reception"] = SatisfactionRating.Neutral }, "fast repair", Agent, At(2));

        Assert.Equal((VisitStatus.Completed, (SatisfactionRating?)SatisfactionRating.Satisfied, "fast repair", At(2)), (visit.Status, visit.Overall, visit.Comment, visit.EndedAt!.Value));
        Assert.Equal(SatisfactionRating.VerySatisfied, visit.Dimensions["repair"]);
        Assert.Equal(2, visit.Dimensions.Count);
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, visit, v => v.Cancel("late", At(3)));
    }

    [Fact]
    public void Complete_AfterEveryAttemptWentUnanswered_IsRefused()
    {
        var visit = Planned();
        visit.RecordAttempt(AttemptOutcome.NoAnswer, At(1));
        visit.RecordAttempt(AttemptOutcome.WrongNumber, At(2));
        visit.RecordAttempt(AttemptOutcome.NoAnswer, At(3));

        Assert.False(visit.CanComplete());
        DomainAssert.Refused(RuleCode.VisitCompletionRequiresReachedCustomer, visit, v => v.Complete(SatisfactionRating.Satisfied, null, null, Agent, At(4)));
        visit.MarkMissed(At(5));
        Assert.Equal(VisitStatus.Missed, visit.Status);
    }

    [Fact]
    public void Complete_AfterAReachingAttempt_OrWithoutAnyAttempt_IsAccepted()
    {
        var retried = Planned();
        retried.RecordAttempt(AttemptOutcome.Busy, At(1));
        retried.RecordAttempt(AttemptOutcome.Reached, At(2));
        Assert.True(retried.CanComplete());
        retried.Complete(SatisfactionRating.Satisfied, null, null, Agent, At(3));

        var onTheSpot = Planned();
        Assert.True(onTheSpot.CanComplete());
        onTheSpot.Complete(SatisfactionRating.Neutral, null, null, Agent, At(1));

        Assert.Equal((VisitStatus.Completed, VisitStatus.Completed, true, false), (retried.Status, onTheSpot.Status, retried.CustomerReached, onTheSpot.CustomerReached));
    }

    [Fact]
    public void RecordAttempt_AfterARefusal_IsRefused_AndSoIsCompletion()
    {
        var visit = Planned();
        visit.RecordAttempt(AttemptOutcome.Reached, At(1));
        visit.RecordAttempt(AttemptOutcome.Refused, At(2));

        Assert.True(visit.CustomerRefused);
        Assert.False(visit.CanRecordAttempt());
        Assert.False(visit.CanComplete());
        DomainAssert.Refused(RuleCode.RefusedVisitAcceptsNoFurtherContact, visit, v => v.RecordAttempt(AttemptOutcome.Reached, At(3)));
        DomainAssert.Refused(RuleCode.RefusedVisitAcceptsNoFurtherContact, visit, v => v.Complete(SatisfactionRating.Satisfied, null, null, Agent, At(3)));
        Assert.True(visit.CanEnd());
    }

    [Fact]
    public void RecordAttempt_BeforeTheRetryInterval_IsRefused_AtItIsAccepted()
    {
        var visit = VisitRecord.Plan(
            new VisitId("V-2"), new CustomerId("C-1"), VisitSubject.None, VisitKind.PhoneCallback, At(60 * 24), 3, Duration.FromMinutes(30), T0);
        visit.RecordAttempt(AttemptOutcome.NoAnswer, At(10));

        Assert.Equal((Duration.FromMinutes(30), (Instant?)At(40)), (visit.RetryInterval, visit.NextAttemptAllowedAt));
        Assert.True(visit.CanRecordAttempt());
        Assert.False(visit.CanRecordAttempt(At(39)));
        DomainAssert.Refused(RuleCode.VisitRetryMustWaitInterval, visit, v => v.RecordAttempt(AttemptOutcome.Reached, At(39)));

        Assert.True(visit.CanRecordAttempt(At(40)));
        visit.RecordAttempt(AttemptOutcome.Reached, At(40));
        Assert.Equal(visit.RetryInterval, VisitRecord.FromHistory(visit.History).RetryInterval);
    }

    [Fact]
    public void Plan_WithANegativeRetryInterval_ThrowsNamingTheParameter()
    {
        Assert.Equal("retryInterval", Assert.Throws<ArgumentOutOfRangeException>(() => VisitRecord.Plan(
            new VisitId("V-2"), new CustomerId("C-1"), VisitSubject.None, VisitKind.PhoneCallback, At(60), 3, Duration.FromMinutes(-1), T0)).ParamName);
    }

    [Fact]
    public void Complete_WithBadRating_ThrowsNamingTheParameter()
    {
        var visit = Planned();
        Assert.Equal("overall", Assert.Throws<ArgumentOutOfRangeException>(() => visit.Complete((SatisfactionRating)0, null, null, Agent, At(1))).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(
            () => visit.Complete(SatisfactionRating.Satisfied, new Dictionary<string, SatisfactionRating> { ["x"] = (SatisfactionRating)6 }, null, Agent, At(1))).ParamName);
        Assert.Equal(VisitStatus.Planned, visit.Status);
    }

    [Fact]
    public void MarkMissedAndCancel_EndThePlannedVisit()
    {
        var missed = Planned();
        missed.MarkMissed(At(5));
        Assert.Equal((VisitStatus.Missed, At(5)), (missed.Status, missed.EndedAt!.Value));

        var cancelled = Planned();
        cancelled.Cancel("customer moved away", At(6));
        Assert.Equal(VisitStatus.Cancelled, cancelled.Status);
        Assert.False(cancelled.CanEnd());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, cancelled, v => v.MarkMissed(At(7)));
    }

    [Fact]
    public void Commands_DatedBeforeTheLastEvent_AreRefused()
    {
        var visit = Planned();
        visit.RecordAttempt(AttemptOutcome.Busy, At(10));
        DomainAssert.Refused(RuleCode.CommandTimeMustNotPrecedeLastEvent, visit, v => v.MarkMissed(At(9)));
    }
}
