using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Supervisor = new("supervisor");
    private static readonly DepartmentId Repairs = new("repairs");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static Complaint Received(bool callbackRequired = true, string id = "K-1", int at = 0) => Complaint.Receive(
        new ComplaintId(id), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, At(at),
        claimedLoss: Money.Yuan(12_000m), againstStaff: new StaffId("s9"), againstDepartment: Repairs, relatedTicket: new TicketId("T-1"),
        callbackRequired: callbackRequired);

    private static Complaint Resolved(bool callbackRequired = true)
    {
        var complaint = Received(callbackRequired);
        complaint.Register(At(1));
        complaint.AssignInvestigation(Repairs, new StaffId("inv"), At(60 * 24), At(2));
        complaint.Respond("We are sorry for the delay.", "Repair within 24 hours and waive the fee.", At(3));
        complaint.Resolve(At(4));
        return complaint;
    }

    [Fact]
    public void Receive_RecordsTheComplaintAndWhoItIsAgainst()
    {
        var complaint = Received();

        Assert.Equal((ComplaintStatus.Received, Severity.Major, ComplaintCategory.Delay, true), (complaint.Status, complaint.Severity, complaint.Category, complaint.CallbackRequired));
        Assert.Equal((Money.Yuan(12_000m), new StaffId("s9"), Repairs, new TicketId("T-1")), (complaint.ClaimedLoss!.Value, complaint.AgainstStaff!.Value, complaint.AgainstDepartment!.Value, complaint.RelatedTicket!.Value));
        Assert.IsType<ComplaintReceived>(Assert.Single(complaint.UncommittedEvents));
    }

    [Fact]
    public void Receive_WithNegativeClaimedLoss_ThrowsNamingIt() =>
        Assert.Equal("claimedLoss", Assert.Throws<ArgumentOutOfRangeException>(() => Complaint.Receive(
            new ComplaintId("K"), new CustomerId("C"), Channel.Phone, ComplaintCategory.Other, Severity.Minor, T0, claimedLoss: Money.Yuan(-1m))).ParamName);

    [Fact]
    public void TheHappyPath_RegistersInvestigatesRespondsResolvesCallsBackAndCloses()
    {
        var complaint = Resolved();
        complaint.RecordVerdict(VerdictOutcome.Substantiated, "repair was late", Supervisor, At(5));
        complaint.RecordCallback(satisfied: true, At(6));
        complaint.Close(At(7));

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal((At(1), At(4), At(6), At(7)), (complaint.RegisteredAt!.Value, complaint.ResolvedAt!.Value, complaint.CallbackCompletedAt!.Value, complaint.ClosedAt!.Value));
        Assert.Equal(new Investigation(Repairs, new StaffId("inv"), At(60 * 24), At(2)), complaint.Investigation);
        Assert.Equal(new ComplaintResponse("We are sorry for the delay.", "Repair within 24 hours and waive the fee.", At(3)), complaint.Response);
        Assert.Equal(new Verdict(VerdictOutcome.Substantiated, "repair was late", Supervisor, At(5)), complaint.Verdict);
        Assert.True(complaint.IsFinal);
    }

    [Fact]
    public void AssignInvestigation_WithDeadlineBeforeNow_IsRefused()
    {
        var complaint = Received();
        complaint.Register(At(1));
        DomainAssert.Refused(RuleCode.InvestigationDeadlineMustNotPrecedeAssignment, complaint, c => c.AssignInvestigation(Repairs, Supervisor, At(1), At(2)));
    }

    [Fact]
    public void DissatisfiedCallback_ReturnsTheComplaintToInvestigation()
    {
        var complaint = Resolved();
        complaint.RecordCallback(satisfied: false, At(5));

        Assert.Equal((ComplaintStatus.UnderInvestigation, 1, (Instant?)null), (complaint.Status, complaint.DissatisfiedCallbacks, complaint.ResolvedAt));
    }

    [Fact]
    public void Close_WithoutVerdict_IsRefused()
    {
        var complaint = Resolved();
        complaint.RecordCallback(satisfied: true, At(5));
        Assert.False(complaint.CanClose());
        DomainAssert.Refused(RuleCode.ClosingRequiresVerdict, complaint, c => c.Close(At(6)));
    }

    [Fact]
    public void Close_WithoutRequiredCallback_IsRefusedUntilWaivedWithReason()
    {
        var complaint = Resolved();
        complaint.RecordVerdict(VerdictOutcome.Unsubstantiated, "no fault found", Supervisor, At(5));
        DomainAssert.Refused(RuleCode.ClosingRequiresCompletedCallback, complaint, c => c.Close(At(6)));

        complaint.WaiveCallback("customer asked not to be called again", At(7));
        Assert.True(complaint.CanClose());
        complaint.Close(At(8));
        Assert.Equal(("customer asked not to be called again", ComplaintStatus.Closed), (complaint.CallbackWaiverReason, complaint.Status));
    }

    [Fact]
    public void Close_WhenNoCallbackIsRequired_NeedsOnlyTheVerdict()
    {
        var complaint = Resolved(callbackRequired: false);
        complaint.RecordVerdict(VerdictOutcome.PartlySubstantiated, "shared fault", Supervisor, At(5));
        complaint.Close(At(6));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void Escalate_OnlyGoesUp()
    {
        var complaint = Received();
        complaint.Escalate(1, "team lead", "major severity", At(1));
        complaint.Escalate(3, "manager", "claimed loss over 10,000", At(2));

        Assert.Equal(3, complaint.Escalation.Level);
        Assert.Equal(new Escalation(3, "manager", "claimed loss over 10,000", At(2)), complaint.Escalation.Escalations[^1]);
        DomainAssert.Refused(RuleCode.EscalationLevelMustIncrease, complaint, c => c.Escalate(2, "supervisor", "late", At(3)));
        DomainAssert.Refused(RuleCode.EscalationLevelMustIncrease, complaint, c => c.Escalate(3, "manager", "again", At(3)));
    }

    [Fact]
    public void Merge_KeepsTheLinkAndTheEarliestReceiptAndFreezesTheDuplicate()
    {
        var duplicate = Received(id: "K-2", at: 0);
        var primary = Received(id: "K-1", at: 30);
        primary.Merge(duplicate, At(40));

        Assert.Equal((At(0), new ComplaintId("K-2")), (primary.ReceivedAt, Assert.Single(primary.Duplicates)));
        Assert.Equal((ComplaintStatus.Merged, (ComplaintId?)new ComplaintId("K-1"), true), (duplicate.Status, duplicate.MergedInto, duplicate.IsFinal));
        DomainAssert.Refused(RuleCode.MergedComplaintAcceptsNoCommands, duplicate, c => c.Register(At(50)));
        DomainAssert.Refused(RuleCode.MergedComplaintAcceptsNoCommands, duplicate, c => c.Escalate(1, "lead", "x", At(50)));
    }

    [Fact]
    public void Merge_IntoItself_IsRefusedAndChangesNeither()
    {
        var complaint = Received();
        DomainAssert.Refused(RuleCode.ComplaintCannotMergeIntoItself, complaint, c => c.Merge(c, At(1)));

        var sameId = Received();
        DomainAssert.Refused(RuleCode.ComplaintCannotMergeIntoItself, sameId, s => complaint.Merge(s, At(1)));
        Assert.Single(complaint.History);
    }

    [Fact]
    public void Merge_OfAClosedDuplicate_IsRefusedAndThePrimaryIsUnchanged()
    {
        var duplicate = Resolved(callbackRequired: false);
        duplicate.RecordVerdict(VerdictOutcome.Unsubstantiated, "none", Supervisor, At(5));
        duplicate.Close(At(6));
        var primary = Received(id: "K-9", at: 7);

        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, primary, c => c.Merge(duplicate, At(8)));
        Assert.Empty(primary.Duplicates);
    }

    [Fact]
    public void RecordCompensation_AddsUpInOneCurrency()
    {
        var complaint = Received();
        complaint.RecordCompensation(Money.Yuan(200m), At(1));
        complaint.RecordCompensation(Money.Yuan(300m), At(2));

        Assert.Equal(Money.Yuan(500m), complaint.Compensation);
        DomainAssert.Refused(RuleCode.CompensationMustBePositiveInOneCurrency, complaint, c => c.RecordCompensation(new Money(5m, "USD"), At(3)));
        DomainAssert.Refused(RuleCode.CompensationMustBePositiveInOneCurrency, complaint, c => c.RecordCompensation(Money.Yuan(0m), At(3)));
    }

    [Fact]
    public void Withdraw_BeforeResolution_IsFinal()
    {
        var complaint = Received();
        Assert.True(complaint.CanWithdraw());
        complaint.Withdraw("settled with the customer", At(1));

        Assert.Equal((ComplaintStatus.Withdrawn, At(1)), (complaint.Status, complaint.WithdrawnAt!.Value));
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, complaint, c => c.Register(At(2)));
    }

    [Fact]
    public void Withdraw_AfterResolution_IsRefused()
    {
        var complaint = Resolved();
        Assert.False(complaint.CanWithdraw());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, complaint, c => c.Withdraw("too late", At(5)));
    }

    [Fact]
    public void Severity_CanBeSetOrDerivedFromTheRiskMatrix()
    {
        var complaint = Received();
        complaint.ChangeSeverity(RiskMatrix.Default.Assess(Impact.High, HandlingDifficulty.Medium), At(1));
        Assert.Equal(Severity.Critical, complaint.Severity);

        Assert.Equal(Severity.Minor, RiskMatrix.Default.Assess(Impact.Low, HandlingDifficulty.Low));
        Assert.Equal(Severity.Major, RiskMatrix.Default.Assess(Impact.Medium, HandlingDifficulty.Medium));
        var custom = RiskMatrix.Default.With(Impact.Low, HandlingDifficulty.Low, Severity.Major);
        Assert.Equal(Severity.Major, custom.Assess(Impact.Low, HandlingDifficulty.Low));
        Assert.Equal(Severity.Minor, RiskMatrix.Default.Assess(Impact.Low, HandlingDifficulty.Low));
        Assert.Equal("impact", Assert.Throws<ArgumentOutOfRangeException>(() => RiskMatrix.Default.Assess((Impact)7, HandlingDifficulty.Low)).ParamName);
    }

    [Fact]
    public void Commands_OutOfOrderOrBackInTime_AreRefused()
    {
        var complaint = Received();
        Assert.False(complaint.CanRespond());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, complaint, c => c.Respond("a", "b", At(1)));
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, complaint, c => c.RecordVerdict(VerdictOutcome.Substantiated, "early", Supervisor, At(1)));
        complaint.Register(At(5));
        DomainAssert.Refused(RuleCode.CommandTimeMustNotPrecedeLastEvent, complaint, c => c.AssignInvestigation(Repairs, Supervisor, At(100), At(4)));
    }

    [Fact]
    public void FromHistory_RebuildsAMergedPrimary()
    {
        var duplicate = Received(id: "K-2", at: 0);
        var primary = Resolved();
        primary.Merge(duplicate, At(10));
        primary.Escalate(2, "manager", "repeat complaint", At(11));

        var rebuilt = Complaint.FromHistory(primary.History);

        Assert.Equal((primary.Status, primary.ReceivedAt, primary.Escalation.Level), (rebuilt.Status, rebuilt.ReceivedAt, rebuilt.Escalation.Level));
        Assert.Equal(primary.Duplicates, rebuilt.Duplicates);
        Assert.Equal(duplicate.Status, Complaint.FromHistory(duplicate.History).Status);
    }
}
