using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Domain.Kpis;

/// <summary>
/// The service KPIs as exact rates (<see cref="Ratio"/>: numerator and denominator kept), and the check of an
/// agreement's KPI objectives. Pure functions; thread-safe.
/// </summary>
public static class ServiceKpis
{
    /// <summary>Satisfaction rate: ratings of 4 or 5 over ratings given.</summary>
    /// <param name="ratings">The ratings given.</param>
    /// <returns>Satisfied ratings over all ratings.</returns>
    public static Ratio SatisfactionRate(IEnumerable<SatisfactionRating> ratings) => RatioOf(ratings, _ => true, r => r >= SatisfactionRating.Satisfied);

    /// <summary>Satisfaction rate over the overall ratings of completed visits.</summary>
    /// <param name="visits">Visits in any state; only completed ones have ratings.</param>
    /// <returns>Satisfied ratings over ratings given.</returns>
    public static Ratio SatisfactionRate(IEnumerable<VisitRecord> visits)
    {
        Guard.Against.Null(visits);
        return SatisfactionRate(visits.Where(v => v.Overall is not null).Select(v => v.Overall!.Value));
    }

    /// <summary>
    /// Satisfaction rate per rated dimension (reception, repair, callback work, ...): for each dimension name, its ratings of
    /// 4 or 5 over its ratings given, across the completed visits that rated it.
    /// </summary>
    /// <param name="visits">Visits in any state; only completed ones have ratings.</param>
    /// <returns>One rate per dimension rated at least once, by name in ordinal order; empty when none was rated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> or one of them is null.</exception>
    public static IReadOnlyDictionary<string, Ratio> SatisfactionRateByDimension(IEnumerable<VisitRecord> visits)
    {
        Guard.Against.Null(visits);
        var counts = new SortedDictionary<string, (long Satisfied, long Given)>(StringComparer.Ordinal);
        foreach (var visit in visits)
        {
            Guard.Against.Null(visit, nameof(visits));
            foreach (var (name, rating) in visit.Dimensions)
            {
                var (satisfied, given) = counts.GetValueOrDefault(name);
                counts[name] = (satisfied + (rating >= SatisfactionRating.Satisfied ? 1 : 0), given + 1);
            }
        }

        return new ReadOnlyDictionary<string, Ratio>(counts.ToDictionary(c => c.Key, c => new Ratio(c.Value.Satisfied, c.Value.Given), StringComparer.Ordinal));
    }

    /// <summary>Complaint rate: complaints over cases (tickets) in the same period.</summary>
    /// <param name="complaints">How many complaints; not negative.</param>
    /// <param name="cases">How many cases; not negative.</param>
    /// <returns>Complaints over cases.</returns>
    public static Ratio ComplaintRate(long complaints, long cases) => new(complaints, cases);

    /// <summary>Callback rate: completed callbacks over required ones (cancelled visits are not required any more).</summary>
    /// <param name="requiredVisits">The visits the callback policy required.</param>
    /// <returns>Completed over required.</returns>
    public static Ratio CallbackRate(IEnumerable<VisitRecord> requiredVisits) =>
        RatioOf(requiredVisits, v => v.Status != VisitStatus.Cancelled, v => v.Status == VisitStatus.Completed);

    /// <summary>Closing rate: closed tickets over tickets (cancelled ones excluded).</summary>
    /// <param name="tickets">The tickets of the period.</param>
    /// <returns>Closed over not cancelled.</returns>
    public static Ratio ClosingRate(IEnumerable<Ticket> tickets) =>
        RatioOf(tickets, t => t.Status != TicketStatus.Cancelled, t => t.Status == TicketStatus.Closed);

    /// <summary>
    /// First-contact resolution: tickets resolved by their first-contact owner without a transfer or a reopen, over
    /// resolved (or closed) tickets.
    /// </summary>
    /// <param name="tickets">The tickets of the period.</param>
    /// <returns>First-contact resolutions over resolutions.</returns>
    public static Ratio FirstContactResolution(IEnumerable<Ticket> tickets) =>
        RatioOf(
            tickets,
            t => t.Status is TicketStatus.Resolved or TicketStatus.Closed,
            t => t.ResolvedBy == t.FirstContactOwner && t.TransferCount == 0 && t.ReopenCount == 0);

    /// <summary>SLA compliance: met over met plus missed; running, cancelled and not applicable clocks are excluded.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>Met over decided.</returns>
    public static Ratio SlaCompliance(IEnumerable<SlaStatus> statuses) =>
        RatioOf(statuses, s => s.State is SlaState.Met or SlaState.Missed, s => s.State == SlaState.Met);

    /// <summary>Successes over the items that count: the shape of every rate here.</summary>
    private static Ratio RatioOf<T>(
        IEnumerable<T> items, Func<T, bool> counts, Func<T, bool> succeeds, [CallerArgumentExpression(nameof(items))] string paramName = "")
    {
        Guard.Against.Null(items, paramName);
        long numerator = 0, denominator = 0;
        foreach (var item in items)
        {
            if (counts(item))
            {
                denominator++;
                numerator += succeeds(item) ? 1 : 0;
            }
        }

        return new Ratio(numerator, denominator);
    }

    /// <summary>Checks one objective against a measured rate, exactly (no rounding).</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="actual">The measured rate.</param>
    /// <returns>The verdict with the figures.</returns>
    public static KpiObjectiveResult Check(KpiObjective objective, Ratio actual)
    {
        Guard.Against.Null(objective);
        if (actual.Percent is not { } percent)
        {
            return new KpiObjectiveResult(objective, actual, KpiVerdict.NoData);
        }

        var met = objective.Comparison == Comparison.AtLeast ? percent >= objective.ThresholdPercent : percent <= objective.ThresholdPercent;
        return new KpiObjectiveResult(objective, actual, met ? KpiVerdict.Met : KpiVerdict.NotMet);
    }

    /// <summary>Checks every KPI objective of an agreement against the measured rates.</summary>
    /// <param name="agreement">The agreement version.</param>
    /// <param name="actuals">The measured rate of each KPI; a KPI without a rate is reported as <see cref="KpiVerdict.NoData"/>.</param>
    /// <returns>One result per objective, in the agreement's order.</returns>
    public static IReadOnlyList<KpiObjectiveResult> CheckObjectives(ServiceLevelAgreement agreement, IReadOnlyDictionary<Kpi, Ratio> actuals)
    {
        Guard.Against.Null(agreement);
        return CheckObjectives(agreement.Objectives, actuals);
    }

    /// <summary>Checks every KPI objective of an agreement version against the measured rates.</summary>
    /// <param name="agreement">The agreement version.</param>
    /// <param name="actuals">The measured rate of each KPI; a KPI without a rate is reported as <see cref="KpiVerdict.NoData"/>.</param>
    /// <returns>One result per objective, in the version's order.</returns>
    public static IReadOnlyList<KpiObjectiveResult> CheckObjectives(AgreementVersion agreement, IReadOnlyDictionary<Kpi, Ratio> actuals)
    {
        Guard.Against.Null(agreement);
        return CheckObjectives(agreement.Objectives, actuals);
    }

    private static KpiObjectiveResult[] CheckObjectives(IReadOnlyList<KpiObjective> objectives, IReadOnlyDictionary<Kpi, Ratio> actuals)
    {
        Guard.Against.Null(actuals);
        return [.. objectives.Select(o => Check(o, actuals.TryGetValue(o.Kpi, out var actual) ? actual : Ratio.Empty))];
    }
}
