using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.TestSupport;

/// <summary>
/// The step of a model-based test: run a command on the aggregate, and check it against what the model predicts —
/// either the rule that must refuse it (and then nothing changed) or the new observable state.
/// </summary>
public static class ModelBased
{
    public static readonly Instant Start = Instant.FromUtc(2025, 3, 3, 1, 0);

    /// <summary>A step's time: mostly forward, sometimes backwards so that the time rule is exercised.</summary>
    public static FsCheck.Gen<int> MinutesDelta =>
        FsCheck.Fluent.Gen.Frequency((12, FsCheck.Fluent.Gen.Choose(0, 180)), (1, FsCheck.Fluent.Gen.Choose(-120, -1)));

    public static void Step<TView>(Func<TView> view, Action command, RuleCode? expectedRefusal, TView expectedView, string description)
        where TView : IEquatable<TView>
    {
        var before = view();
        if (expectedRefusal is { } rule)
        {
            var refused = Assert.Throws<DomainRuleViolationException>(command);
            Assert.True(rule == refused.Rule, $"{description}: expected {rule}, refused with {refused.Rule}: {refused.Message}");
            Assert.Equal(before, view());
            return;
        }

        try
        {
            command();
        }
        catch (DomainRuleViolationException unexpected)
        {
            Assert.Fail($"{description}: the model accepts it but the aggregate refused: {unexpected.Message}");
        }

        Assert.Equal(expectedView, view());
    }

    /// <summary>
    /// Checks an aggregate's <c>PermittedCommands</c> against the model: a command is permitted exactly when the model, asked
    /// at the aggregate's own time, refuses it for none of <paramref name="stateRefusals"/> (rules of the command's arguments
    /// or of other facts do not count); the list is in the command enum's declaration order.
    /// </summary>
    public static void PermittedCommandsAgree<TCommand>(
        IReadOnlyList<TCommand> permitted, IEnumerable<(string Name, RuleCode? Refusal)> predictions, Func<string, IEnumerable<TCommand>> commandsOf,
        params RuleCode[] stateRefusals)
        where TCommand : struct, Enum
    {
        var expected = predictions
            .Where(p => p.Refusal is not { } rule || !stateRefusals.Contains(rule))
            .SelectMany(p => commandsOf(p.Name))
            .Distinct()
            .Order();
        Assert.Equal(expected, permitted);
    }

    public static void HistoryIsInOrder<TEvent>(IReadOnlyList<TEvent> history)
        where TEvent : IDomainEvent =>
        Assert.All(history.Zip(history.Skip(1)), p => Assert.True(p.First.OccurredAt <= p.Second.OccurredAt));
}
