using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.TestSupport;

/// <summary>Assertions on <c>FromHistory</c> refusing a stored history at one event.</summary>
public static class HistoryAssert
{
    /// <summary>
    /// Asserts that <paramref name="rebuild"/> throws exactly <see cref="ArgumentException"/> naming <c>history</c> and the
    /// event at <paramref name="index"/>.
    /// </summary>
    public static ArgumentException RefusedAt(int index, Func<object> rebuild)
    {
        var exception = Assert.Throws<ArgumentException>(rebuild);
        Assert.Equal("history", exception.ParamName);
        Assert.StartsWith($"The event at index {index} of the history ", exception.Message, StringComparison.Ordinal);
        return exception;
    }

    /// <summary>As <see cref="RefusedAt"/>, where the aggregate's own rule <paramref name="rule"/> refused the event (kept as the inner exception).</summary>
    public static void RefusedByRuleAt(int index, RuleCode rule, Func<object> rebuild)
    {
        var inner = Assert.IsType<DomainRuleViolationException>(RefusedAt(index, rebuild).InnerException);
        Assert.Equal(rule, inner.Rule);
    }

    /// <summary>As <see cref="RefusedAt"/>, where a value of the event was refused as an argument of its command would be (kept as the inner exception).</summary>
    public static void RefusedValueAt(int index, Func<object> rebuild) =>
        Assert.IsAssignableFrom<ArgumentException>(RefusedAt(index, rebuild).InnerException);
}
