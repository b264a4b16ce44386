using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Testing;

/// <summary>
/// Assertions on the aggregates' business rules for any test framework: a failure throws
/// <see cref="DomainAssertionException"/>. Tests assert the <see cref="RuleCode"/> a command is refused with, never the
/// message text.
/// </summary>
/// <example>
/// <code>
/// var refusal = DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, ticket, t => t.Close(now));
/// </code>
/// </example>
/// <remarks>
/// "Unchanged" means: the same events in <c>History</c> and <c>UncommittedEvents</c>, and the same value of every
/// public property of the aggregate (lists item by item). Failure messages show personal data (names, contact details,
/// comments, replies, reasons) masked, as the aggregates' own text does. Not thread-safe, like the aggregates: nothing
/// else may command the aggregate while the assertion runs.
/// </remarks>
public static class DomainAssert
{
    /// <summary>Asserts that <paramref name="command"/> is refused by <paramref name="rule"/> and leaves the ticket unchanged.</summary>
    /// <param name="rule">The rule expected to refuse the command.</param>
    /// <param name="ticket">The ticket the command is given to.</param>
    /// <param name="command">The command, given the ticket.</param>
    /// <returns>The refusal, to inspect further.</returns>
    /// <exception cref="DomainAssertionException">The command was accepted, refused by another rule, threw another exception, or changed the ticket.</exception>
    public static DomainRuleViolationException Refused(RuleCode rule, Ticket ticket, Action<Ticket> command) =>
        Refused(rule, ticket, command, static t => AggregateSnapshot.Of(
            t,
            (nameof(t.Id), t.Id), (nameof(t.Customer), t.Customer), (nameof(t.Kind), t.Kind), (nameof(t.Channel), t.Channel),
            (nameof(t.Priority), t.Priority), (nameof(t.CustomerTier), t.CustomerTier), (nameof(t.Agreement), t.Agreement),
            (nameof(t.OtherAgreements), string.Join(", ", t.OtherAgreements)),
            (nameof(t.RequiresOnSiteVisit), t.RequiresOnSiteVisit), (nameof(t.FirstContactOwner), t.FirstContactOwner),
            (nameof(t.Assignee), t.Assignee), (nameof(t.Department), t.Department), (nameof(t.Status), t.Status),
            (nameof(t.HoldReason), t.HoldReason), (nameof(t.Referral), t.Referral), (nameof(t.OpenedAt), t.OpenedAt),
            (nameof(t.FirstResponseAt), t.FirstResponseAt), (nameof(t.LastResponseAt), t.LastResponseAt),
            (nameof(t.OnSiteArrivedAt), t.OnSiteArrivedAt), (nameof(t.ResolvedAt), t.ResolvedAt), (nameof(t.ResolvedBy), t.ResolvedBy),
            (nameof(t.ClosedAt), t.ClosedAt), (nameof(t.CancelledAt), t.CancelledAt), (nameof(t.ReopenCount), t.ReopenCount),
            (nameof(t.TransferCount), t.TransferCount), (nameof(t.Escalation), t.Escalation)));

    /// <summary>Asserts that <paramref name="command"/> is refused by <paramref name="rule"/> and leaves the complaint unchanged.</summary>
    /// <param name="rule">The rule expected to refuse the command.</param>
    /// <param name="complaint">The complaint the command is given to.</param>
    /// <param name="command">The command, given the complaint.</param>
    /// <returns>The refusal, to inspect further.</returns>
    /// <exception cref="DomainAssertionException">The command was accepted, refused by another rule, threw another exception, or changed the complaint.</exception>
    public static DomainRuleViolationException Refused(RuleCode rule, Complaint complaint, Action<Complaint> command) =>
        Refused(rule, complaint, command, static c => AggregateSnapshot.Of(
            c,
            (nameof(c.Id), c.Id), (nameof(c.Customer), c.Customer), (nameof(c.Channel), c.Channel), (nameof(c.Category), c.Category),
            (nameof(c.Severity), c.Severity), (nameof(c.ClaimedLoss), c.ClaimedLoss), (nameof(c.AgainstStaff), c.AgainstStaff),
            (nameof(c.AgainstDepartment), c.AgainstDepartment), (nameof(c.RelatedTicket), c.RelatedTicket), (nameof(c.Status), c.Status),
            (nameof(c.ReceivedAt), c.ReceivedAt), (nameof(c.RegisteredAt), c.RegisteredAt), (nameof(c.Investigation), c.Investigation),
            (nameof(c.Response), c.Response), (nameof(c.ResolvedAt), c.ResolvedAt), (nameof(c.Verdict), c.Verdict),
            (nameof(c.CallbackRequired), c.CallbackRequired), (nameof(c.CallbackCompletedAt), c.CallbackCompletedAt),
            (nameof(c.DissatisfiedCallbacks), c.DissatisfiedCallbacks), (nameof(c.CallbackWaiverReason), AggregateSnapshot.Personal(c.CallbackWaiverReason)),
            (nameof(c.Compensation), c.Compensation), (nameof(c.Escalation), c.Escalation), (nameof(c.Duplicates), c.Duplicates),
            (nameof(c.MergedInto), c.MergedInto), (nameof(c.ClosedAt), c.ClosedAt), (nameof(c.WithdrawnAt), c.WithdrawnAt),
            (nameof(c.CustomerTier), c.CustomerTier), (nameof(c.Agreement), c.Agreement), (nameof(c.OtherAgreements), string.Join(", ", c.OtherAgreements))));

    /// <summary>Asserts that <paramref name="command"/> is refused by <paramref name="rule"/> and leaves the customer unchanged.</summary>
    /// <param name="rule">The rule expected to refuse the command.</param>
    /// <param name="customer">The customer the command is given to.</param>
    /// <param name="command">The command, given the customer.</param>
    /// <returns>The refusal, to inspect further.</returns>
    /// <exception cref="DomainAssertionException">The command was accepted, refused by another rule, threw another exception, or changed the customer.</exception>
    public static DomainRuleViolationException Refused(RuleCode rule, Customer customer, Action<Customer> command) =>
        Refused(rule, customer, command, static c => AggregateSnapshot.Of(
            c,
            (nameof(c.Id), c.Id), (nameof(c.DisplayName), AggregateSnapshot.Personal(c.DisplayName)), (nameof(c.Contact), c.Contact),
            (nameof(c.CustomerSince), c.CustomerSince), (nameof(c.TierHistory), c.TierHistory), (nameof(c.CreditGrade), c.CreditGrade),
            (nameof(c.TrustScore), c.TrustScore), (nameof(c.AccountManager), c.AccountManager), (nameof(c.CareFlags), c.CareFlags),
            (nameof(c.SpendByYear), c.SpendByYear.OrderBy(s => s.Key))));

    /// <summary>Asserts that <paramref name="command"/> is refused by <paramref name="rule"/> and leaves the visit unchanged.</summary>
    /// <param name="rule">The rule expected to refuse the command.</param>
    /// <param name="visit">The visit the command is given to.</param>
    /// <param name="command">The command, given the visit.</param>
    /// <returns>The refusal, to inspect further.</returns>
    /// <exception cref="DomainAssertionException">The command was accepted, refused by another rule, threw another exception, or changed the visit.</exception>
    public static DomainRuleViolationException Refused(RuleCode rule, VisitRecord visit, Action<VisitRecord> command) =>
        Refused(rule, visit, command, static v => AggregateSnapshot.Of(
            v,
            (nameof(v.Id), v.Id), (nameof(v.Customer), v.Customer), (nameof(v.Subject), v.Subject), (nameof(v.Kind), v.Kind),
            (nameof(v.Due), v.Due), (nameof(v.MaxAttempts), v.MaxAttempts), (nameof(v.Status), v.Status), (nameof(v.Attempts), v.Attempts),
            (nameof(v.Overall), v.Overall), (nameof(v.Dimensions), v.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal)),
            (nameof(v.Comment), AggregateSnapshot.Personal(v.Comment)), (nameof(v.PerformedBy), v.PerformedBy), (nameof(v.EndedAt), v.EndedAt)));

    /// <summary>Asserts that <paramref name="command"/> is refused by <paramref name="rule"/> and leaves the agreement version unchanged.</summary>
    /// <param name="rule">The rule expected to refuse the command.</param>
    /// <param name="agreement">The agreement version the command is given to.</param>
    /// <param name="command">The command, given the agreement.</param>
    /// <returns>The refusal, to inspect further.</returns>
    /// <exception cref="DomainAssertionException">The command was accepted, refused by another rule, threw another exception, or changed the agreement.</exception>
    public static DomainRuleViolationException Refused(RuleCode rule, ServiceLevelAgreement agreement, Action<ServiceLevelAgreement> command) =>
        Refused(rule, agreement, command, static a => AggregateSnapshot.Of(
            a,
            (nameof(a.Id), a.Id), (nameof(a.Version), a.Version), (nameof(a.Name), a.Name), (nameof(a.Kind), a.Kind),
            (nameof(a.Status), a.Status), (nameof(a.CalendarName), a.CalendarName), (nameof(a.Targets), a.Targets),
            (nameof(a.PauseRules), a.PauseRules), (nameof(a.WarningStages), a.WarningStages), (nameof(a.Reopen), a.Reopen),
            (nameof(a.Applicability), a.Applicability), (nameof(a.Objectives), a.Objectives), (nameof(a.EffectiveFrom), a.EffectiveFrom)));

    private static DomainRuleViolationException Refused<TAggregate>(RuleCode rule, TAggregate aggregate, Action<TAggregate> command, Func<TAggregate, AggregateSnapshot> snapshot)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(command);
        var before = snapshot(aggregate);
        var expected = $"Expected {rule} to refuse the command on {before.Description}";
        DomainRuleViolationException? refusal = null;
        try
        {
            command(aggregate);
        }
        catch (DomainRuleViolationException violation)
        {
            refusal = violation;
        }
        catch (Exception other)
        {
            throw new DomainAssertionException($"{expected}, but it threw {other.GetType().Name}: {other.Message}", other);
        }

        var after = snapshot(aggregate);
        if (refusal is null)
        {
            var added = before.Added(after);
            throw new DomainAssertionException($"{expected}, but it was accepted{(added.Length > 0 ? $" (raising {added})" : string.Empty)}.");
        }

        if (refusal.Rule != rule)
        {
            throw new DomainAssertionException($"{expected}, but {refusal.Rule} refused it: {refusal.Message}", refusal);
        }

        var changes = before.Differences(after);
        return changes.Count == 0
            ? refusal
            : throw new DomainAssertionException($"{rule} refused the command as expected, but {before.Description} changed: {string.Join("; ", changes)}.", refusal);
    }
}
