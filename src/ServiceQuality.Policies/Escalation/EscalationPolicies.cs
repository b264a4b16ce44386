using Ardalis.GuardClauses;
using ServiceQuality.Domain.Calendars;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Escalation;

/// <summary>Escalation policies built from rules, and their combinators.</summary>
public static class EscalationPolicies
{
    /// <summary>The highest level any rule asks for; fires only when it is above the level already reached.</summary>
    /// <param name="ladder">The ladder the levels refer to (levels above its top are capped).</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The policy.</returns>
    public static IEscalationPolicy HighestOf(EscalationLadder ladder, params IEscalationRule[] rules) => new Combined(ladder, [.. rules], firstMatch: false);

    /// <summary>The level the first rule (in order) that asks for one asks for; fires only when above the level already reached.</summary>
    /// <param name="ladder">The ladder the levels refer to.</param>
    /// <param name="rules">The rules, in priority order.</param>
    /// <returns>The policy.</returns>
    public static IEscalationPolicy FirstMatch(EscalationLadder ladder, params IEscalationRule[] rules) => new Combined(ladder, [.. rules], firstMatch: true);

    /// <summary>The highest decision of several policies.</summary>
    /// <param name="policies">The policies.</param>
    /// <returns>The combined policy.</returns>
    public static IEscalationPolicy Highest(params IEscalationPolicy[] policies)
    {
        Guard.Against.NullOrNoItems(policies);
        return new HighestPolicy([.. policies]);
    }

    /// <summary>
    /// Defers notifications to the next open instant of <paramref name="calendar"/>, so nobody is paged at 3 a.m. for a
    /// 9-to-5 desk; proposals marked immediate are not deferred.
    /// </summary>
    /// <param name="policy">The policy whose decisions to defer.</param>
    /// <param name="calendar">The desk's calendar.</param>
    /// <returns>The deferring policy.</returns>
    public static IEscalationPolicy DeferredToOpenHours(IEscalationPolicy policy, BusinessCalendar calendar)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(calendar);
        return new Deferred(policy, calendar);
    }

    /// <summary>
    /// Front-line authority: a complaint whose compensation (or, without one, claimed loss) is within
    /// <paramref name="limit"/> is settled at the front line and needs no escalation — unless an SLA clock was missed.
    /// </summary>
    /// <param name="policy">The policy to restrain.</param>
    /// <param name="limit">The front line's authority.</param>
    /// <returns>The restrained policy.</returns>
    public static IEscalationPolicy WithFrontLineAuthority(IEscalationPolicy policy, Money limit)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(limit.Currency, nameof(limit));
        return new FrontLine(policy, limit);
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

    private static EscalationDecision Fire(EscalationLadder ladder, EscalationContext context, EscalationProposal? best) =>
        best is null || Math.Min(best.Level, ladder.Top) <= context.CurrentLevel
            ? EscalationDecision.None
            : new EscalationDecision(ladder.Step(best.Level), best.ReasonCode, best.Description, context.Now) { Immediate = best.Immediate };

    private sealed class Combined(EscalationLadder ladder, IEscalationRule[] rules, bool firstMatch) : IEscalationPolicy
    {
        public string Description { get; } = (firstMatch ? "First match of: " : "Highest of: ") + string.Join("; ", rules.Select(r => r.Description));

        public EscalationDecision Decide(EscalationContext context)
        {
            Guard.Against.Null(context);
            EscalationProposal? best = null;
            foreach (var rule in rules)
            {
                var proposal = rule.Propose(context);
                if (proposal is null)
                {
                    continue;
                }

                if (firstMatch)
                {
                    best = proposal;
                    break;
                }

                if (best is null || proposal.Level > best.Level)
                {
                    best = proposal;
                }
            }

            return Fire(ladder, context, best);
        }

        public Instant? NextChangeAt(EscalationContext context)
        {
            Guard.Against.Null(context);
            Instant? next = null;
            foreach (var rule in rules)
            {
                if (rule is ITimedEscalationRule timed)
                {
                    next = Earliest(next, timed.NextFiringAt(context));
                }
            }

            return next;
        }
    }

    private sealed class HighestPolicy(IEscalationPolicy[] policies) : IEscalationPolicy
    {
        public string Description { get; } = "Highest of: " + string.Join("; ", policies.Select(p => p.Description));

        public EscalationDecision Decide(EscalationContext context)
        {
            var best = EscalationDecision.None;
            foreach (var policy in policies)
            {
                var decision = policy.Decide(context);
                if (decision.Step is { } step && (best.Step is null || step.Level > best.Step.Level))
                {
                    best = decision;
                }
            }

            return best;
        }

        public Instant? NextChangeAt(EscalationContext context)
        {
            Instant? next = null;
            foreach (var policy in policies)
            {
                next = Earliest(next, policy.NextChangeAt(context));
            }

            return next;
        }
    }

    private sealed class Deferred(IEscalationPolicy inner, BusinessCalendar calendar) : IEscalationPolicy
    {
        public string Description => $"{inner.Description} (notified in open hours of {calendar.Description})";

        public EscalationDecision Decide(EscalationContext context)
        {
            var decision = inner.Decide(context);
            return decision.Fires && !decision.Immediate ? decision with { NotifyAt = calendar.NextOpen(context.Now) } : decision;
        }

        public Instant? NextChangeAt(EscalationContext context) => inner.NextChangeAt(context);
    }

    private sealed class FrontLine(IEscalationPolicy inner, Money limit) : IEscalationPolicy
    {
        public string Description => $"{inner.Description} (front line settles up to {limit})";

        public EscalationDecision Decide(EscalationContext context)
        {
            Guard.Against.Null(context);
            if (context.Complaint is { } complaint
                && (complaint.Compensation ?? complaint.ClaimedLoss) is { } amount && amount.Currency == limit.Currency && amount <= limit
                && !context.Statuses.Any(s => s.IsMissed))
            {
                return EscalationDecision.None;
            }

            return inner.Decide(context);
        }

        // Only an event (compensation recorded, a clock missed) lifts the restraint; time alone changes what the inner policy says.
        public Instant? NextChangeAt(EscalationContext context) => inner.NextChangeAt(context);
    }
}
