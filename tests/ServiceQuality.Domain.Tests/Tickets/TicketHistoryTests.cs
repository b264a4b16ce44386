using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Domain.Tests.Tickets;

/// <summary><see cref="Ticket.FromHistory"/> refuses what the ticket's commands could not have raised, naming the first bad event.</summary>
public sealed class TicketHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly TicketId Id = new("T-1");
    private static readonly StaffId Alice = new("alice");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static TicketOpened Opened => new(
        Id, T0, new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("owner"), ServiceTier.Gold,
        new AgreementReference(new AgreementId("SLA-1"), 1), false);

    private static TicketEvent[] InProgress => [Opened, new TicketAssigned(Id, At(1), Alice, null), new TicketWorkStarted(Id, At(2))];

    [Fact]
    public void FromHistory_OfAValidHistory_CountsTheEventsAsTheStreamVersion()
    {
        var ticket = Ticket.FromHistory(InProgress);

        Assert.Equal(3, ticket.StreamVersion);
        ticket.Resolve(Alice, At(3));
        Assert.Equal((4, 1), (ticket.StreamVersion, ticket.UncommittedEvents.Count));
    }

    [Fact]
    public void FromHistory_WithANullEvent_IsRefusedAtItsIndex() =>
        HistoryAssert.RefusedAt(2, () => Ticket.FromHistory([Opened, new TicketAssigned(Id, At(1), Alice, null), null!]));

    [Fact]
    public void FromHistory_WithAnEventOfAnotherTicket_IsRefusedAtItsIndex() =>
        HistoryAssert.RefusedAt(1, () => Ticket.FromHistory([Opened, new TicketAssigned(new TicketId("T-2"), At(1), Alice, null)]));

    [Fact]
    public void FromHistory_WithAnEmptyIdOnALaterEvent_IsRefusedAsAnotherTicket() =>
        HistoryAssert.RefusedAt(2, () => Ticket.FromHistory([.. InProgress.Take(2), new TicketWorkStarted(default, At(2))]));

    [Fact]
    public void FromHistory_WithEmptyIdsOrADefaultTierInTheOpening_IsRefusedAtIndexZero()
    {
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { TicketId = default }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { Customer = default }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { FirstContactOwner = default }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { CustomerTier = default }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { Agreement = new AgreementReference(default, 1) }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { Agreement = new AgreementReference(new AgreementId("SLA-1"), 0) }]));
        HistoryAssert.RefusedValueAt(0, () => Ticket.FromHistory([Opened with { Priority = (Priority)0 }]));
    }

    [Fact]
    public void FromHistory_WithEmptyIdsInALaterEvent_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedValueAt(1, () => Ticket.FromHistory([Opened, new TicketAssigned(Id, At(1), default, null)]));
        HistoryAssert.RefusedValueAt(1, () => Ticket.FromHistory([Opened, new TicketAssigned(Id, At(1), Alice, default(DepartmentId))]));
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new TicketResolved(Id, At(3), default)]));
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new ReferredToThirdParty(Id, At(3), " ")]));
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new TicketOnHold(Id, At(3), default)]));
    }

    [Fact]
    public void FromHistory_WithATransitionTheTableDoesNotAllow_IsRefusedByTheRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TransitionMustBeAllowed, () => Ticket.FromHistory([Opened, new TicketResolved(Id, At(1), Alice)]));
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TransitionMustBeAllowed, () => Ticket.FromHistory([Opened, new TicketTransferred(Id, At(1), Alice, Alice, null)]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.TransitionMustBeAllowed, () => Ticket.FromHistory([.. InProgress, new TicketAssigned(Id, At(3), Alice, null)]));
    }

    [Fact]
    public void FromHistory_WithAnEventItsCommandsRuleRefuses_IsRefusedByThatRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(4, RuleCode.OpenReferralMustBeReturnedToResume, () => Ticket.FromHistory(
            [.. InProgress, new ReferredToThirdParty(Id, At(3), "vendor"), new TicketResumed(Id, At(4))]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.TransferMustChangeAssignee, () => Ticket.FromHistory([.. InProgress, new TicketTransferred(Id, At(3), Alice, Alice, null)]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.PriorityChangeMustChangePriority, () => Ticket.FromHistory([.. InProgress, new PriorityChanged(Id, At(3), Priority.P2, Priority.P2)]));
        HistoryAssert.RefusedByRuleAt(4, RuleCode.OnSiteArrivalIsRecordedOnce, () => Ticket.FromHistory(
            [.. InProgress, new OnSiteArrived(Id, At(3), Alice), new OnSiteArrived(Id, At(4), Alice)]));
        HistoryAssert.RefusedByRuleAt(4, RuleCode.EscalationLevelMustIncrease, () => Ticket.FromHistory(
            [.. InProgress, new TicketEscalated(Id, At(3), 2, "supervisor", "time.100"), new TicketEscalated(Id, At(4), 2, "supervisor", "time.100")]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.EscalationLevelMustIncrease, () => Ticket.FromHistory([.. InProgress, new TicketEscalated(Id, At(3), 0, "supervisor", "time.100")]));
        HistoryAssert.RefusedByRuleAt(4, RuleCode.TransitionMustBeAllowed, () => Ticket.FromHistory(
            [.. InProgress, new TicketResolved(Id, At(3), Alice), new TicketEscalated(Id, At(4), 1, "team-lead", "time.75")]));
    }

    [Fact]
    public void FromHistory_WithAnEventInconsistentWithTheTicket_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new TicketTransferred(Id, At(3), new StaffId("carol"), new StaffId("bob"), null)]));
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new PriorityChanged(Id, At(3), Priority.P4, Priority.P1)]));
        HistoryAssert.RefusedValueAt(3, () => Ticket.FromHistory([.. InProgress, new TicketEscalated(Id, At(3), 1, " ", "time.75")]));
    }

    [Fact]
    public void FromHistory_GoingBackInTime_IsRefusedAtTheEarlierEvent() =>
        HistoryAssert.RefusedAt(2, () => Ticket.FromHistory([Opened, new TicketAssigned(Id, At(5), Alice, null), new TicketWorkStarted(Id, At(4))]));

    [Fact]
    public void FromHistory_NotStartingWithTheOpeningOrOpeningTwice_IsRefusedAtTheOffendingEvent()
    {
        HistoryAssert.RefusedAt(0, () => Ticket.FromHistory(InProgress.Skip(1)));
        HistoryAssert.RefusedAt(1, () => Ticket.FromHistory([Opened, Opened with { OccurredAt = At(1) }]));
    }

    [Fact]
    public void FromHistory_WithAnEventTypeTheTicketDoesNotKnow_IsRefusedAtItsIndex() =>
        HistoryAssert.RefusedValueAt(1, () => Ticket.FromHistory([Opened, new StrayTicketEvent(Id, At(1))]));

    private sealed record StrayTicketEvent(TicketId TicketId, Instant OccurredAt) : TicketEvent(TicketId, OccurredAt);
}
