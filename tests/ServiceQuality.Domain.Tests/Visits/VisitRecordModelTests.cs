using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Domain.Tests.Visits;

/// <summary>Random command sequences against the visit record and a small reference model of it.</summary>
public sealed class VisitRecordModelTests
{
    public sealed record View(
        VisitStatus Status, int Attempts, bool Reached, bool Refused, Instant? LastAttemptAt, SatisfactionRating? Overall, int Dimensions, Instant? EndedAt,
        Instant LastEventAt, int Events);

    private static View ViewOf(VisitRecord v) => new(
        v.Status, v.Attempts.Count, v.CustomerReached, v.CustomerRefused, v.Attempts.Count == 0 ? null : v.Attempts[^1].At, v.Overall, v.Dimensions.Count, v.EndedAt,
        v.LastEventAt, v.History.Count);

    private static readonly AttemptOutcome[] Outcomes = Enum.GetValues<AttemptOutcome>();

    public sealed record Command(string Name, int Minutes, int Number)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {Number})";
    }

    private static Gen<Command> Commands =>
        from name in Gen.Frequency((6, Gen.Constant("Attempt")), (1, Gen.Constant("Complete")), (1, Gen.Constant("Missed")), (1, Gen.Constant("Cancel")))
        from minutes in ModelBased.MinutesDelta
        from number in Gen.Choose(1, 10)
        select new Command(name, minutes, number);

    /// <summary>The reference model: planned until ended; attempts up to the maximum, none after a refusal or within the retry
    /// interval of the previous one; completion only without attempts or after one that reached the customer.</summary>
    private static (RuleCode? Refusal, View Next) Predict(View m, int maxAttempts, Duration retryInterval, Command c, Instant now)
    {
        if (now < m.LastEventAt)
        {
            return (RuleCode.CommandTimeMustNotPrecedeLastEvent, m);
        }

        if (m.Status != VisitStatus.Planned)
        {
            return (RuleCode.TransitionMustBeAllowed, m);
        }

        var next = m with { LastEventAt = now, Events = m.Events + 1 };
        return c.Name switch
        {
            "Attempt" when m.Refused => (RuleCode.RefusedVisitAcceptsNoFurtherContact, m),
            "Attempt" when m.Attempts >= maxAttempts => (RuleCode.VisitAttemptsMustNotExceedMaximum, m),
            "Attempt" when m.LastAttemptAt is { } last && now < last + retryInterval => (RuleCode.VisitRetryMustWaitInterval, m),
            "Attempt" => (null, next with
            {
                Attempts = m.Attempts + 1, LastAttemptAt = now,
                Reached = m.Reached || Outcome(c) == AttemptOutcome.Reached, Refused = Outcome(c) == AttemptOutcome.Refused,
            }),
            "Complete" when m.Refused => (RuleCode.RefusedVisitAcceptsNoFurtherContact, m),
            "Complete" when m.Attempts > 0 && !m.Reached => (RuleCode.VisitCompletionRequiresReachedCustomer, m),
            "Complete" => (null, next with { Status = VisitStatus.Completed, Overall = Rating(c), Dimensions = c.Number % 3, EndedAt = now }),
            "Missed" => (null, next with { Status = VisitStatus.Missed, EndedAt = now }),
            "Cancel" => (null, next with { Status = VisitStatus.Cancelled, EndedAt = now }),
            _ => throw new InvalidOperationException(c.Name),
        };
    }

    private static AttemptOutcome Outcome(Command c) => Outcomes[c.Number % Outcomes.Length];

    private static SatisfactionRating Rating(Command c) => (SatisfactionRating)(1 + (c.Number % 5));

    private static readonly string[] Names = ["Attempt", "Complete", "Missed", "Cancel"];

    private static VisitCommand CommandOf(string name) => name switch
    {
        "Attempt" => VisitCommand.RecordAttempt,
        "Missed" => VisitCommand.MarkMissed,
        _ => Enum.Parse<VisitCommand>(name),
    };

    private static bool CanRun(VisitRecord visit, Command c, Instant now) => c.Name switch
    {
        "Attempt" => visit.CanRecordAttempt(now),
        "Complete" => visit.CanComplete() && now >= visit.LastEventAt,
        "Missed" => visit.CanMarkMissed() && visit.CanEnd() && now >= visit.LastEventAt,
        _ => visit.CanCancel() && visit.CanEnd() && now >= visit.LastEventAt,
    };

    private static void Run(VisitRecord visit, Command c, Instant now)
    {
        switch (c.Name)
        {
            case "Attempt": visit.RecordAttempt(Outcome(c), now); break;
            case "Complete":
                var dimensions = Enumerable.Range(0, c.Number % 3).ToDictionary(i => $"d{i}", _ => SatisfactionRating.Satisfied);
                visit.Complete(Rating(c), dimensions, null, new StaffId("agent"), now);
                break;
            case "Missed": visit.MarkMissed(now); break;
            case "Cancel": visit.Cancel("not needed", now); break;
            default: throw new InvalidOperationException(c.Name);
        }
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property RandomCommandSequences_MatchTheModel_AndRebuildFromEventsEqualsLive()
    {
        var sequences =
            (from max in Gen.Choose(1, 6)
             from retryMinutes in Gen.Elements(0, 0, 5, 30, 120)
             from commands in Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n))
             select (max, retryMinutes, commands)).ToArbitrary();
        return Prop.ForAll(sequences, input =>
        {
            var (maxAttempts, retryMinutes, commands) = input;
            var retryInterval = Duration.FromMinutes(retryMinutes);
            var now = ModelBased.Start;
            var visit = VisitRecord.Plan(
                new VisitId("V-1"), new CustomerId("C-1"), VisitSubject.None, VisitKind.HomeSurvey, now + Duration.FromDays(2), maxAttempts, retryInterval, now);
            var model = ViewOf(visit);
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, maxAttempts, retryInterval, command, now);
                Assert.Equal(refusal is null, CanRun(visit, command, now));
                ModelBased.Step(() => ViewOf(visit), () => Run(visit, command, now), refusal, next, command.ToString());
                model = refusal is null ? next : model;
                var current = model;
                ModelBased.PermittedCommandsAgree(
                    visit.PermittedCommands, Names.Select(n => (n, Predict(current, maxAttempts, retryInterval, command with { Name = n }, current.LastEventAt).Refusal)),
                    n => [CommandOf(n)], RuleCode.TransitionMustBeAllowed);
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;
                Assert.Equal(ViewOf(visit), ViewOf(VisitRecord.FromHistory(visit.History)));
            }

            ModelBased.HistoryIsInOrder(visit.History);
            Assert.InRange(visit.Attempts.Count, 0, maxAttempts);
        });
    }
}
