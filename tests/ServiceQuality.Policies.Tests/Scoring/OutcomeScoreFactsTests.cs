using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Testing;

namespace ServiceQuality.Policies.Tests.Scoring;

/// <summary>Score facts from complaint verdicts and from callbacks and visits, and their cut at the evaluation instant.</summary>
public sealed class OutcomeScoreFactsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Agent = new("agent");
    private static readonly StaffId Caller = new("caller");
    private static readonly DepartmentId Desk = new("desk");

    private static Complaint Decided(VerdictOutcome outcome, Instant decidedAt, StaffId? against = null, DepartmentId? department = null)
    {
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0,
            againstStaff: against, againstDepartment: department);
        complaint.Register(T0 + Duration.FromMinutes(5));
        complaint.AssignInvestigation(Desk, new StaffId("investigator"), T0 + Duration.FromDays(3), T0 + Duration.FromMinutes(10));
        complaint.Respond("sorry", "fixed", T0 + Duration.FromHours(1));
        complaint.Resolve(T0 + Duration.FromHours(2));
        complaint.RecordVerdict(outcome, "finding", new StaffId("investigator"), decidedAt);
        return complaint;
    }

    [Theory]
    [InlineData(VerdictOutcome.Substantiated, FactKind.ComplaintSubstantiated)]
    [InlineData(VerdictOutcome.PartlySubstantiated, FactKind.ComplaintPartlySubstantiated)]
    [InlineData(VerdictOutcome.Unsubstantiated, FactKind.ComplaintUnsubstantiated)]
    public void ComplaintFrom_CountsTheVerdictAgainstTheNamedStaffAndTeam(VerdictOutcome outcome, FactKind kind)
    {
        var decided = T0 + Duration.FromHours(3);
        var complaint = Decided(outcome, decided, Agent, Desk);

        Assert.Equal(
            [new ScoreFact(ScoreSubject.Staff(Agent), kind, decided, 0, "K-1"), new ScoreFact(ScoreSubject.Department(Desk), kind, decided, 0, "K-1")],
            ComplaintScoreFacts.From(complaint, decided));
        Assert.Empty(ComplaintScoreFacts.From(complaint, decided - Duration.Epsilon));
    }

    [Fact]
    public void ComplaintFrom_GivesNothingWithoutVerdictOrSomeoneNamed()
    {
        Assert.Empty(ComplaintScoreFacts.From(Builders.Complaint(), T0 + Duration.FromDays(9)));
        Assert.Empty(ComplaintScoreFacts.From(Decided(VerdictOutcome.Substantiated, T0 + Duration.FromHours(3)), T0 + Duration.FromDays(9)));
        Assert.Throws<ArgumentNullException>(() => ComplaintScoreFacts.From(null!, T0));
    }

    [Fact]
    public void VisitFrom_CreditsTheRatingToTheHandlerAndTheCallToWhoeverMadeIt()
    {
        var visit = Builders.Visit(at: T0);
        visit.RecordAttempt(AttemptOutcome.Reached, T0 + Duration.FromHours(1));
        var ended = T0 + Duration.FromHours(2);
        visit.Complete(SatisfactionRating.Satisfied, null, null, Caller, ended);

        Assert.Equal(
            [new ScoreFact(ScoreSubject.Staff(Agent), FactKind.SatisfactionRating, ended, 4, "V-1"), new ScoreFact(ScoreSubject.Staff(Caller), FactKind.CallbackDone, ended, 0, "V-1")],
            VisitScoreFacts.From(visit, Agent, ended));
        Assert.Equal([FactKind.CallbackDone], VisitScoreFacts.From(visit, null, ended).Select(f => f.Kind));
        Assert.Empty(VisitScoreFacts.From(visit, Agent, ended - Duration.Epsilon));
    }

    [Fact]
    public void VisitFrom_CountsAMissedCallbackAgainstTheHandler_AndNothingForOneStillPlanned()
    {
        var missed = Builders.Visit(at: T0);
        missed.RecordAttempt(AttemptOutcome.NoAnswer, T0 + Duration.FromHours(1));
        missed.MarkMissed(T0 + Duration.FromDays(2));

        Assert.Equal([new ScoreFact(ScoreSubject.Staff(Agent), FactKind.CallbackMissed, T0 + Duration.FromDays(2), 0, "V-1")], VisitScoreFacts.From(missed, Agent, T0 + Duration.FromDays(3)));
        Assert.Empty(VisitScoreFacts.From(missed, null, T0 + Duration.FromDays(3)));
        Assert.Empty(VisitScoreFacts.From(Builders.Visit(at: T0), Agent, T0 + Duration.FromDays(30)));
        Assert.Throws<ArgumentNullException>(() => VisitScoreFacts.From(null!, Agent, T0));
    }

    /// <summary>The cut law: facts as of an instant are dated at or before it, and a later instant only adds facts.</summary>
    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property From_AtAnInstant_HoldsOnlyEarlierFacts_AndGrowsWithTheInstant() =>
        Prop.ForAll(
            (from outcome in Gen.Elements(VerdictOutcome.Substantiated, VerdictOutcome.PartlySubstantiated, VerdictOutcome.Unsubstantiated)
             from decided in Gen.Choose(121, 10_000)
             from reached in Gen.Elements(true, false)
             from ended in Gen.Choose(61, 10_000)
             from first in Gen.Choose(0, 12_000)
             from second in Gen.Choose(0, 12_000)
             select (outcome, decided, reached, ended, first, second)).ToArbitrary(),
            input =>
            {
                var complaint = Decided(input.outcome, T0 + Duration.FromMinutes(input.decided), Agent, Desk);
                var visit = Builders.Visit(at: T0);
                visit.RecordAttempt(input.reached ? AttemptOutcome.Reached : AttemptOutcome.NoAnswer, T0 + Duration.FromMinutes(60));
                if (input.reached)
                {
                    visit.Complete(SatisfactionRating.Neutral, null, null, Caller, T0 + Duration.FromMinutes(input.ended));
                }
                else
                {
                    visit.MarkMissed(T0 + Duration.FromMinutes(input.ended));
                }

                var (early, late) = (T0 + Duration.FromMinutes(Math.Min(input.first, input.second)), T0 + Duration.FromMinutes(Math.Max(input.first, input.second)));
                var before = ComplaintScoreFacts.From(complaint, early).Concat(VisitScoreFacts.From(visit, Agent, early)).ToList();
                var after = ComplaintScoreFacts.From(complaint, late).Concat(VisitScoreFacts.From(visit, Agent, late)).ToList();

                Assert.All(before, f => Assert.True(f.At <= early));
                Assert.All(after, f => Assert.True(f.At <= late));
                Assert.True(before.All(after.Contains));
                Assert.Equal(input.decided <= Math.Max(input.first, input.second), after.Any(f => f.Evidence == "K-1"));
            });
}
