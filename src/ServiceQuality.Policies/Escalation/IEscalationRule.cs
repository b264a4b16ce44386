namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// One escalation rule: looks at a case and proposes a level, or nothing. Pure and thread-safe. See
/// <see cref="EscalationRules"/> for the stock rules; register your own through dependency injection.
/// </summary>
public interface IEscalationRule
{
    /// <summary>What the rule does, in words.</summary>
    string Description { get; }

    /// <summary>The level this rule asks for now, or null.</summary>
    /// <param name="context">The case at an instant.</param>
    /// <returns>The proposal, or null when the rule does not apply.</returns>
    EscalationProposal? Propose(EscalationContext context);
}
