using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// The settings of the stock policies registered by <c>AddServiceQuality</c>. Validated when registered: every problem is
/// reported at once in an <see cref="InvalidDefinitionException"/>.
/// </summary>
public sealed class ServiceQualityOptions
{
    /// <summary>The named business calendars agreements refer to.</summary>
    public IDictionary<string, BusinessCalendar> Calendars { get; } = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);

    /// <summary>The escalation ladder (default: team lead, supervisor, manager, director).</summary>
    public EscalationLadder Ladder { get; set; } = EscalationLadder.Default;

    /// <summary>Whether the stock escalation rules are used (time at 75/100/150 %, major severity, VIP customers, repeats, claimed loss).</summary>
    public bool UseDefaultEscalationRules { get; set; } = true;

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

    /// <summary>Whether the stock scoring rules are used.</summary>
    public bool UseDefaultScoringRules { get; set; } = true;

    /// <summary>How scorecards are computed.</summary>
    public ScorecardDefinition Scorecard { get; set; } = ScorecardDefinition.Default;

    /// <summary>How standings are awarded.</summary>
    public StandingRules Standings { get; set; } = StandingRules.Default;

    /// <summary>How long after resolution or closing a callback is due (default 48 hours).</summary>
    public Duration CallbackWithin { get; set; } = Duration.FromHours(48);

    /// <summary>The share of closed tickets sampled for a callback, in percent (default 10).</summary>
    public decimal TicketCallbackSamplePercent { get; set; } = 10m;

    /// <summary>The options instance <c>AddServiceQuality</c> registered in <paramref name="services"/>, or null.</summary>
    internal static ServiceQualityOptions? In(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(ServiceQualityOptions) && !d.IsKeyedService)?.ImplementationInstance as ServiceQualityOptions;

    /// <summary>A copy to change and validate before it is adopted.</summary>
    internal ServiceQualityOptions Copy()
    {
        var copy = new ServiceQualityOptions();
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Takes every setting of <paramref name="other"/>.</summary>
    internal void CopyFrom(ServiceQualityOptions other)
    {
        if (!ReferenceEquals(Calendars, other.Calendars))
        {
            Calendars.Clear();
            foreach (var (name, calendar) in other.Calendars)
            {
                Calendars[name] = calendar;
            }
        }

        (Ladder, UseDefaultEscalationRules, ClaimedLossThreshold, FrontLineLimit, NotificationCalendar) =
            (other.Ladder, other.UseDefaultEscalationRules, other.ClaimedLossThreshold, other.FrontLineLimit, other.NotificationCalendar);
        (ParetoACutPercent, ParetoBCutPercent, UseDefaultScoringRules, Scorecard, Standings, CallbackWithin, TicketCallbackSamplePercent) =
            (other.ParetoACutPercent, other.ParetoBCutPercent, other.UseDefaultScoringRules, other.Scorecard, other.Standings, other.CallbackWithin, other.TicketCallbackSamplePercent);
    }

    /// <summary>Every problem of these options; empty when they are valid.</summary>
    /// <returns>The problems, with the property they concern.</returns>
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

        return problems;
    }
}
