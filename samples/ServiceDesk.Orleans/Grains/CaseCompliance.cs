using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// What one case adds to the read model's compliance at the cut: the samples of its main agreement's clocks, the terms
/// they ran to, and its clocks under every agreement it recorded. Evaluated by the sample report's own code
/// (<see cref="CaseEvaluation"/>), so a case counts in the cluster exactly as it counts in the single-process report.
/// </summary>
internal sealed record CaseCompliance(ComplianceSample[] Samples, PromiseTerms[] Promises, AgreementClock[] Clocks)
{
    /// <summary>A buffer big enough for one case's statuses under every agreement of the catalogue.</summary>
    public static SlaStatus[] Buffer(Centre centre) => new SlaStatus[SlaClock.MaxStatusesPerCase * Math.Max(1, centre.Catalog.Versions.Count + 1)];

    /// <summary>The ticket as it stood at <paramref name="cut"/>, or null when it was opened after.</summary>
    public static CaseCompliance? Of(Ticket ticket, Centre centre, Instant cut, SlaStatus[] buffer)
    {
        if (ticket.History[0].OccurredAt > cut)
        {
            return null;
        }

        var asOf = ticket.LastEventAt <= cut ? ticket : Ticket.FromHistory(ticket.History.TakeWhile(e => e.OccurredAt <= cut));
        var (_, _, clocks, own) = CaseEvaluation.OfTicket(asOf, centre.Catalog, centre.Default, centre.Lookup, cut, buffer);
        return Of(own, clocks, asOf.Priority, asOf.CustomerTier);
    }

    /// <summary>
    /// The complaint as it stood at <paramref name="cut"/>, or null when it was received after; counted under
    /// <paramref name="customerTier"/>, its customer's tier on the cut's date (the tier it recorded evaluates it when it recorded one).
    /// </summary>
    public static CaseCompliance? Of(Complaint complaint, ServiceTier customerTier, Centre centre, Instant cut, SlaStatus[] buffer)
    {
        if (complaint.History[0].OccurredAt > cut)
        {
            return null;
        }

        var asOf = complaint.LastEventAt <= cut ? complaint : Complaint.FromHistory(complaint.History.TakeWhile(e => e.OccurredAt <= cut));
        var evaluatedAs = ((ComplaintReceived)asOf.History[0]).CustomerTier ?? customerTier;
        var (_, _, clocks, own) = CaseEvaluation.OfComplaint(asOf, evaluatedAs, centre.Catalog, centre.Default, centre.Lookup, cut, buffer);
        return Of(own, clocks, SlaClock.PriorityOf(asOf.Severity), customerTier);
    }

    private static CaseCompliance Of(SlaEvaluation own, ClockOutcome[] clocks, Priority priority, ServiceTier tier)
    {
        var statuses = own.Statuses;
        var (samples, promises) = (new ComplianceSample[statuses.Count], new PromiseTerms[statuses.Count]);
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            // Only a decided clock's time taken is reported (its percentiles); a running one counts, whatever its time so far.
            var decided = status.State is SlaState.Met or SlaState.Missed;
            samples[i] = new ComplianceSample(status.Metric, status.State, decided ? status.Elapsed : Duration.Zero, priority, tier);
            promises[i] = new PromiseTerms(new ComplianceKey(status.Metric, priority, tier, null, null, null), status.Target, status.Basis, status.Agreement);
        }

        return new CaseCompliance(samples, promises, [.. clocks.Select(c => new AgreementClock(c.Agreement, c.State))]);
    }
}
