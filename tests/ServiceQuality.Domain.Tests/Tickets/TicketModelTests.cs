using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Tickets;
using static ServiceQuality.Domain.Tickets.TicketStatus;

namespace ServiceQuality.Domain.Tests.Tickets;

/// <summary>Random command sequences against the ticket and a small reference model of it.</summary>
public sealed class TicketModelTests
{
    private static readonly StaffId[] Staff = [new("s1"), new("s2"), new("s3")];
    private static readonly StaffId Owner = new("owner");

    /// <summary>Everything observable about a ticket, for comparing aggregate, model and rebuilt aggregate.</summary>
    public sealed record View(
        TicketStatus Status, Priority Priority, StaffId? Assignee, HoldReason? HoldReason, bool ReferralOpen, Instant? OnSiteArrivedAt,
        Instant? FirstResponseAt, Instant? LastResponseAt, Instant? ResolvedAt, Instant? ClosedAt, Instant? CancelledAt,
        int ReopenCount, int TransferCount, StaffId FirstContactOwner, Instant LastEventAt, int Events, int EscalationLevel, int Escalations,
        ServiceTier CustomerTier);

    private static View ViewOf(Ticket t) => new(
        t.Status, t.Priority, t.Assignee, t.HoldReason, t.Referral is { IsOpen: true }, t.OnSiteArrivedAt, t.FirstResponseAt, t.LastResponseAt,
        t.ResolvedAt, t.ClosedAt, t.CancelledAt, t.ReopenCount, t.TransferCount, t.FirstContactOwner, t.LastEventAt, t.History.Count,
        t.Escalation.Level, t.Escalation.Escalations.Count, t.CustomerTier);

    /// <summary>One command with its arguments and the minutes since the previous one.</summary>
    public sealed record Command(string Name, int Minutes, StaffId Staff, Priority Priority, HoldReason Reason, bool Flag, int Level)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {Staff}, {Priority}, {Reason}, {Flag}, level {Level})";
    }

    private static readonly string[] Names =
    [
        "Assign", "Transfer", "RecordResponse", "StartWork", "Hold", "Resume", "Refer", "Return", "Arrive", "ChangePriority",
        "Resolve", "Reopen", "Close", "Cancel", "Escalate", "ReselectAgreements",
    ];

    private static Gen<Command> Commands =>
        from name in Gen.Elements(Names)
        from minutes in ModelBased.MinutesDelta
        from staff in Gen.Elements(Staff)
        from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3, Priority.P4)
        from reason in Gen.Elements(HoldReason.WaitingForCustomer, HoldReason.WaitingForThirdParty)
        from flag in Gen.Elements(true, false)
        from level in Gen.Choose(-1, 5)
        select new Command(name, minutes, staff, priority, reason, flag, level);

    /// <summary>The reference model: the transition table of DOMAIN.md written out plainly, plus each command's own rule.</summary>
    private static (RuleCode? Refusal, View Next) Predict(View m, Command c, Instant now)
    {
        if (now < m.LastEventAt)
        {
            return (RuleCode.CommandTimeMustNotPrecedeLastEvent, m);
        }

        var open = m.Status is New or Assigned or InProgress or OnHold;
        var allowedFrom = c.Name switch
        {
            "Assign" => m.Status == New,
            "Transfer" => m.Status is Assigned or InProgress or OnHold,
            "RecordResponse" or "ChangePriority" or "Cancel" or "Escalate" => open,
            "ReselectAgreements" => open || m.Status == Resolved,
            "StartWork" => m.Status == Assigned,
            "Hold" or "Refer" => m.Status == InProgress,
            "Resume" or "Return" => m.Status == OnHold,
            "Arrive" => m.Status is Assigned or InProgress,
            "Resolve" => m.Status is InProgress or OnHold,
            "Reopen" or "Close" => m.Status == Resolved,
            _ => throw new InvalidOperationException(c.Name),
        };
        if (!allowedFrom)
        {
            return (RuleCode.TransitionMustBeAllowed, m);
        }

        var next = m with { LastEventAt = now, Events = m.Events + 1 };
        return c.Name switch
        {
            "Assign" => (null, next with { Status = Assigned, Assignee = c.Staff }),
            "Transfer" when m.Assignee == c.Staff => (RuleCode.TransferMustChangeAssignee, m),
            "Transfer" => (null, next with { Assignee = c.Staff, TransferCount = m.TransferCount + 1 }),
            "RecordResponse" when c.Flag => (null, next with { FirstResponseAt = m.FirstResponseAt ?? now, LastResponseAt = now }),
            "RecordResponse" => (null, next),
            "StartWork" => (null, next with { Status = InProgress }),
            "Hold" => (null, next with { Status = OnHold, HoldReason = c.Reason }),
            "Resume" when m.ReferralOpen => (RuleCode.OpenReferralMustBeReturnedToResume, m),
            "Resume" => (null, next with { Status = InProgress, HoldReason = null }),
            "Refer" => (null, next with { Status = OnHold, HoldReason = HoldReason.WaitingForThirdParty, ReferralOpen = true }),
            "Return" when m.HoldReason != HoldReason.WaitingForThirdParty => (RuleCode.ThirdPartyReturnRequiresThirdPartyHold, m),
            "Return" when !m.ReferralOpen => (RuleCode.ThirdPartyReturnRequiresOpenReferral, m),
            "Return" => (null, next with { Status = InProgress, HoldReason = null, ReferralOpen = false }),
            "Arrive" when m.OnSiteArrivedAt is not null => (RuleCode.OnSiteArrivalIsRecordedOnce, m),
            "Arrive" => (null, next with { OnSiteArrivedAt = now }),
            "ChangePriority" when m.Priority == c.Priority => (RuleCode.PriorityChangeMustChangePriority, m),
            "ChangePriority" => (null, next with { Priority = c.Priority }),
            "Resolve" => (null, next with { Status = Resolved, HoldReason = null, ResolvedAt = now, ReferralOpen = false }),
            "Reopen" => (null, next with { Status = InProgress, ResolvedAt = null, ReopenCount = m.ReopenCount + 1 }),
            "Close" => (null, next with { Status = Closed, ClosedAt = now }),
            "Cancel" => (null, next with { Status = Cancelled, HoldReason = null, CancelledAt = now }),
            "Escalate" when c.Level <= m.EscalationLevel => (RuleCode.EscalationLevelMustIncrease, m),
            "Escalate" => (null, next with { EscalationLevel = c.Level, Escalations = m.Escalations + 1 }),
            "ReselectAgreements" => (null, next with { CustomerTier = TierOf(c) }),
            _ => throw new InvalidOperationException(c.Name),
        };
    }

    /// <summary>The tier a recompute names: the command's flag picks key or ordinary.</summary>
    private static ServiceTier TierOf(Command c) => c.Flag ? ServiceTier.Key : ServiceTier.Ordinary;

    private static void Run(Ticket t, Command c, Instant now)
    {
        switch (c.Name)
        {
            case "Assign": t.Assign(c.Staff, null, now); break;
            case "Transfer": t.Transfer(c.Staff, null, now); break;
            case "RecordResponse": t.RecordResponse(c.Staff, c.Flag, now); break;
            case "StartWork": t.StartWork(now); break;
            case "Hold": t.Hold(c.Reason, now); break;
            case "Resume": t.Resume(now); break;
            case "Refer": t.ReferToThirdParty("developer", now); break;
            case "Return": t.RecordThirdPartyReturn("fixed by developer", now); break;
            case "Arrive": t.RecordOnSiteArrival(c.Staff, now); break;
            case "ChangePriority": t.ChangePriority(c.Priority, now); break;
            case "Resolve": t.Resolve(c.Staff, now); break;
            case "Reopen": t.Reopen("customer not satisfied", now); break;
            case "Close": t.Close(now); break;
            case "Cancel": t.Cancel("duplicate", now); break;
            case "Escalate": t.Escalate(c.Level, "team-lead", "time.75", now); break;
            case "ReselectAgreements": t.ReselectAgreements(TierOf(c), null, null, "tier corrected", now); break;
            default: throw new InvalidOperationException(c.Name);
        }
    }

    private static TicketCommand CommandOf(string name) => name switch
    {
        "Refer" => TicketCommand.ReferToThirdParty,
        "Return" => TicketCommand.RecordThirdPartyReturn,
        "Arrive" => TicketCommand.RecordOnSiteArrival,
        _ => Enum.Parse<TicketCommand>(name),
    };

    private static bool CanRun(Ticket t, Command c) => c.Name switch
    {
        "Assign" => t.CanAssign(),
        "Transfer" => t.CanTransfer(),
        "RecordResponse" => t.CanRecordResponse(),
        "StartWork" => t.CanStartWork(),
        "Hold" => t.CanHold(),
        "Resume" => t.CanResume(),
        "Refer" => t.CanReferToThirdParty(),
        "Return" => t.CanRecordThirdPartyReturn(),
        "Arrive" => t.CanRecordOnSiteArrival(),
        "ChangePriority" => t.CanChangePriority(),
        "Resolve" => t.CanResolve(),
        "Reopen" => t.CanReopen(),
        "Close" => t.CanClose(),
        "Cancel" => t.CanCancel(),
        "Escalate" => t.CanEscalate(),
        "ReselectAgreements" => t.CanReselectAgreements(),
        _ => throw new InvalidOperationException(c.Name),
    };

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property RandomCommandSequences_MatchTheModel_AndRebuildFromEventsEqualsLive()
    {
        var sequences = Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n)).ToArbitrary();
        return Prop.ForAll(sequences, commands =>
        {
            var now = ModelBased.Start;
            var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, Owner, ServiceTier.Gold, now);
            var model = ViewOf(ticket);
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, command, now);
                if (now >= model.LastEventAt)
                {
                    // CanX answers from the state alone; rules about the command's own arguments are the command's.
                    var argumentRule = refusal is RuleCode.TransferMustChangeAssignee or RuleCode.PriorityChangeMustChangePriority or RuleCode.EscalationLevelMustIncrease;
                    Assert.Equal(refusal is null || argumentRule, CanRun(ticket, command));
                }

                ModelBased.Step(() => ViewOf(ticket), () => Run(ticket, command, now), refusal, next, command.ToString());
                model = refusal is null ? next : model;
                var current = model;
                ModelBased.PermittedCommandsAgree(
                    ticket.PermittedCommands, Names.Select(n => (n, Predict(current, command with { Name = n }, current.LastEventAt).Refusal)), n => [CommandOf(n)],
                    RuleCode.TransitionMustBeAllowed);
                Assert.All(Names.Where(n => CanRun(ticket, command with { Name = n })), n => Assert.Contains(CommandOf(n), ticket.PermittedCommands));
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;

                Assert.Equal(Owner, ticket.FirstContactOwner);
                Assert.All(ticket.Escalation.Escalations.Zip(ticket.Escalation.Escalations.Skip(1)), p => Assert.True(p.First.Level < p.Second.Level));
                Assert.Equal(ViewOf(ticket), ViewOf(Ticket.FromHistory(ticket.History)));
            }

            ModelBased.HistoryIsInOrder(ticket.History);
            Assert.Equal(ticket.History, ticket.TakeUncommittedEvents());
            Assert.Empty(ticket.UncommittedEvents);
        });
    }
}
