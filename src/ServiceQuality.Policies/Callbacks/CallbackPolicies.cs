using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Callbacks;

/// <summary>The stock callback policies and their combinator.</summary>
public static class CallbackPolicies
{
    /// <summary>
    /// The practice's stock follow-up, as <c>AddServiceQuality</c> registers it: every complaint that needs a callback is
    /// called back (<see cref="EveryComplaint"/>, a phone callback) and <paramref name="ticketSamplePercent"/> % of closed
    /// tickets are surveyed (<see cref="SampleClosedTickets"/>, a satisfaction survey), each due <paramref name="within"/>
    /// after the complaint's resolution or the ticket's closing (elapsed time).
    /// </summary>
    /// <param name="within">How long after resolution or closing a callback is due; positive (practice: 48 hours).</param>
    /// <param name="ticketSamplePercent">The share of closed tickets surveyed, 0-100 (practice: 10).</param>
    /// <returns>The combined policy; immutable and thread-safe.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not positive, or <paramref name="ticketSamplePercent"/> is outside 0-100.</exception>
    public static ICallbackPolicy PracticeDefaults(Duration within, decimal ticketSamplePercent) =>
        Combine(EveryComplaint(within), SampleClosedTickets(ticketSamplePercent, within));

    /// <summary>
    /// Every complaint that needs a callback (<see cref="Complaint.CallbackRequired"/>, true unless received without one) gets
    /// one (每案必访) once resolved, due <paramref name="within"/> after resolution.
    /// </summary>
    /// <param name="within">How long after resolution the callback is due; positive.</param>
    /// <param name="kind">The kind of contact.</param>
    /// <returns>The policy.</returns>
    public static ICallbackPolicy EveryComplaint(Duration within, VisitKind kind = VisitKind.PhoneCallback)
    {
        Guard.Against.NonPositive(within);
        return new Policy($"every complaint called back within {within} of resolution",
            complaint => complaint is { CallbackRequired: true, ResolvedAt: { } resolved, Status: not ComplaintStatus.Merged and not ComplaintStatus.Withdrawn }
                ? [new CallbackPlan(complaint.Customer, VisitSubject.ForComplaint(complaint.Id), kind, resolved + within, "every-complaint", string.Empty)]
                : [],
            _ => []);
    }

    /// <summary>
    /// A deterministic sample of closed tickets: a ticket is in the sample when the stable hash of its id falls below
    /// <paramref name="ratePercent"/>, so the same ticket is always in or out, whatever the host or run.
    /// </summary>
    /// <param name="ratePercent">The share of tickets to call back, 0-100.</param>
    /// <param name="within">How long after closing the callback is due; positive.</param>
    /// <param name="kind">The kind of contact.</param>
    /// <returns>The policy.</returns>
    public static ICallbackPolicy SampleClosedTickets(decimal ratePercent, Duration within, VisitKind kind = VisitKind.SatisfactionSurvey)
    {
        Guard.Against.LessThan(ratePercent, 0m);
        Guard.Against.GreaterThan(ratePercent, 100m);
        Guard.Against.NonPositive(within);
        return new Policy(string.Create(CultureInfo.InvariantCulture, $"{ratePercent} % of closed tickets sampled, called back within {within}"),
            _ => [],
            ticket => ticket is { Status: TicketStatus.Closed, ClosedAt: { } closed } && InSample(ticket.Id.Value, ratePercent)
                ? [new CallbackPlan(ticket.Customer, VisitSubject.ForTicket(ticket.Id), kind, closed + within, "sample", string.Empty)]
                : []);
    }

    /// <summary>Follow-ups on a recurring schedule after a complaint's resolution or a ticket's closing.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="zone">The zone of the schedule's local-time arithmetic.</param>
    /// <param name="kind">The kind of contact.</param>
    /// <returns>The policy.</returns>
    public static ICallbackPolicy Recurring(RecurringSchedule schedule, DateTimeZone zone, VisitKind kind = VisitKind.PhoneCallback)
    {
        Guard.Against.Null(schedule);
        Guard.Against.Null(zone);
        return new Policy("recurring follow-ups: " + string.Join(", ", schedule.Offsets) + (schedule.ThenEvery is { } every ? $", then every {every} ×{schedule.Repeats}" : string.Empty),
            complaint => complaint.ResolvedAt is { } resolved
                ? [.. schedule.DueAfter(resolved, zone).Select(due => new CallbackPlan(complaint.Customer, VisitSubject.ForComplaint(complaint.Id), kind, due, "recurring", string.Empty))]
                : [],
            ticket => ticket.ClosedAt is { } closed
                ? [.. schedule.DueAfter(closed, zone).Select(due => new CallbackPlan(ticket.Customer, VisitSubject.ForTicket(ticket.Id), kind, due, "recurring", string.Empty))]
                : []);
    }

    /// <summary>Every plan of every policy.</summary>
    /// <param name="policies">The policies.</param>
    /// <returns>The combined policy.</returns>
    public static ICallbackPolicy Combine(params ICallbackPolicy[] policies)
    {
        Guard.Against.Null(policies);
        ICallbackPolicy[] combined = [.. policies]; // a copy: the caller's array may change afterwards
        return new Policy(string.Join("; ", combined.Select(p => p.Description)),
            complaint => Concatenate(combined, policy => policy.ForComplaint(complaint)),
            ticket => Concatenate(combined, policy => policy.ForTicket(ticket)),
            keepDescriptions: true);
    }

    /// <summary>Every policy's plans in the policies' order; no copy when at most one policy plans anything (the usual case for one case).</summary>
    private static IReadOnlyList<CallbackPlan> Concatenate(ICallbackPolicy[] policies, Func<ICallbackPolicy, IReadOnlyList<CallbackPlan>> plansOf)
    {
        IReadOnlyList<CallbackPlan> only = [];
        List<CallbackPlan>? all = null;
        foreach (var policy in policies)
        {
            var plans = plansOf(policy);
            if (plans.Count == 0)
            {
                continue;
            }

            if (all is not null)
            {
                all.AddRange(plans);
            }
            else if (only.Count == 0)
            {
                only = plans;
            }
            else
            {
                all = [.. only, .. plans];
            }
        }

        return all ?? only;
    }

    /// <summary>
    /// The plans of <paramref name="policy"/>, each with <paramref name="retryInterval"/> as its
    /// <see cref="CallbackPlan.RetryInterval"/>: the visits planned from them refuse a retry sooner after the previous attempt.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="retryInterval">How long a retry waits after the previous attempt (elapsed time); zero or more.</param>
    /// <returns>The policy with the interval; its description is <paramref name="policy"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryInterval"/> is negative.</exception>
    public static ICallbackPolicy WithRetryInterval(ICallbackPolicy policy, Duration retryInterval)
    {
        Guard.Against.Null(policy);
        Guard.Against.ArgumentOutOfRange(retryInterval < Duration.Zero, nameof(retryInterval), $"A retry interval cannot be negative; {retryInterval} given.");
        return new Policy(policy.Description,
            complaint => [.. policy.ForComplaint(complaint).Select(p => p with { RetryInterval = retryInterval })],
            ticket => [.. policy.ForTicket(ticket).Select(p => p with { RetryInterval = retryInterval })],
            keepDescriptions: true);
    }

    /// <summary>Whether an id falls in a sample of <paramref name="ratePercent"/>: FNV-1a of the id, as a fraction of 2^64.</summary>
    /// <param name="id">The id.</param>
    /// <param name="ratePercent">The sample share, 0-100.</param>
    /// <returns>True when the id is in the sample.</returns>
    public static bool InSample(string id, decimal ratePercent)
    {
        Guard.Against.Null(id);
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // Mix the bits so that ids differing only in their last characters spread evenly.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (decimal)hash / 18446744073709551616m * 100m < ratePercent;
    }

    private sealed class Policy(
        string description, Func<Complaint, IReadOnlyList<CallbackPlan>> forComplaint, Func<Ticket, IReadOnlyList<CallbackPlan>> forTicket, bool keepDescriptions = false)
        : ICallbackPolicy
    {
        public string Description => description;

        public IReadOnlyList<CallbackPlan> ForComplaint(Complaint complaint)
        {
            Guard.Against.Null(complaint);
            return Describe(forComplaint(complaint));
        }

        public IReadOnlyList<CallbackPlan> ForTicket(Ticket ticket)
        {
            Guard.Against.Null(ticket);
            return Describe(forTicket(ticket));
        }

        private IReadOnlyList<CallbackPlan> Describe(IReadOnlyList<CallbackPlan> plans) =>
            keepDescriptions || plans.Count == 0 ? plans : [.. plans.Select(p => p with { Description = description })];
    }
}
