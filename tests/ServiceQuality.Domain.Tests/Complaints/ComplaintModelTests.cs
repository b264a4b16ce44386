using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Tests.TestSupport;
using static ServiceQuality.Domain.Complaints.ComplaintStatus;

namespace ServiceQuality.Domain.Tests.Complaints;

/// <summary>Random command sequences against the complaint and a small reference model of it.</summary>
public sealed class ComplaintModelTests
{
    private static readonly ComplaintId PrimaryId = new("K-1");

    public sealed record View(
        ComplaintStatus Status, Severity Severity, int EscalationLevel, int Escalations, VerdictOutcome? Verdict, Instant? RegisteredAt,
        Instant? ResolvedAt, Instant? CallbackCompletedAt, bool Waived, int Dissatisfied, decimal? Compensation, string? CompensationCurrency, Instant ReceivedAt,
        int Duplicates, ComplaintId? MergedInto, Instant? ClosedAt, Instant? WithdrawnAt, Instant LastEventAt, int Events, ServiceTier? CustomerTier);

    private static View ViewOf(Complaint c) => new(
        c.Status, c.Severity, c.Escalation.Level, c.Escalation.Escalations.Count, c.Verdict?.Outcome, c.RegisteredAt, c.ResolvedAt, c.CallbackCompletedAt,
        c.CallbackWaiverReason is not null, c.DissatisfiedCallbacks, c.Compensation?.Amount, c.Compensation?.Currency, c.ReceivedAt, c.Duplicates.Count, c.MergedInto,
        c.ClosedAt, c.WithdrawnAt, c.LastEventAt, c.History.Count, c.CustomerTier);

    public sealed record Command(string Name, int Minutes, int Number, bool Flag)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {Number}, {Flag})";
    }

    private static readonly string[] Names =
    [
        "Register", "Assign", "Respond", "Resolve", "Verdict", "Callback", "Waive", "Close", "Withdraw", "Escalate",
        "Compensate", "Severity", "MergeDuplicate", "MergeInto", "Reselect",
    ];

    /// <summary>The table's commands a model command stands for (a callback is either; a merge is this complaint's side of it).</summary>
    private static ComplaintCommand[] CommandsOf(string name) => name switch
    {
        "Assign" => [ComplaintCommand.AssignInvestigation],
        "Verdict" => [ComplaintCommand.RecordVerdict],
        "Callback" => [ComplaintCommand.RecordSatisfiedCallback, ComplaintCommand.RecordDissatisfiedCallback],
        "Waive" => [ComplaintCommand.WaiveCallback],
        "Compensate" => [ComplaintCommand.RecordCompensation],
        "Severity" => [ComplaintCommand.ChangeSeverity],
        "MergeDuplicate" => [ComplaintCommand.Merge],
        "MergeInto" => [ComplaintCommand.MergeAsDuplicate],
        "Reselect" => [ComplaintCommand.ReselectAgreements],
        _ => [Enum.Parse<ComplaintCommand>(name)],
    };

    private static Gen<Command> Commands =>
        from name in Gen.Elements(
            "Register", "Assign", "Respond", "Resolve", "Verdict", "Callback", "Waive", "Close", "Withdraw", "Escalate",
            "Compensate", "Severity", "MergeDuplicate", "MergeInto", "Reselect")
        from minutes in ModelBased.MinutesDelta
        from number in Gen.Choose(-60, 600)
        from flag in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new Command(name, minutes, number, flag);

    private static (RuleCode? Refusal, View Next) Predict(View m, bool callbackRequired, Command c, Instant now)
    {
        if (m.Status == Merged)
        {
            return (RuleCode.MergedComplaintAcceptsNoCommands, m);
        }

        if (now < m.LastEventAt)
        {
            return (RuleCode.CommandTimeMustNotPrecedeLastEvent, m);
        }

        var open = m.Status is not (Closed or Withdrawn or Merged);
        var allowed = c.Name switch
        {
            "Register" => m.Status == Received,
            "Assign" => m.Status is Registered or UnderInvestigation,
            "Respond" => m.Status == UnderInvestigation,
            "Resolve" => m.Status == Responded,
            "Verdict" => m.Status is UnderInvestigation or Responded or Resolved or CallbackCompleted,
            "Callback" => m.Status == Resolved,
            "Close" => m.Status is Resolved or CallbackCompleted,
            "Withdraw" => m.Status is Received or Registered or UnderInvestigation or Responded,
            _ => open,
        };
        if (!allowed)
        {
            return (RuleCode.TransitionMustBeAllowed, m);
        }

        var next = m with { LastEventAt = now, Events = m.Events + 1 };
        var outcome = (VerdictOutcome)(Math.Abs(c.Number) % 3);
        return c.Name switch
        {
            "Register" => (null, next with { Status = Registered, RegisteredAt = now }),
            "Assign" when c.Number < 0 => (RuleCode.InvestigationDeadlineMustNotPrecedeAssignment, m),
            "Assign" => (null, next with { Status = UnderInvestigation }),
            "Respond" => (null, next with { Status = Responded }),
            "Resolve" => (null, next with { Status = Resolved, ResolvedAt = now }),
            "Verdict" => (null, next with { Verdict = outcome }),
            "Callback" when c.Flag => (null, next with { Status = CallbackCompleted, CallbackCompletedAt = now }),
            "Callback" => (null, next with { Status = UnderInvestigation, ResolvedAt = null, Dissatisfied = m.Dissatisfied + 1 }),
            "Waive" => (null, next with { Waived = true }),
            "Close" when m.Verdict is null => (RuleCode.ClosingRequiresVerdict, m),
            "Close" when callbackRequired && m.CallbackCompletedAt is null && !m.Waived => (RuleCode.ClosingRequiresCompletedCallback, m),
            "Close" => (null, next with { Status = Closed, ClosedAt = now }),
            "Withdraw" => (null, next with { Status = Withdrawn, WithdrawnAt = now }),
            "Escalate" when c.Number % 6 <= m.EscalationLevel => (RuleCode.EscalationLevelMustIncrease, m),
            "Escalate" => (null, next with { EscalationLevel = c.Number % 6, Escalations = m.Escalations + 1 }),
            "Compensate" when c.Number <= 0 || (m.CompensationCurrency ?? Currency(c)) != Currency(c) => (RuleCode.CompensationMustBePositiveInOneCurrency, m),
            "Compensate" => (null, next with { Compensation = (m.Compensation ?? 0) + c.Number, CompensationCurrency = Currency(c) }),
            "Severity" => (null, next with { Severity = (Severity)(Math.Abs(c.Number) % 3) }),
            "MergeDuplicate" => (null, next with { Duplicates = m.Duplicates + 1, ReceivedAt = Earlier(m.ReceivedAt, DuplicateReceipt(c, now)) }),
            "MergeInto" => (null, next with { Status = Merged, MergedInto = new ComplaintId("K-primary") }),
            "Reselect" => (null, next with { CustomerTier = TierOf(c) }),
            _ => throw new InvalidOperationException(c.Name),
        };
    }

    private static string Currency(Command c) => c.Flag ? "CNY" : "USD";

    private static ServiceTier TierOf(Command c) => c.Flag ? ServiceTier.Key : ServiceTier.Gold;

    private static Instant Earlier(Instant a, Instant b) => a < b ? a : b;

    private static Instant DuplicateReceipt(Command c, Instant now) => now - Duration.FromMinutes(Math.Abs(c.Number) * 10);

    private static void Run(Complaint complaint, Command c, Instant now)
    {
        var staff = new StaffId("s1");
        switch (c.Name)
        {
            case "Register": complaint.Register(now); break;
            case "Assign": complaint.AssignInvestigation(new DepartmentId("d1"), staff, now + Duration.FromMinutes(c.Number), now); break;
            case "Respond": complaint.Respond("we are sorry", "repair and apology", now); break;
            case "Resolve": complaint.Resolve(now); break;
            case "Verdict": complaint.RecordVerdict((VerdictOutcome)(Math.Abs(c.Number) % 3), "investigated", staff, now); break;
            case "Callback": complaint.RecordCallback(c.Flag, now); break;
            case "Waive": complaint.WaiveCallback("customer asked not to be called", now); break;
            case "Close": complaint.Close(now); break;
            case "Withdraw": complaint.Withdraw("settled privately", now); break;
            case "Escalate": complaint.Escalate(c.Number % 6, "supervisor", "policy", now); break;
            case "Compensate": complaint.RecordCompensation(new Money(c.Number, Currency(c)), now); break;
            case "Severity": complaint.ChangeSeverity((Severity)(Math.Abs(c.Number) % 3), now); break;
            case "Reselect": complaint.ReselectAgreements(TierOf(c), null, null, "tier corrected", now); break;
            case "MergeDuplicate":
                var duplicate = Complaint.Receive(new ComplaintId($"K-dup-{c.Number}"), new CustomerId("C-1"), Channel.Online, ComplaintCategory.Delay, Severity.Minor, DuplicateReceipt(c, now));
                complaint.Merge(duplicate, now);
                Assert.Equal((Merged, (ComplaintId?)complaint.Id), (duplicate.Status, duplicate.MergedInto));
                break;
            case "MergeInto":
                var primary = Complaint.Receive(new ComplaintId("K-primary"), new CustomerId("C-1"), Channel.Letter, ComplaintCategory.Delay, Severity.Minor, now);
                primary.Merge(complaint, now);
                break;
            default: throw new InvalidOperationException(c.Name);
        }
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property RandomCommandSequences_MatchTheModel_AndRebuildFromEventsEqualsLive()
    {
        var sequences =
            (from callbackRequired in Gen.Elements(true, false)
             from commands in Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n))
             select (callbackRequired, commands)).ToArbitrary();
        return Prop.ForAll(sequences, input =>
        {
            var (callbackRequired, commands) = input;
            var now = ModelBased.Start;
            var complaint = Complaint.Receive(PrimaryId, new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.ServiceAttitude, Severity.Major, now, callbackRequired: callbackRequired);
            var model = ViewOf(complaint);
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, callbackRequired, command, now);
                ModelBased.Step(() => ViewOf(complaint), () => Run(complaint, command, now), refusal, next, command.ToString());
                model = refusal is null ? next : model;
                var current = model;
                ModelBased.PermittedCommandsAgree(
                    complaint.PermittedCommands, Names.Select(n => (n, Predict(current, callbackRequired, command with { Name = n }, current.LastEventAt).Refusal)), CommandsOf,
                    RuleCode.TransitionMustBeAllowed, RuleCode.MergedComplaintAcceptsNoCommands);
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;
                Assert.Equal(ViewOf(complaint), ViewOf(Complaint.FromHistory(complaint.History)));
            }

            ModelBased.HistoryIsInOrder(complaint.History);
            Assert.All(complaint.Escalation.Escalations.Zip(complaint.Escalation.Escalations.Skip(1)), p => Assert.True(p.First.Level < p.Second.Level));
        });
    }
}
