using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// The settings of the stock policies registered by <c>AddServiceQuality</c>, as Microsoft.Extensions.Options options: one
/// instance per configuration, named by the configuration (the default one has the name <c>Options.DefaultName</c>, the
/// empty string; a tenant's, the tenant's name). The configure delegates of <c>AddServiceQuality</c>, of
/// <see cref="ServiceQualityBuilder.UseDefinitions"/> and any <c>Configure&lt;ServiceQualityOptions&gt;(name, …)</c> of the
/// host run in registration order, then <see cref="Validate"/> checks the result: an invalid configuration throws an
/// <c>OptionsValidationException</c> listing every problem, when the host starts (<c>ValidateOnStart</c>) or else the first
/// time the options or a policy built from them is resolved.
/// </summary>
/// <threadsafety>
/// Not thread-safe while it is configured. The registered policies read it once, when the container first builds them;
/// changing the instance after that changes nothing.
/// </threadsafety>
public sealed class ServiceQualityOptions
{
    /// <summary>The named business calendars agreements refer to.</summary>
    public IDictionary<string, BusinessCalendar> Calendars { get; } = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);

    /// <summary>The escalation ladder (default: team lead, supervisor, manager, director).</summary>
    public EscalationLadder Ladder { get; set; } = EscalationLadder.Default;

    /// <summary>
    /// Whether the practice's stock escalation rules are used (<see cref="Escalation.EscalationRules.PracticeDefaults"/>:
    /// time at 75/100/150 %, major severity, VIP customers, repeats, claimed loss above <see cref="ClaimedLossThreshold"/>).
    /// A definitions file with escalation rules switches them off.
    /// </summary>
    public bool UseDefaultEscalationRules { get; set; } = true;

    /// <summary>
    /// Escalation rules configured in code or by a definitions file (which replaces this list), used after the stock rules
    /// and before the rules registered with <see cref="ServiceQualityBuilder.AddEscalationRule{TRule}"/>.
    /// </summary>
    public IList<IEscalationRule> EscalationRules { get; } = [];

    /// <summary>The claimed loss above which a complaint is escalated the same day (default ¥10,000).</summary>
    public Money ClaimedLossThreshold { get; set; } = Money.Yuan(10_000m);

    /// <summary>The front line's authority: remedies within it need no escalation; null for none.</summary>
    public Money? FrontLineLimit { get; set; }

    /// <summary>The name of the calendar escalation notifications wait for (nobody is paged outside it); null to notify at once.</summary>
    public string? NotificationCalendar { get; set; }

    /// <summary>The Pareto cut for the top tier, in percent of spend (default 80).</summary>
    public decimal ParetoACutPercent { get; set; } = 80m;

    /// <summary>The Pareto cut for the middle tier, in percent of spend (default 95).</summary>
    public decimal ParetoBCutPercent { get; set; } = 95m;

    /// <summary>Whether the stock scoring rules are used (<see cref="Scoring.ScoringRules.Default"/>). A definitions file with scoring rules switches them off.</summary>
    public bool UseDefaultScoringRules { get; set; } = true;

    /// <summary>
    /// Scoring rules configured in code or by a definitions file (which replaces this list), used after the stock rules and
    /// before the rules registered with <see cref="ServiceQualityBuilder.AddScoringRule{TRule}"/>.
    /// </summary>
    public IList<IScoringRule> ScoringRules { get; } = [];

    /// <summary>How scorecards are computed.</summary>
    public ScorecardDefinition Scorecard { get; set; } = ScorecardDefinition.Default;

    /// <summary>How standings are awarded.</summary>
    public StandingRules Standings { get; set; } = StandingRules.Default;

    /// <summary>How long after resolution or closing a callback is due (default 48 hours).</summary>
    public Duration CallbackWithin { get; set; } = Duration.FromHours(48);

    /// <summary>The share of closed tickets sampled for a callback, in percent (default 10).</summary>
    public decimal TicketCallbackSamplePercent { get; set; } = 10m;

    /// <summary>
    /// Every problem of these options, each with the property it concerns as its path and a <see cref="ProblemCode"/>;
    /// empty when they are valid. The registration's validator reports exactly these.
    /// </summary>
    /// <returns>The problems, in a fixed order.</returns>
    public IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        void Require(bool ok, string path, string code, string message)
        {
            if (!ok)
            {
                problems.Add(new DefinitionProblem(path, code, message));
            }
        }

        Require(Ladder is not null, nameof(Ladder), ProblemCode.MissingProperty, "an escalation ladder is required");
        Require(Scorecard is not null, nameof(Scorecard), ProblemCode.MissingProperty, "a scorecard definition is required");
        Require(Standings is not null, nameof(Standings), ProblemCode.MissingProperty, "standing rules are required");
        Require(ClaimedLossThreshold.Currency is not null && !ClaimedLossThreshold.IsNegative, nameof(ClaimedLossThreshold), ProblemCode.OutOfRange, "a non-negative amount with a currency is required");
        Require(FrontLineLimit is not { IsNegative: true }, nameof(FrontLineLimit), ProblemCode.OutOfRange, "must not be negative");
        Require(ParetoACutPercent is >= 0 and <= 100, nameof(ParetoACutPercent), ProblemCode.OutOfRange, "must lie in 0-100");
        Require(ParetoBCutPercent is >= 0 and <= 100, nameof(ParetoBCutPercent), ProblemCode.OutOfRange, "must lie in 0-100");
        Require(ParetoACutPercent <= ParetoBCutPercent, nameof(ParetoBCutPercent), ProblemCode.Conflict, "must not be below the A cut");
        Require(CallbackWithin > Duration.Zero, nameof(CallbackWithin), ProblemCode.OutOfRange, "must be positive");
        Require(TicketCallbackSamplePercent is >= 0 and <= 100, nameof(TicketCallbackSamplePercent), ProblemCode.OutOfRange, "must lie in 0-100");
        Require(NotificationCalendar is null || Calendars.ContainsKey(NotificationCalendar), nameof(NotificationCalendar), ProblemCode.UnknownReference, $"no calendar is named '{NotificationCalendar}'");
        foreach (var (name, calendar) in Calendars)
        {
            Require(!string.IsNullOrWhiteSpace(name) && calendar is not null, $"{nameof(Calendars)}[{name}]", ProblemCode.MissingProperty, "a named calendar is required");
        }

        for (var i = 0; i < EscalationRules.Count; i++)
        {
            Require(EscalationRules[i] is not null, $"{nameof(EscalationRules)}[{i}]", ProblemCode.MissingProperty, "a rule is required");
        }

        for (var i = 0; i < ScoringRules.Count; i++)
        {
            Require(ScoringRules[i] is not null, $"{nameof(ScoringRules)}[{i}]", ProblemCode.MissingProperty, "a rule is required");
        }

        return problems;
    }
}
