using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.Common;

/// <summary>Throws the rule's exception when a rule does not hold. The rule types in each aggregate's Rules folder use it.</summary>
internal static class Rule
{
    public static void Require(bool holds, RuleCode rule, string detail)
    {
        if (!holds)
        {
            throw new DomainRuleViolationException(rule, detail);
        }
    }

    /// <summary>As <see cref="Require(bool, RuleCode, string)"/>, formatting the detail only when the rule is broken.</summary>
    public static void Require(bool holds, RuleCode rule, [InterpolatedStringHandlerArgument(nameof(holds))] ref FailureMessage detail)
    {
        if (!holds)
        {
            throw new DomainRuleViolationException(rule, detail.ToStringAndClear());
        }
    }
}
