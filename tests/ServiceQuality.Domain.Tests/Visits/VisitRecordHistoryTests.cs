using System.Collections.ObjectModel;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceQuality.Domain.Tests.Visits;

/// <summary><see cref="VisitRecord.FromHistory"/> refuses what the visit's commands could not have raised, naming the first bad event.</summary>
public sealed class VisitRecordHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly VisitId Id = new("V-1");
    private static readonly StaffId Agent = new("agent");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static VisitPlanned Planned => new(Id, T0, new CustomerId("C-1"), VisitSubject.ForTicket(new TicketId("T-1")), VisitKind.PhoneCallback, At(600), 2);

    private static ReadOnlyDictionary<string, SatisfactionRating> Ratings(string name, SatisfactionRating rating) => new(new Dictionary<string, SatisfactionRating> { [name] = rating });

    [Fact]
    public void FromHistory_OfAValidHistory_CountsTheEventsAsTheStreamVersion() =>
        Assert.Equal(2, VisitRecord.FromHistory([Planned, new VisitMissed(Id, At(1))]).StreamVersion);

    [Fact]
    public void FromHistory_WithANullEventOrOneOfAnotherVisit_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedAt(1, () => VisitRecord.FromHistory([Planned, null!]));
        HistoryAssert.RefusedAt(1, () => VisitRecord.FromHistory([Planned, new VisitMissed(new VisitId("V-2"), At(1))]));
    }

    [Fact]
    public void FromHistory_WithEmptyOrUndefinedValues_IsRefusedAtTheirIndex()
    {
        HistoryAssert.RefusedValueAt(0, () => VisitRecord.FromHistory([Planned with { VisitId = default }]));
        HistoryAssert.RefusedValueAt(0, () => VisitRecord.FromHistory([Planned with { Customer = default }]));
        HistoryAssert.RefusedValueAt(0, () => VisitRecord.FromHistory([Planned with { Subject = null! }]));
        HistoryAssert.RefusedValueAt(0, () => VisitRecord.FromHistory([Planned with { MaxAttempts = 0 }]));
        HistoryAssert.RefusedValueAt(1, () => VisitRecord.FromHistory([Planned, new VisitAttemptRecorded(Id, At(1), (AttemptOutcome)9)]));
        HistoryAssert.RefusedValueAt(1, () => VisitRecord.FromHistory([Planned, new VisitCompleted(Id, At(1), SatisfactionRating.Satisfied, Ratings(" ", SatisfactionRating.Neutral), null, Agent)]));
        HistoryAssert.RefusedValueAt(1, () => VisitRecord.FromHistory([Planned, new VisitCompleted(Id, At(1), SatisfactionRating.Satisfied, Ratings("reception", 0), null, Agent)]));
        HistoryAssert.RefusedValueAt(1, () => VisitRecord.FromHistory([Planned, new VisitCompleted(Id, At(1), SatisfactionRating.Satisfied, null!, null, Agent)]));
        HistoryAssert.RefusedValueAt(1, () => VisitRecord.FromHistory([Planned, new VisitCompleted(Id, At(1), SatisfactionRating.Satisfied, Ratings("reception", SatisfactionRating.Neutral), null, default)]));
    }

    [Fact]
    public void FromHistory_WithAnEventItsCommandsRuleRefuses_IsRefusedByThatRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(2, RuleCode.TransitionMustBeAllowed, () => VisitRecord.FromHistory([Planned, new VisitMissed(Id, At(1)), new VisitCancelled(Id, At(2), "late")]));
        HistoryAssert.RefusedByRuleAt(3, RuleCode.VisitAttemptsMustNotExceedMaximum, () => VisitRecord.FromHistory(
            [Planned, new VisitAttemptRecorded(Id, At(1), AttemptOutcome.Busy), new VisitAttemptRecorded(Id, At(2), AttemptOutcome.Busy), new VisitAttemptRecorded(Id, At(3), AttemptOutcome.Reached)]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.VisitCompletionRequiresReachedCustomer, () => VisitRecord.FromHistory(
            [Planned, new VisitAttemptRecorded(Id, At(1), AttemptOutcome.NoAnswer), new VisitCompleted(Id, At(2), SatisfactionRating.Satisfied, Ratings("reception", SatisfactionRating.Neutral), null, Agent)]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.RefusedVisitAcceptsNoFurtherContact, () => VisitRecord.FromHistory(
            [Planned, new VisitAttemptRecorded(Id, At(1), AttemptOutcome.Refused), new VisitAttemptRecorded(Id, At(2), AttemptOutcome.Reached)]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.VisitRetryMustWaitInterval, () => VisitRecord.FromHistory(
            [Planned with { RetryInterval = Duration.FromMinutes(5) }, new VisitAttemptRecorded(Id, At(1), AttemptOutcome.NoAnswer), new VisitAttemptRecorded(Id, At(2), AttemptOutcome.Reached)]));
    }

    [Fact]
    public void FromHistory_OfAPlanWithoutARetryInterval_RetriesAtOnce_AndACompletionWithoutAttemptsIsAccepted()
    {
        var visit = VisitRecord.FromHistory(
            [Planned, new VisitCompleted(Id, At(1), SatisfactionRating.Satisfied, Ratings("reception", SatisfactionRating.Neutral), null, Agent)]);
        Assert.Equal((VisitStatus.Completed, Duration.Zero), (visit.Status, visit.RetryInterval));
        HistoryAssert.RefusedValueAt(0, () => VisitRecord.FromHistory([Planned with { RetryInterval = Duration.FromMinutes(-1) }]));
    }

    [Fact]
    public void FromHistory_GoingBackInTimeOrNotStartingWithThePlan_IsRefusedAtTheOffendingEvent()
    {
        HistoryAssert.RefusedAt(2, () => VisitRecord.FromHistory([Planned, new VisitAttemptRecorded(Id, At(5), AttemptOutcome.Busy), new VisitMissed(Id, At(4))]));
        HistoryAssert.RefusedAt(0, () => VisitRecord.FromHistory([new VisitMissed(Id, T0)]));
        HistoryAssert.RefusedAt(1, () => VisitRecord.FromHistory([Planned, Planned]));
    }
}
