using System.Collections.Immutable;
using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tests.TestSupport;

namespace ServiceQuality.Domain.Tests.Customers;

/// <summary>Random command sequences against the customer and a small reference model of it.</summary>
public sealed class CustomerModelTests
{
    private static readonly LocalDate Since = new(2020, 1, 1);
    private static readonly ServiceTier[] Tiers = [ServiceTier.Ordinary, ServiceTier.ClassA, ServiceTier.Gold, ServiceTier.Vip, ServiceTier.Key];

    public sealed record View(
        ServiceTier Tier, int Tiers, LocalDate TierFrom, CreditGrade Grade, int Trust, StaffId? Manager, CareFlags Flags,
        string Spend, ContactDetails Contact, Instant LastEventAt, int Events);

    private static string SpendText(IEnumerable<KeyValuePair<int, decimal>> spend) => string.Join(";", spend.Select(p => $"{p.Key}={p.Value}"));

    private static View ViewOf(Customer c) => new(
        c.Tier, c.TierHistory.Count, c.TierHistory[^1].EffectiveFrom, c.CreditGrade, c.TrustScore, c.AccountManager, c.CareFlags,
        SpendText(c.SpendByYear.Select(p => KeyValuePair.Create(p.Key, p.Value.Amount))), c.Contact, c.LastEventAt, c.History.Count);

    public sealed record Command(string Name, int Minutes, int Number, int Days, bool Flag)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {Number}, {Days} days, {Flag})";
    }

    private static readonly string[] Names =
        ["ChangeTier", "ChangeCreditGrade", "UpdateTrustScore", "AssignAccountManager", "SetCareFlags", "RecordSpend", "ChangeContact"];

    private static CustomerCommand CommandOf(string name) => name == "ChangeContact" ? CustomerCommand.ChangeContactDetails : Enum.Parse<CustomerCommand>(name);

    private static Gen<Command> Commands =>
        from name in Gen.Elements(Names)
        from minutes in ModelBased.MinutesDelta
        from number in Gen.Choose(-20, 120)
        from days in Gen.Choose(-60, 400)
        from flag in Gen.Elements(true, false)
        select new Command(name, minutes, number, days, flag);

    private static (RuleCode? Refusal, View Next) Predict(View m, ImmutableSortedDictionary<int, decimal> spend, Command c, Instant now)
    {
        if (now < m.LastEventAt)
        {
            return (RuleCode.CommandTimeMustNotPrecedeLastEvent, m);
        }

        var next = m with { LastEventAt = now, Events = m.Events + 1 };
        switch (c.Name)
        {
            case "ChangeTier":
                var from = m.TierFrom.PlusDays(c.Days);
                return from < m.TierFrom
                    ? (RuleCode.TierChangeMustNotPrecedeCurrentTier, m)
                    : (null, next with { Tier = Tiers[Math.Abs(c.Number) % Tiers.Length], Tiers = m.Tiers + 1, TierFrom = from });
            case "ChangeCreditGrade":
                return (null, next with { Grade = (CreditGrade)(Math.Abs(c.Number) % 5) });
            case "UpdateTrustScore":
                return c.Number is < 0 or > 100 ? (RuleCode.TrustScoreMustBeWithinRange, m) : (null, next with { Trust = c.Number });
            case "AssignAccountManager":
                return (null, next with { Manager = c.Flag ? new StaffId($"am-{c.Number}") : null });
            case "SetCareFlags":
                return (null, next with { Flags = (CareFlags)(Math.Abs(c.Number) % 8) });
            case "RecordSpend":
                if (c.Number <= 0)
                {
                    return (RuleCode.SpendMustBePositive, m);
                }

                var year = 2023 + (Math.Abs(c.Days) % 3);
                return (null, next with { Spend = SpendText(spend.SetItem(year, spend.GetValueOrDefault(year) + c.Number)) });
            case "ChangeContact":
                return (null, next with { Contact = new ContactDetails($"1380000{c.Number:0000}", null, null) });
            default:
                throw new InvalidOperationException(c.Name);
        }
    }

    private static void Run(Customer customer, Command c, Instant now)
    {
        switch (c.Name)
        {
            case "ChangeTier": customer.ChangeTier(Tiers[Math.Abs(c.Number) % Tiers.Length], customer.TierHistory[^1].EffectiveFrom.PlusDays(c.Days), "re-selection", now); break;
            case "ChangeCreditGrade": customer.ChangeCreditGrade((CreditGrade)(Math.Abs(c.Number) % 5), now); break;
            case "UpdateTrustScore": customer.UpdateTrustScore(c.Number, "observed", now); break;
            case "AssignAccountManager": customer.AssignAccountManager(c.Flag ? new StaffId($"am-{c.Number}") : null, now); break;
            case "SetCareFlags": customer.SetCareFlags((CareFlags)(Math.Abs(c.Number) % 8), now); break;
            case "RecordSpend": customer.RecordSpend(2023 + (Math.Abs(c.Days) % 3), Money.Yuan(c.Number), now); break;
            case "ChangeContact": customer.ChangeContactDetails(new ContactDetails($"1380000{c.Number:0000}", null, null), now); break;
            default: throw new InvalidOperationException(c.Name);
        }
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property RandomCommandSequences_MatchTheModel_AndRebuildFromEventsEqualsLive()
    {
        var sequences = Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n)).ToArbitrary();
        return Prop.ForAll(sequences, commands =>
        {
            var now = ModelBased.Start;
            var customer = Customer.Register(new CustomerId("C-1"), "Li Na", ContactDetails.None, ServiceTier.Ordinary, Since, now);
            var model = ViewOf(customer);
            var spend = ImmutableSortedDictionary<int, decimal>.Empty;
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, spend, command, now);
                ModelBased.Step(() => ViewOf(customer), () => Run(customer, command, now), refusal, next, command.ToString());
                if (refusal is null && command.Name == "RecordSpend")
                {
                    var year = 2023 + (Math.Abs(command.Days) % 3);
                    spend = spend.SetItem(year, spend.GetValueOrDefault(year) + command.Number);
                }

                model = refusal is null ? next : model;
                var (state, spent) = (model, spend);
                ModelBased.PermittedCommandsAgree(
                    customer.PermittedCommands, Names.Select(n => (n, Predict(state, spent, command with { Name = n }, state.LastEventAt).Refusal)), n => [CommandOf(n)],
                    RuleCode.TransitionMustBeAllowed);
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;
                Assert.Equal(ViewOf(customer), ViewOf(Customer.FromHistory(customer.History)));
            }

            ModelBased.HistoryIsInOrder(customer.History);
            Assert.All(customer.TierHistory.Zip(customer.TierHistory.Skip(1)), p => Assert.True(p.First.EffectiveFrom <= p.Second.EffectiveFrom));
        });
    }
}
