using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Agreements;

/// <summary>Random command sequences against agreement versions (including revisions) and a small reference model.</summary>
public sealed class ServiceLevelAgreementModelTests
{
    private static readonly ServiceTier?[] Tiers = [null, ServiceTier.Gold, ServiceTier.Key];
    private static readonly Priority?[] Priorities = [null, Priority.P1, Priority.P3];

    public sealed record View(
        int Version, AgreementStatus Status, string Cells, string Stages, string? Calendar, ReopenBehaviour Reopen, int Objectives,
        string Pauses, Instant? EffectiveFrom, Instant LastEventAt, int Events);

    private static string CellsOf(IEnumerable<ServiceTarget> targets) =>
        string.Join(";", targets.Select(t => $"{t.Metric}/{t.Priority}/{t.Tier}/{t.Target}"));

    private static View ViewOf(ServiceLevelAgreement a) => new(
        a.Version, a.Status, CellsOf(a.Targets), string.Join(",", a.WarningStages), a.CalendarName, a.Reopen, a.Objectives.Count,
        string.Join(",", a.PauseRules.Select(p => p.Reason.Code).Order(StringComparer.Ordinal)), a.EffectiveFrom, a.LastEventAt, a.History.Count);

    public sealed record Command(string Name, int Minutes, int A, int B, int C)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {A}, {B}, {C})";
    }

    private static Gen<Command> Commands =>
        from name in Gen.Frequency(
            (6, Gen.Constant("AddTarget")), (2, Gen.Constant("SetStages")), (1, Gen.Constant("SetCalendar")), (1, Gen.Constant("SetReopen")),
            (1, Gen.Constant("PauseOn")), (1, Gen.Constant("AddObjective")), (2, Gen.Constant("Publish")), (1, Gen.Constant("Retire")), (2, Gen.Constant("Revise")))
        from minutes in ModelBased.MinutesDelta
        from a in Gen.Choose(-10, 110)
        from b in Gen.Choose(-10, 110)
        from c in Gen.Choose(0, 100)
        select new Command(name, minutes, a, b, c);

    private static ServiceTarget TargetOf(Command c) =>
        new((Metric)(Math.Abs(c.A) % 3), Priorities[Math.Abs(c.B) % 3], Tiers[c.C % 3], Duration.FromMinutes(c.A), TimeBasis.BusinessTime);

    private static HoldReason ReasonOf(Command c) => (c.C % 3) switch { 0 => HoldReason.WaitingForCustomer, 1 => HoldReason.WaitingForThirdParty, _ => new HoldReason("awaiting-parts") };

    private static (RuleCode? Refusal, View Next) Predict(View m, List<ServiceTarget> targets, Command c, Instant now)
    {
        if (now < m.LastEventAt)
        {
            return (RuleCode.CommandTimeMustNotPrecedeLastEvent, m);
        }

        var next = m with { LastEventAt = now, Events = m.Events + 1 };
        var isEdit = c.Name is "AddTarget" or "SetStages" or "SetCalendar" or "SetReopen" or "PauseOn" or "AddObjective";
        if (isEdit && m.Status != AgreementStatus.Draft)
        {
            return (RuleCode.PublishedAgreementIsFrozen, m);
        }

        switch (c.Name)
        {
            case "AddTarget":
                var cell = TargetOf(c);
                if (cell.Target <= Duration.Zero)
                {
                    return (RuleCode.TargetDurationMustBePositive, m);
                }

                return targets.Any(t => t.Metric == cell.Metric && t.Priority == cell.Priority && t.Tier == cell.Tier)
                    ? (RuleCode.TargetCellMustBeUnique, m)
                    : (null, next with { Cells = CellsOf([.. targets, cell]) });
            case "SetStages":
                var stages = new[] { (decimal)c.A, c.B }.Distinct().Order().ToArray();
                return stages.Any(s => s is <= 0 or >= 100) ? (RuleCode.WarningStageMustBeWithinRange, m) : (null, next with { Stages = string.Join(",", stages) });
            case "SetCalendar":
                return (null, next with { Calendar = c.C % 2 == 0 ? null : $"cal-{c.C}" });
            case "SetReopen":
                return (null, next with { Reopen = (ReopenBehaviour)(c.C % 2) });
            case "PauseOn":
                var reasons = m.Pauses.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(ReasonOf(c).Code).Distinct().Order(StringComparer.Ordinal);
                return (null, next with { Pauses = string.Join(",", reasons) });
            case "AddObjective":
                return c.A is < 0 or > 100 ? (RuleCode.KpiThresholdMustBeAPercentage, m) : (null, next with { Objectives = m.Objectives + 1 });
            case "Publish":
                if (m.Status != AgreementStatus.Draft)
                {
                    return (RuleCode.TransitionMustBeAllowed, m);
                }

                return targets.Count == 0 ? (RuleCode.AgreementNeedsTargetsToPublish, m) : (null, next with { Status = AgreementStatus.Published, EffectiveFrom = now });
            case "Retire":
                return m.Status != AgreementStatus.Published ? (RuleCode.TransitionMustBeAllowed, m) : (null, next with { Status = AgreementStatus.Retired });
            case "Revise":
                return m.Status == AgreementStatus.Draft
                    ? (RuleCode.TransitionMustBeAllowed, m)
                    : (null, next with { Version = m.Version + 1, Status = AgreementStatus.Draft, EffectiveFrom = null, Events = 1 });
            default:
                throw new InvalidOperationException(c.Name);
        }
    }

    private static readonly string[] Names = ["AddTarget", "SetStages", "SetCalendar", "SetReopen", "PauseOn", "AddObjective", "Publish", "Retire", "Revise"];

    private static AgreementCommand CommandOf(string name) =>
        Enum.TryParse<AgreementCommand>(name, out var command) ? command : AgreementCommand.Edit;

    private static ServiceLevelAgreement Run(ServiceLevelAgreement a, Command c, Instant now)
    {
        switch (c.Name)
        {
            case "AddTarget": var t = TargetOf(c); a.AddTarget(t.Metric, t.Priority, t.Tier, t.Target, t.Basis, now); break;
            case "SetStages": a.SetWarningStages([c.A, c.B], now); break;
            case "SetCalendar": a.SetCalendar(c.C % 2 == 0 ? null : $"cal-{c.C}", now); break;
            case "SetReopen": a.SetReopenBehaviour((ReopenBehaviour)(c.C % 2), now); break;
            case "PauseOn": a.PauseOn(ReasonOf(c), [Metric.Resolution], now); break;
            case "AddObjective": a.AddKpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, c.A, now); break;
            case "Publish": a.Publish(now, now); break;
            case "Retire": a.Retire(now); break;
            case "Revise": return a.Revise(now);
            default: throw new InvalidOperationException(c.Name);
        }

        return a;
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property RandomCommandSequences_MatchTheModel_AndRebuildFromEventsEqualsLive()
    {
        var sequences = Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n)).ToArbitrary();
        return Prop.ForAll(sequences, commands =>
        {
            var now = ModelBased.Start;
            var agreement = ServiceLevelAgreement.Draft(new AgreementId("SLA-1"), "Hotline", AgreementKind.ServiceLevel, now);
            var model = ViewOf(agreement);
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, [.. agreement.Targets], command, now);
                var current = agreement;
                var published = agreement.Status != AgreementStatus.Draft ? ViewOf(agreement) : null;
                ModelBased.Step(() => ViewOf(agreement), () => agreement = Run(current, command, now), refusal, next, command.ToString());
                if (published is not null)
                {
                    Assert.Equal(published with { Status = current.Status, LastEventAt = current.LastEventAt, Events = current.History.Count }, ViewOf(current));
                }

                model = refusal is null ? next : model;
                var (state, cells, live) = (model, agreement.Targets.ToList(), agreement);
                var predictions = Names.Select(n => (n, Predict(state, cells, command with { Name = n }, state.LastEventAt).Refusal)).ToList();
                ModelBased.PermittedCommandsAgree(
                    live.PermittedCommands, predictions, n => [CommandOf(n)], RuleCode.TransitionMustBeAllowed, RuleCode.PublishedAgreementIsFrozen);
                Assert.Equal(predictions.Single(p => p.n == "Publish").Refusal is null, live.CanPublish());
                Assert.Equal(live.PermittedCommands.Contains(AgreementCommand.Edit), live.CanEdit());
                Assert.Equal(live.PermittedCommands.Contains(AgreementCommand.Retire), live.CanRetire());
                Assert.Equal(live.PermittedCommands.Contains(AgreementCommand.Revise), live.CanRevise());
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;
                Assert.Equal(ViewOf(agreement), ViewOf(ServiceLevelAgreement.FromHistory(agreement.History)));
            }

            ModelBased.HistoryIsInOrder(agreement.History);
        });
    }
}
