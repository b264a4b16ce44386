using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Tests.TestSupport;

namespace ServiceQuality.Domain.Tests.Complaints;

/// <summary><see cref="Complaint.FromHistory"/> refuses what the complaint's commands could not have raised, naming the first bad event.</summary>
public sealed class ComplaintHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly ComplaintId Id = new("K-1");
    private static readonly StaffId Investigator = new("inv");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static ComplaintReceived Received => new(
        Id, T0, new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, Money.Yuan(100m), null, null, null, true);

    private static ComplaintEvent[] Investigating =>
        [Received, new ComplaintRegistered(Id, At(1)), new InvestigationAssigned(Id, At(2), new DepartmentId("repairs"), Investigator, At(60))];

    [Fact]
    public void FromHistory_OfAValidHistory_CountsTheEventsAsTheStreamVersion() =>
        Assert.Equal(3, Complaint.FromHistory(Investigating).StreamVersion);

    [Fact]
    public void FromHistory_WithANullEvent_IsRefusedAtItsIndex() =>
        HistoryAssert.RefusedAt(1, () => Complaint.FromHistory([Received, null!]));

    [Fact]
    public void FromHistory_WithAnEventOfAnotherComplaint_IsRefusedAtItsIndex() =>
        HistoryAssert.RefusedAt(1, () => Complaint.FromHistory([Received, new ComplaintRegistered(new ComplaintId("K-2"), At(1))]));

    [Fact]
    public void FromHistory_WithEmptyValuesInTheReceipt_IsRefusedAtIndexZero()
    {
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { ComplaintId = default }]));
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { Customer = default }]));
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { AgainstStaff = default(StaffId) }]));
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { RelatedTicket = default(TicketId) }]));
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { ClaimedLoss = default(Money) }]));
        HistoryAssert.RefusedValueAt(0, () => Complaint.FromHistory([Received with { Severity = (Severity)7 }]));
    }

    [Fact]
    public void FromHistory_WithEmptyValuesInALaterEvent_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedValueAt(2, () => Complaint.FromHistory([.. Investigating.Take(2), new InvestigationAssigned(Id, At(2), default, Investigator, At(60))]));
        HistoryAssert.RefusedValueAt(3, () => Complaint.FromHistory([.. Investigating, new VerdictRecorded(Id, At(3), VerdictOutcome.Substantiated, "found", default)]));
        HistoryAssert.RefusedValueAt(3, () => Complaint.FromHistory([.. Investigating, new CompensationRecorded(Id, At(3), default)]));
        HistoryAssert.RefusedValueAt(3, () => Complaint.FromHistory([.. Investigating, new ComplaintResponded(Id, At(3), "", "remedy")]));
    }

    [Fact]
    public void FromHistory_WithATransitionTheTableDoesNotAllow_IsRefusedByTheRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TransitionMustBeAllowed, () => Complaint.FromHistory([Received, new ComplaintResolved(Id, At(1))]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.TransitionMustBeAllowed, () => Complaint.FromHistory([.. Investigating, new ComplaintClosed(Id, At(3))]));
    }

    [Fact]
    public void FromHistory_WithAnEventItsCommandsRuleRefuses_IsRefusedByThatRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(4, RuleCode.EscalationLevelMustIncrease, () => Complaint.FromHistory(
            [.. Investigating, new ComplaintEscalated(Id, At(3), 2, "lead", "late"), new ComplaintEscalated(Id, At(4), 1, "lead", "late")]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.InvestigationDeadlineMustNotPrecedeAssignment, () => Complaint.FromHistory(
            [.. Investigating.Take(2), new InvestigationAssigned(Id, At(2), new DepartmentId("repairs"), Investigator, At(1))]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.ComplaintCannotMergeIntoItself, () => Complaint.FromHistory([.. Investigating, new DuplicateMerged(Id, At(3), Id, T0)]));
        HistoryAssert.RefusedByRuleAt(4, RuleCode.MergedComplaintAcceptsNoCommands, () => Complaint.FromHistory(
            [.. Investigating, new ComplaintMerged(Id, At(3), new ComplaintId("K-0")), new SeverityChanged(Id, At(4), Severity.Minor)]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.CompensationMustBePositiveInOneCurrency, () => Complaint.FromHistory(
            [.. Investigating, new CompensationRecorded(Id, At(3), Money.Yuan(0m))]));
    }

    [Fact]
    public void FromHistory_ClosingWithoutAVerdict_IsRefusedByTheClosingRuleAtItsIndex() =>
        HistoryAssert.RefusedByRuleAt(6, RuleCode.ClosingRequiresVerdict, () => Complaint.FromHistory(
            [.. Investigating, new ComplaintResponded(Id, At(3), "reply", "remedy"), new ComplaintResolved(Id, At(4)), new CallbackRecorded(Id, At(5), true), new ComplaintClosed(Id, At(6))]));

    [Fact]
    public void FromHistory_GoingBackInTime_IsRefusedAtTheEarlierEvent() =>
        HistoryAssert.RefusedAt(2, () => Complaint.FromHistory([Received, new ComplaintRegistered(Id, At(5)), new InvestigationAssigned(Id, At(4), new DepartmentId("d"), Investigator, At(60))]));

    [Fact]
    public void FromHistory_NotStartingWithTheReceiptOrReceivingTwice_IsRefusedAtTheOffendingEvent()
    {
        HistoryAssert.RefusedAt(0, () => Complaint.FromHistory(Investigating.Skip(1)));
        HistoryAssert.RefusedAt(1, () => Complaint.FromHistory([Received, Received]));
    }
}
