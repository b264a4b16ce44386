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
    public sealed record View(VisitStatus Status, int Attempts, SatisfactionRating? Overall, int Dimensions, Instant? EndedAt, Instant LastEventAt, int Events);

    private static View ViewOf(VisitRecord v) => new(v.Status, v.Attempts.Count, v.Overall, v.Dimensions.Count, v.EndedAt, v.LastEventAt, v.History.Count);

    public sealed record Command(string Name, int Minutes, int Number)
    {
        public override string ToString() => $"{Name}(+{Minutes} min, {Number})";
    }

    private static Gen<Command> Commands =>
        from name in Gen.Frequency((6, Gen.Constant("Attempt")), (1, Gen.Constant("Complete")), (1, Gen.Constant("Missed")), (1, Gen.Constant("Cancel")))
        from minutes in ModelBased.MinutesDelta
        from number in Gen.Choose(1, 5)
        select new Command(name, minutes, number);

    private static (RuleCode? Refusal, View Next) Predict(View m, int maxAttempts, Command c, Instant now)
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
            "Attempt" when m.Attempts >= maxAttempts => (RuleCode.VisitAttemptsMustNotExceedMaximum, m),
            "Attempt" => (null, next with { Attempts = m.Attempts + 1 }),
            "Complete" => (null, next with { Status = VisitStatus.Completed, Overall = (SatisfactionRating)c.Number, Dimensions = c.Number % 3, EndedAt = now }),
            "Missed" => (null, next with { Status = VisitStatus.Missed, EndedAt = now }),
            "Cancel" => (null, next with { Status = VisitStatus.Cancelled, EndedAt = now }),
            _ => throw new InvalidOperationException(c.Name),
        };
    }

    private static void Run(VisitRecord visit, Command c, Instant now)
    {
        switch (c.Name)
        {
            case "Attempt": visit.RecordAttempt((AttemptOutcome)(c.Number % 4), now); break;
            case "Complete":
                var dimensions = Enumerable.Range(0, c.Number % 3).ToDictionary(i => $"d{i}", _ => SatisfactionRating.Satisfied);
                visit.Complete((SatisfactionRating)c.Number, dimensions, null, new StaffId("agent"), now);
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
             from commands in Gen.Choose(1, 50).SelectMany(n => Gen.ArrayOf(Commands, n))
             select (max, commands)).ToArbitrary();
        return Prop.ForAll(sequences, input =>
        {
            var (maxAttempts, commands) = input;
            var now = ModelBased.Start;
            var visit = VisitRecord.Plan(new VisitId("V-1"), new CustomerId("C-1"), VisitSubject.None, VisitKind.HomeSurvey, now + Duration.FromDays(2), maxAttempts, now);
            var model = ViewOf(visit);
            foreach (var command in commands)
            {
                now += Duration.FromMinutes(command.Minutes);
                var (refusal, next) = Predict(model, maxAttempts, command, now);
                ModelBased.Step(() => ViewOf(visit), () => Run(visit, command, now), refusal, next, command.ToString());
                model = refusal is null ? next : model;
                now = refusal == RuleCode.CommandTimeMustNotPrecedeLastEvent ? model.LastEventAt : now;
                Assert.Equal(ViewOf(visit), ViewOf(VisitRecord.FromHistory(visit.History)));
            }

            ModelBased.HistoryIsInOrder(visit.History);
            Assert.InRange(visit.Attempts.Count, 0, maxAttempts);
        });
    }
}
