using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Testing.Tests;

/// <summary>DomainAssert.Refused passes on a refusal that changes nothing and fails, saying why, on anything else.</summary>
public sealed class DomainAssertTests
{
    private static readonly Instant Later = Builders.DefaultInstant + Duration.FromHours(1);
    private static readonly StaffId Alice = new("alice");

    [Fact]
    public void Refused_ARefusalThatChangesNothing_ReturnsTheRefusalForEveryAggregate()
    {
        var ticket = Builders.Ticket();

        var refusal = DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Close(Later));

        Assert.Equal(RuleCode.TransitionMustBeAllowed, refusal.Rule);
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Complaint(), c => c.Close(Later));
        DomainAssert.Refused(RuleCode.TrustScoreMustBeWithinRange, Builders.Customer(), c => c.UpdateTrustScore(101, "bonus", Later));
        DomainAssert.Refused(RuleCode.CommandTimeMustNotPrecedeLastEvent, Builders.Visit(), v => v.MarkMissed(Builders.DefaultInstant - Duration.FromMinutes(1)));
        DomainAssert.Refused(
            RuleCode.PublishedAgreementIsFrozen,
            new AgreementBuilder().WithTarget(Metric.Resolution, Duration.FromHours(8)).Build(),
            a => a.SetWarningStages([60m], Later));
    }

    [Fact]
    public void Refused_WhenTheCommandIsAccepted_FailsNamingTheEventItRaised()
    {
        var failure = Assert.Throws<DomainAssertionException>(
            () => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Ticket(), t => t.Assign(Alice, null, Later)));

        Assert.Equal("Expected TransitionMustBeAllowed to refuse the command on Ticket T-1 (New, P3, assignee none), but it was accepted (raising TicketAssigned).", failure.Message);
    }

    [Fact]
    public void Refused_WhenAnotherRuleRefuses_FailsNamingBothRules()
    {
        var failure = Assert.Throws<DomainAssertionException>(
            () => DomainAssert.Refused(RuleCode.TransferMustChangeAssignee, Builders.Ticket(), t => t.Close(Later)));

        Assert.StartsWith("Expected TransferMustChangeAssignee to refuse the command on Ticket T-1 (New, P3, assignee none), but TransitionMustBeAllowed refused it: ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(RuleCode.TransitionMustBeAllowed, Assert.IsType<DomainRuleViolationException>(failure.InnerException).Rule);
    }

    [Fact]
    public void Refused_WhenTheCommandThrowsSomethingElse_FailsCarryingIt()
    {
        var failure = Assert.Throws<DomainAssertionException>(
            () => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Ticket(), _ => throw new InvalidOperationException("not a rule")));

        Assert.EndsWith("but it threw InvalidOperationException: not a rule", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public void Refused_WhenTheRefusedCommandChangedTheAggregate_FailsNamingEachChange()
    {
        // A misbehaving command: it performs an accepted command, then claims a refusal.
        var failure = Assert.Throws<DomainAssertionException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Ticket(), t =>
        {
            t.Assign(Alice, null, Later);
            throw new DomainRuleViolationException(RuleCode.TransitionMustBeAllowed, "refused after all");
        }));

        Assert.Equal(
            "TransitionMustBeAllowed refused the command as expected, but Ticket T-1 (New, P3, assignee none) changed: its history grew from 1 to 2 events (TicketAssigned); "
            + "its uncommitted events went from 1 to 2; Assignee was none, now alice; Status was New, now Assigned.",
            failure.Message);
    }

    [Fact]
    public void Refused_WhenTheRefusedCommandChangedPersonalData_ShowsItMasked()
    {
        const string Comment = "Zhang Wei 张伟 called back on 13812345678";
        var failure = Assert.Throws<DomainAssertionException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Visit(), v =>
        {
            v.Complete(SatisfactionRating.Satisfied, null, Comment, Alice, Later);
            throw new DomainRuleViolationException(RuleCode.TransitionMustBeAllowed, "refused after all");
        }));

        Assert.DoesNotContain(Comment, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Comment was none, now Z***", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_WhenTheRefusedCommandChangedAReason_ShowsItMaskedInTheStateAndTheEvents()
    {
        const string Reason = "Mr Zhang asked not to be called at 13812345678";
        var failure = Assert.Throws<DomainAssertionException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Complaint(), c =>
        {
            c.WaiveCallback(Reason, Later);
            throw new DomainRuleViolationException(RuleCode.TransitionMustBeAllowed, "refused after all");
        }));

        Assert.DoesNotContain(Reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains("CallbackWaiverReason was none, now M***", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_WhenTheRefusedCommandTookTheUncommittedEvents_FailsSayingSo()
    {
        var failure = Assert.Throws<DomainAssertionException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Ticket(), t =>
        {
            t.TakeUncommittedEvents();
            t.Close(Later);
        }));

        Assert.EndsWith("changed: its uncommitted events went from 1 to 0.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_WithoutAnAggregateOrACommand_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, (Ticket)null!, t => t.Close(Later)));
        Assert.Throws<ArgumentNullException>(() => DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, Builders.Ticket(), null!));
    }
}
