namespace ServiceQuality.Domain.Common;

/// <summary>
/// Thrown when a command would break a business rule. The aggregate is left exactly as it was. Assert on
/// <see cref="Rule"/>, not on the message.
/// </summary>
public sealed class DomainRuleViolationException : Exception
{
    /// <summary>Creates the exception for a broken rule.</summary>
    /// <param name="rule">The rule that was broken.</param>
    /// <param name="detail">What was wrong, as a sentence; personal data must be masked.</param>
    public DomainRuleViolationException(RuleCode rule, string detail)
        : base($"Rule {rule} broken: {detail}")
    {
        Rule = rule;
    }

    /// <summary>The rule that was broken.</summary>
    public RuleCode Rule { get; }
}
