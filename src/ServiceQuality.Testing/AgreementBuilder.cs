using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing;

/// <summary>
/// Builds a published <see cref="ServiceLevelAgreement"/> for tests with sensible defaults: id <c>SLA</c>, no calendar
/// named (around the clock for <see cref="Domain.ServiceLevels.SlaClock"/>; <see cref="SlaScenario.For"/> measures it on
/// the calendar it is given), stages 50 % and 75 %, clocks continuing on reopen. Add only the targets a test is about.
/// </summary>
public sealed class AgreementBuilder
{
    private readonly List<Action<ServiceLevelAgreement, Instant>> _steps = [];
    private string _id = "SLA";
    private string? _calendar;

    /// <summary>When the agreement is drafted and published (and in force from).</summary>
    public static readonly Instant PublishedAt = Instant.FromUtc(2000, 1, 1, 0, 0);

    /// <summary>Sets the agreement's id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    /// <summary>Names the business calendar (otherwise the agreement runs around the clock).</summary>
    /// <param name="name">The calendar's name, as the calendar lookup knows it.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder OnCalendar(string name)
    {
        _calendar = name;
        return this;
    }

    /// <summary>Adds a target.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="target">The duration.</param>
    /// <param name="basis">Business time (default) or calendar time.</param>
    /// <param name="priority">Only for this priority, or any.</param>
    /// <param name="tier">Only for this tier, or any.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder WithTarget(Metric metric, Duration target, TimeBasis basis = TimeBasis.BusinessTime, Priority? priority = null, ServiceTier? tier = null)
    {
        _steps.Add((a, at) => a.AddTarget(metric, priority, tier, target, basis, at));
        return this;
    }

    /// <summary>Makes a hold reason pause some metrics.</summary>
    /// <param name="reason">The hold reason.</param>
    /// <param name="metrics">The metrics it pauses.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder PausedBy(HoldReason reason, params Metric[] metrics)
    {
        _steps.Add((a, at) => a.PauseOn(reason, metrics, at));
        return this;
    }

    /// <summary>Sets the warning stages.</summary>
    /// <param name="percents">The stages, in percent.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder WithStages(params decimal[] percents)
    {
        _steps.Add((a, at) => a.SetWarningStages(percents, at));
        return this;
    }

    /// <summary>Sets the reopen behaviour.</summary>
    /// <param name="behaviour">The behaviour.</param>
    /// <returns>This builder.</returns>
    public AgreementBuilder Reopening(ReopenBehaviour behaviour)
    {
        _steps.Add((a, at) => a.SetReopenBehaviour(behaviour, at));
        return this;
    }

    /// <summary>Drafts, configures and publishes the agreement.</summary>
    /// <returns>The published agreement, version 1.</returns>
    /// <exception cref="DomainRuleViolationException">A step breaks an agreement rule (for example no targets).</exception>
    public ServiceLevelAgreement Build()
    {
        var agreement = ServiceLevelAgreement.Draft(new AgreementId(_id), _id, AgreementKind.ServiceLevel, PublishedAt);
        agreement.SetCalendar(_calendar, PublishedAt);
        _steps.ForEach(step => step(agreement, PublishedAt));
        agreement.Publish(PublishedAt, PublishedAt);
        return agreement;
    }
}
