using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Tickets;

public sealed class TicketTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Owner = new("owner");
    private static readonly StaffId Alice = new("alice");
    private static readonly StaffId Bob = new("bob");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static Ticket Opened() => Ticket.Open(
        new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, Owner, ServiceTier.Vip, T0,
        new AgreementReference(new AgreementId("SLA-1"), 2), requiresOnSiteVisit: true);

    private static Ticket InProgress()
    {
        var ticket = Opened();
        ticket.Assign(Alice, new DepartmentId("repairs"), At(1));
        ticket.StartWork(At(2));
        return ticket;
    }

    [Fact]
    public void Open_RecordsEverythingGivenAndRaisesTicketOpened()
    {
        var ticket = Opened();

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal((new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2), (ticket.Id, ticket.Customer, ticket.Kind, ticket.Channel, ticket.Priority));
        Assert.Equal((Owner, ServiceTier.Vip, T0, true), (ticket.FirstContactOwner, ticket.CustomerTier, ticket.OpenedAt, ticket.RequiresOnSiteVisit));
        Assert.Equal(new AgreementReference(new AgreementId("SLA-1"), 2), ticket.Agreement);
        Assert.IsType<TicketOpened>(Assert.Single(ticket.UncommittedEvents));
    }

    [Fact]
    public void Open_WithDefaultIdOrUndefinedEnum_ThrowsNamingTheParameter()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => Ticket.Open(default, new CustomerId("C"), TicketKind.Other, Channel.Phone, Priority.P1, Owner, ServiceTier.Gold, T0)).ParamName);
        Assert.Equal("priority", Assert.Throws<ArgumentOutOfRangeException>(() => Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.Other, Channel.Phone, (Priority)9, Owner, ServiceTier.Gold, T0)).ParamName);
        Assert.Equal("customerTier", Assert.Throws<ArgumentException>(() => Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.Other, Channel.Phone, Priority.P1, Owner, default, T0)).ParamName);
    }

    [Fact]
    public void AssignAndTransfer_ChangeTheAssigneeButNeverTheFirstContactOwner()
    {
        var ticket = InProgress();
        ticket.Transfer(Bob, new DepartmentId("plumbing"), At(3));

        Assert.Equal((Bob, new DepartmentId("plumbing"), Owner, 1), (ticket.Assignee, ticket.Department, ticket.FirstContactOwner, ticket.TransferCount));
        Assert.Equal(new TicketTransferred(ticket.Id, At(3), Alice, Bob, new DepartmentId("plumbing")), ticket.History[^1]);
    }

    [Fact]
    public void Transfer_ToTheCurrentAssignee_IsRefused()
    {
        var ticket = InProgress();
        DomainAssert.Refused(RuleCode.TransferMustChangeAssignee, ticket, t => t.Transfer(Alice, null, At(5)));
    }

    [Fact]
    public void RecordResponse_OnlyPublicResponsesCount()
    {
        var ticket = Opened();
        ticket.RecordResponse(Alice, isPublic: false, At(1));
        Assert.Null(ticket.FirstResponseAt);

        ticket.RecordResponse(Alice, isPublic: true, At(2));
        ticket.RecordResponse(Bob, isPublic: true, At(3));
        Assert.Equal((At(2), At(3)), (ticket.FirstResponseAt, ticket.LastResponseAt));
    }

    [Fact]
    public void HoldAndResume_SetAndClearTheReason()
    {
        var ticket = InProgress();
        ticket.Hold(HoldReason.WaitingForCustomer, At(3));
        Assert.Equal((TicketStatus.OnHold, HoldReason.WaitingForCustomer), (ticket.Status, ticket.HoldReason));

        ticket.Resume(At(4));
        Assert.Equal((TicketStatus.InProgress, (HoldReason?)null), (ticket.Status, ticket.HoldReason));
    }

    [Fact]
    public void Referral_HoldsForTheThirdPartyUntilItsReturn()
    {
        var ticket = InProgress();
        ticket.ReferToThirdParty("developer", At(3));
        Assert.Equal((TicketStatus.OnHold, HoldReason.WaitingForThirdParty), (ticket.Status, ticket.HoldReason));
        Assert.False(ticket.CanResume());
        DomainAssert.Refused(RuleCode.OpenReferralMustBeReturnedToResume, ticket, t => t.Resume(At(4)));

        ticket.RecordThirdPartyReturn("pipe replaced", At(5));
        Assert.Equal(new ThirdPartyReferral("developer", At(3), At(5), "pipe replaced"), ticket.Referral);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void RecordThirdPartyReturn_WithoutOpenReferral_IsRefused()
    {
        var ticket = InProgress();
        ticket.Hold(HoldReason.WaitingForThirdParty, At(3));
        DomainAssert.Refused(RuleCode.ThirdPartyReturnRequiresOpenReferral, ticket, t => t.RecordThirdPartyReturn("done", At(4)));
    }

    [Fact]
    public void Resolve_WithAnOpenReferral_ClosesTheReferralAtTheResolution()
    {
        var ticket = InProgress();
        ticket.ReferToThirdParty("developer", At(3));
        ticket.Resolve(Alice, At(4));

        Assert.Equal(new ThirdPartyReferral("developer", At(3), At(4), null), ticket.Referral);
        Assert.False(ticket.Referral!.IsOpen);
        Assert.Equal(ticket.Referral, Ticket.FromHistory(ticket.History).Referral);
    }

    [Fact]
    public void Reopen_AfterResolvingWithAnOpenReferral_LeavesNoStaleReferral_SoACustomerHoldCanBeResumed()
    {
        var ticket = InProgress();
        ticket.ReferToThirdParty("developer", At(3));
        ticket.Resolve(Alice, At(4));
        ticket.Reopen("leak is back", At(5));
        ticket.Hold(HoldReason.WaitingForCustomer, At(6));

        Assert.True(ticket.CanResume());
        ticket.Resume(At(7));
        Assert.Equal((TicketStatus.InProgress, (HoldReason?)null), (ticket.Status, ticket.HoldReason));
    }

    [Fact]
    public void RecordThirdPartyReturn_OnACustomerHold_IsRefused()
    {
        var ticket = InProgress();
        ticket.ReferToThirdParty("developer", At(3));
        ticket.Resolve(Alice, At(4));
        ticket.Reopen("leak is back", At(5));
        ticket.Hold(HoldReason.WaitingForCustomer, At(6));

        Assert.False(ticket.CanRecordThirdPartyReturn());
        DomainAssert.Refused(RuleCode.ThirdPartyReturnRequiresThirdPartyHold, ticket, t => t.RecordThirdPartyReturn("done", At(7)));
    }

    [Fact]
    public void RecordOnSiteArrival_IsRecordedOnce()
    {
        var ticket = InProgress();
        ticket.RecordOnSiteArrival(Alice, At(30));
        Assert.Equal(At(30), ticket.OnSiteArrivedAt);
        DomainAssert.Refused(RuleCode.OnSiteArrivalIsRecordedOnce, ticket, t => t.RecordOnSiteArrival(Bob, At(40)));
    }

    [Fact]
    public void ChangePriority_ToTheSamePriority_IsRefused()
    {
        var ticket = InProgress();
        ticket.ChangePriority(Priority.P1, At(3));
        Assert.Equal(new PriorityChanged(ticket.Id, At(3), Priority.P2, Priority.P1), ticket.History[^1]);
        DomainAssert.Refused(RuleCode.PriorityChangeMustChangePriority, ticket, t => t.ChangePriority(Priority.P1, At(4)));
    }

    [Fact]
    public void ResolveReopenClose_FollowTheLifecycle()
    {
        var ticket = InProgress();
        ticket.Resolve(Alice, At(10));
        Assert.Equal((TicketStatus.Resolved, At(10), Alice), (ticket.Status, ticket.ResolvedAt, ticket.ResolvedBy));

        ticket.Reopen("leak is back", At(20));
        Assert.Equal((TicketStatus.InProgress, 1, (Instant?)null), (ticket.Status, ticket.ReopenCount, ticket.ResolvedAt));

        ticket.Resolve(Bob, At(30));
        ticket.Close(At(40));
        Assert.Equal((TicketStatus.Closed, At(40), true), (ticket.Status, ticket.ClosedAt, ticket.IsFinal));
    }

    [Fact]
    public void Resolve_WhileOnHold_IsAllowedAndClearsTheHold()
    {
        var ticket = InProgress();
        ticket.Hold(HoldReason.WaitingForCustomer, At(3));
        ticket.Resolve(Alice, At(4));
        Assert.Equal((TicketStatus.Resolved, (HoldReason?)null), (ticket.Status, ticket.HoldReason));
    }

    [Fact]
    public void Cancel_FromAnOpenState_IsFinal()
    {
        var ticket = Opened();
        ticket.Cancel("duplicate", At(1));
        Assert.Equal((TicketStatus.Cancelled, At(1), true), (ticket.Status, ticket.CancelledAt, ticket.IsFinal));
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Assign(Alice, null, At(2)));
    }

    [Fact]
    public void Escalate_RaisesTheLevelAndKeepsEveryEscalationInOrder()
    {
        var ticket = InProgress();
        Assert.Equal((0, null), (ticket.Escalation.Level, ticket.Escalation.LastEscalatedAt));

        ticket.Escalate(1, "team-lead", "time.75", At(3));
        ticket.Escalate(3, "manager", "customer.key", At(4));

        Assert.Equal(3, ticket.Escalation.Level);
        Assert.Equal([new Escalation(1, "team-lead", "time.75", At(3)), new Escalation(3, "manager", "customer.key", At(4))], ticket.Escalation.Escalations);
        Assert.Equal(At(4), ticket.Escalation.LastEscalatedAt);
        Assert.True(ticket.Escalation.HasReached(2));
        Assert.IsType<TicketEscalated>(ticket.History[^1]);
        Assert.Equal(ticket.Escalation, Ticket.FromHistory(ticket.History).Escalation);
    }

    [Fact]
    public void Escalate_ToTheLevelReachedOrBelow_IsRefused_AndAClosedTicketIsNotEscalated()
    {
        var ticket = InProgress();
        ticket.Escalate(2, "supervisor", "time.100", At(3));

        DomainAssert.Refused(RuleCode.EscalationLevelMustIncrease, ticket, t => t.Escalate(2, "supervisor", "time.100", At(4)));
        DomainAssert.Refused(RuleCode.EscalationLevelMustIncrease, ticket, t => t.Escalate(1, "team-lead", "time.75", At(4)));
        Assert.Throws<ArgumentException>(() => ticket.Escalate(3, " ", "time.150", At(4)));

        ticket.Resolve(Alice, At(5));
        Assert.False(ticket.CanEscalate());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Escalate(3, "manager", "time.150", At(6)));
    }

    [Fact]
    public void EscalationTracks_CompareByContent()
    {
        var (a, b) = (InProgress(), InProgress());
        a.Escalate(1, "team-lead", "time.75", At(3));
        b.Escalate(1, "team-lead", "time.75", At(3));

        Assert.Equal(a.Escalation, b.Escalation);
        Assert.Equal(a.Escalation.GetHashCode(), b.Escalation.GetHashCode());
        Assert.NotEqual(a.Escalation, InProgress().Escalation);
        Assert.Equal(EscalationTrack.None, InProgress().Escalation);
        Assert.Equal("level 1 (1 escalation)", a.Escalation.ToString());
    }

    [Fact]
    public void Commands_OutsideTheTransitionTable_AreRefusedAndCanXSaysSo()
    {
        var ticket = Opened();
        Assert.False(ticket.CanStartWork());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.StartWork(At(1)));
        Assert.False(ticket.CanClose());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Close(At(1)));
        Assert.False(ticket.CanResolve());
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Resolve(Alice, At(1)));
    }

    [Fact]
    public void Commands_DatedBeforeTheLastEvent_AreRefused()
    {
        var ticket = InProgress();
        DomainAssert.Refused(RuleCode.CommandTimeMustNotPrecedeLastEvent, ticket, t => t.Resolve(Alice, At(1)));
    }

    [Fact]
    public void FromHistory_RebuildsTheLiveTicketWithNoUncommittedEvents()
    {
        var ticket = InProgress();
        ticket.ReferToThirdParty("vendor", At(3));
        ticket.RecordThirdPartyReturn("ok", At(4));
        ticket.Resolve(Alice, At(5));

        var rebuilt = Ticket.FromHistory(ticket.History);

        Assert.Equal(ticket.History, rebuilt.History);
        Assert.Equal((ticket.Status, ticket.Referral, ticket.ResolvedAt, ticket.Assignee), (rebuilt.Status, rebuilt.Referral, rebuilt.ResolvedAt, rebuilt.Assignee));
        Assert.Empty(rebuilt.UncommittedEvents);
    }

    [Fact]
    public void FromHistory_WithABrokenHistory_ThrowsNamingHistory()
    {
        var ticket = InProgress();
        var other = new TicketAssigned(new TicketId("T-2"), At(9), Bob, null);

        Assert.Equal("history", Assert.Throws<ArgumentException>(() => Ticket.FromHistory([])).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => Ticket.FromHistory(ticket.History.Skip(1))).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => Ticket.FromHistory([.. ticket.History, other])).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => Ticket.FromHistory([.. ticket.History.Reverse().Skip(1).Reverse(), ticket.History[^1] with { OccurredAt = T0 - Duration.FromHours(1) }])).ParamName);
    }

    [Fact]
    public void TakeUncommittedEvents_ReturnsThemOnce()
    {
        var ticket = InProgress();
        Assert.Equal(3, ticket.TakeUncommittedEvents().Count);
        Assert.Empty(ticket.TakeUncommittedEvents());
        Assert.Equal(3, ticket.History.Count);
    }
}
