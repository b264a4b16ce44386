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
    public static Ratio SatisfactionRate(IEnumerable<SatisfactionRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        long satisfied = 0, given = 0;
        foreach (var rating in ratings)
        {
            given++;
            satisfied += rating >= SatisfactionRating.Satisfied ? 1 : 0;
        }

        return new Ratio(satisfied, given);
    }

    /// <summary>Satisfaction rate over the overall ratings of completed visits.</summary>
    /// <param name="visits">Visits in any state; only completed ones have ratings.</param>
    /// <returns>Satisfied ratings over ratings given.</returns>
    public static Ratio SatisfactionRate(IEnumerable<VisitRecord> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        return SatisfactionRate(visits.Where(v => v.Overall is not null).Select(v => v.Overall!.Value));
    }

    /// <summary>Complaint rate: complaints over cases (tickets) in the same period.</summary>
    /// <param name="complaints">How many complaints; not negative.</param>
    /// <param name="cases">How many cases; not negative.</param>
    /// <returns>Complaints over cases.</returns>
    public static Ratio ComplaintRate(long complaints, long cases) => new(complaints, cases);

    /// <summary>Callback rate: completed callbacks over required ones (cancelled visits are not required any more).</summary>
    /// <param name="requiredVisits">The visits the callback policy required.</param>
    /// <returns>Completed over required.</returns>
    public static Ratio CallbackRate(IEnumerable<VisitRecord> requiredVisits)
    {
        ArgumentNullException.ThrowIfNull(requiredVisits);
        long completed = 0, required = 0;
        foreach (var visit in requiredVisits.Where(v => v.Status != VisitStatus.Cancelled))
        {
            required++;
            completed += visit.Status == VisitStatus.Completed ? 1 : 0;
        }

        return new Ratio(completed, required);
    }

    /// <summary>Closing rate: closed tickets over tickets (cancelled ones excluded).</summary>
    /// <param name="tickets">The tickets of the period.</param>
    /// <returns>Closed over not cancelled.</returns>
    public static Ratio ClosingRate(IEnumerable<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        long closed = 0, all = 0;
        foreach (var ticket in tickets.Where(t => t.Status != TicketStatus.Cancelled))
        {
            all++;
            closed += ticket.Status == TicketStatus.Closed ? 1 : 0;
        }

        return new Ratio(closed, all);
    }

    /// <summary>
    /// First-contact resolution: tickets resolved by their first-contact owner without a transfer or a reopen, over
    /// resolved (or closed) tickets.
    /// </summary>
    /// <param name="tickets">The tickets of the period.</param>
    /// <returns>First-contact resolutions over resolutions.</returns>
    public static Ratio FirstContactResolution(IEnumerable<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        long first = 0, resolved = 0;
        foreach (var ticket in tickets.Where(t => t.Status is TicketStatus.Resolved or TicketStatus.Closed))
        {
            resolved++;
            first += ticket.ResolvedBy == ticket.FirstContactOwner && ticket.TransferCount == 0 && ticket.ReopenCount == 0 ? 1 : 0;
        }

        return new Ratio(first, resolved);
    }

    /// <summary>SLA compliance: met over met plus missed; running, cancelled and not applicable clocks are excluded.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>Met over decided.</returns>
    public static Ratio SlaCompliance(IEnumerable<SlaStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        long met = 0, decided = 0;
        foreach (var status in statuses)
        {
            if (status.State is SlaState.Met or SlaState.Missed)
            {
                decided++;
                met += status.State == SlaState.Met ? 1 : 0;
            }
        }

        return new Ratio(met, decided);
    }

    /// <summary>Checks one objective against a measured rate, exactly (no rounding).</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="actual">The measured rate.</param>
    /// <returns>The verdict with the figures.</returns>
    public static KpiObjectiveResult Check(KpiObjective objective, Ratio actual)
    {
        ArgumentNullException.ThrowIfNull(objective);
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
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(actuals);
        return agreement.Objectives.Select(o => Check(o, actuals.TryGetValue(o.Kpi, out var actual) ? actual : Ratio.Empty)).ToArray();
    }
}
