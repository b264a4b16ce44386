using Ardalis.GuardClauses;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Kpis;

/// <summary>
/// Measures the service KPIs (<see cref="Kpi"/>) of a period's cases in one pass: add each ticket, complaint, visit and SLA
/// status as it comes, then read the exact rates (<see cref="Actuals"/>) and check them against an agreement's objectives
/// (<see cref="ServiceKpis.CheckObjectives(AgreementVersion, IReadOnlyDictionary{Kpi, Ratio})"/>). The rates are those of <see cref="ServiceKpis"/>, counted incrementally, so a
/// host never holds every case in memory, and measurements of shards merge (<see cref="Add(KpiMeasurement)"/>).
/// </summary>
/// <remarks>
/// <para>What counts: satisfaction rate, the overall ratings of completed visits (4 or 5 over ratings given); callback rate,
/// the callbacks that follow a complaint, completed over required (cancelled ones are not required any more); closing rate,
/// closed tickets over tickets not cancelled; first-contact resolution, tickets resolved by their first-contact owner without
/// a transfer or a reopen over tickets resolved or closed; complaint rate, complaints over tickets; SLA compliance, met
/// clocks over met plus missed.</para>
/// <para>Cases are measured as they stand: to measure as of an earlier instant, add each case as it stood then (rebuilt
/// from its events up to that instant, and statuses evaluated at it). The order cases are added in does not matter.
/// Not thread-safe: use one per thread and merge them.</para>
/// </remarks>
public sealed class KpiMeasurement
{
    private static readonly Kpi[] Measured =
        [Kpi.SatisfactionRate, Kpi.ComplaintRate, Kpi.CallbackRate, Kpi.ClosingRate, Kpi.FirstContactResolutionRate, Kpi.SlaCompliance];

    private long _satisfied, _rated, _callbacksDone, _callbacksRequired, _closed, _notCancelled, _firstContact, _resolved, _complaints, _tickets, _met, _decided;

    /// <summary>Counts a ticket towards the closing rate, first-contact resolution and (as a case) the complaint rate.</summary>
    /// <param name="ticket">The ticket, as it stands at the instant measured.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> is null.</exception>
    public void AddTicket(Ticket ticket)
    {
        Guard.Against.Null(ticket);
        _tickets++;
        if (ticket.Status != TicketStatus.Cancelled)
        {
            _notCancelled++;
            _closed += ticket.Status == TicketStatus.Closed ? 1 : 0;
        }

        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            _resolved++;
            _firstContact += ticket.ResolvedBy == ticket.FirstContactOwner && ticket.TransferCount == 0 && ticket.ReopenCount == 0 ? 1 : 0;
        }
    }

    /// <summary>Counts a complaint towards the complaint rate.</summary>
    /// <param name="complaint">The complaint, received by the instant measured.</param>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is null.</exception>
    public void AddComplaint(Complaint complaint)
    {
        Guard.Against.Null(complaint);
        _complaints++;
    }

    /// <summary>Counts a visit towards the satisfaction rate (its overall rating, once completed) and, when it follows a complaint, the callback rate.</summary>
    /// <param name="visit">The visit, as it stands at the instant measured.</param>
    /// <exception cref="ArgumentNullException"><paramref name="visit"/> is null.</exception>
    public void AddVisit(VisitRecord visit)
    {
        Guard.Against.Null(visit);
        if (visit.Overall is { } rating)
        {
            _rated++;
            _satisfied += rating >= SatisfactionRating.Satisfied ? 1 : 0;
        }

        if (visit.Subject.Complaint is not null && visit.Status != VisitStatus.Cancelled)
        {
            _callbacksRequired++;
            _callbacksDone += visit.Status == VisitStatus.Completed ? 1 : 0;
        }
    }

    /// <summary>Counts SLA statuses towards SLA compliance: met and missed clocks; running, paused, cancelled and not applicable ones do not count.</summary>
    /// <param name="statuses">The statuses (for example one evaluation's).</param>
    public void AddStatuses(ReadOnlySpan<SlaStatus> statuses)
    {
        foreach (ref readonly var status in statuses)
        {
            Count(status);
        }
    }

    /// <summary>Counts SLA statuses towards SLA compliance; see <see cref="AddStatuses(ReadOnlySpan{SlaStatus})"/>.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    public void AddStatuses(IEnumerable<SlaStatus> statuses)
    {
        Guard.Against.Null(statuses);
        foreach (var status in statuses)
        {
            Count(status);
        }
    }

    /// <summary>Adds another measurement's counts to this one (for example a shard's), as if its cases had been added here.</summary>
    /// <param name="other">The other measurement; it is not changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Add(KpiMeasurement other)
    {
        Guard.Against.Null(other);
        (_satisfied, _rated) = (_satisfied + other._satisfied, _rated + other._rated);
        (_callbacksDone, _callbacksRequired) = (_callbacksDone + other._callbacksDone, _callbacksRequired + other._callbacksRequired);
        (_closed, _notCancelled) = (_closed + other._closed, _notCancelled + other._notCancelled);
        (_firstContact, _resolved) = (_firstContact + other._firstContact, _resolved + other._resolved);
        (_complaints, _tickets) = (_complaints + other._complaints, _tickets + other._tickets);
        (_met, _decided) = (_met + other._met, _decided + other._decided);
    }

    /// <summary>The rate of one KPI so far: <see cref="Ratio.Empty"/> (no data) when nothing counted towards it.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <returns>The exact rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kpi"/> is not a defined KPI.</exception>
    public Ratio Actual(Kpi kpi) => kpi switch
    {
        Kpi.SatisfactionRate => new Ratio(_satisfied, _rated),
        Kpi.ComplaintRate => ServiceKpis.ComplaintRate(_complaints, _tickets),
        Kpi.CallbackRate => new Ratio(_callbacksDone, _callbacksRequired),
        Kpi.ClosingRate => new Ratio(_closed, _notCancelled),
        Kpi.FirstContactResolutionRate => new Ratio(_firstContact, _resolved),
        Kpi.SlaCompliance => new Ratio(_met, _decided),
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, "Not a defined KPI."),
    };

    /// <summary>Every KPI's rate so far, in <see cref="Kpi"/> order: the argument <see cref="ServiceKpis.CheckObjectives(AgreementVersion, IReadOnlyDictionary{Kpi, Ratio})"/> takes.</summary>
    /// <returns>A new dictionary with one rate per KPI; later additions do not change it.</returns>
    public IReadOnlyDictionary<Kpi, Ratio> Actuals() => Measured.ToDictionary(k => k, Actual);

    private void Count(in SlaStatus status)
    {
        if (status.State is SlaState.Met or SlaState.Missed)
        {
            _decided++;
            _met += status.State == SlaState.Met ? 1 : 0;
        }
    }
}
