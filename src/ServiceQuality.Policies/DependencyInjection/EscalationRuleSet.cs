using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>The escalation rules in force: the stock ones (unless switched off), then a definitions file's, then the registered ones.</summary>
internal sealed class EscalationRuleSet(IReadOnlyList<IEscalationRule> rules)
{
    public IReadOnlyList<IEscalationRule> Rules { get; } = rules;
}
