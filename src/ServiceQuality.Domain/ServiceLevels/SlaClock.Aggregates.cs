using System.Collections;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Domain.ServiceLevels;

/// <content>
/// The overloads that take the <see cref="ServiceLevelAgreement"/> aggregates a host edits and publishes: each measures
/// against the aggregate's <see cref="ServiceLevelAgreement.Published"/> version, and refuses a draft.
/// </content>
public static partial class SlaClock
{
    /// <summary>Evaluates a ticket's clocks at <paramref name="now"/> against a published agreement's version; see <see cref="EvaluateTicket(IReadOnlyList{TicketEvent}, AgreementVersion, ICalendarLookup, Instant)"/>.</summary>
    /// <param name="history">The ticket's events in order (for example <c>ticket.History</c>).</param>
    /// <param name="agreement">The published agreement the ticket was opened under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the opening, or the ticket names another agreement version.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluation EvaluateTicket(IReadOnlyList<TicketEvent> history, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now) =>
        EvaluateTicket(history, Version(agreement), calendars, now);

    /// <summary>Evaluates a ticket's clocks into <paramref name="destination"/> against a published agreement's version, allocating nothing once calendars are compiled.</summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreement">The published agreement the ticket was opened under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the opening, the ticket names another agreement version, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluationSummary EvaluateTicket(
        IReadOnlyList<TicketEvent> history, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateTicket(history, Version(agreement), calendars, now, destination);

    /// <summary>Evaluates the clocks of every agreement a ticket was opened under, given as published agreements; see <see cref="EvaluateTicket(IReadOnlyList{TicketEvent}, IReadOnlyList{AgreementVersion}, ICalendarLookup, Instant)"/>.</summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreements">The published agreements the ticket was opened under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses of every agreement, in the order given, and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">An agreement is a draft, or as the overload taking versions says.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars an agreement uses.</exception>
    public static SlaEvaluation EvaluateTicket(IReadOnlyList<TicketEvent> history, IReadOnlyList<ServiceLevelAgreement> agreements, ICalendarLookup calendars, Instant now) =>
        EvaluateTicket(history, Versions(agreements), calendars, now);

    /// <summary>Evaluates the clocks of every agreement a ticket was opened under, given as published agreements, into <paramref name="destination"/>, allocating nothing once calendars are compiled.</summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreements">The published agreements the ticket was opened under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> per agreement.</param>
    /// <returns>How many statuses were written, the next instant one changes and the calendar of the first agreement.</returns>
    /// <exception cref="ArgumentException">An agreement is a draft, or as the overload taking versions says.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars an agreement uses.</exception>
    public static SlaEvaluationSummary EvaluateTicket(
        IReadOnlyList<TicketEvent> history, IReadOnlyList<ServiceLevelAgreement> agreements, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateTicket(history, new PublishedVersions(Guard.Against.Null(agreements)), calendars, now, destination, null);

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/> for a customer tier, against a published agreement's version.</summary>
    /// <param name="history">The complaint's events in order.</param>
    /// <param name="customerTier">The customer's tier when the complaint was received; the tier its receipt records, if it records one.</param>
    /// <param name="agreement">The published agreement the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the receipt, or the receipt records another tier or agreement version.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluation EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceTier customerTier, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now) =>
        EvaluateComplaint(history, customerTier, Version(agreement), calendars, now);

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/>, for the tier its receipt records, against a published agreement's version.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreement">The published agreement the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the receipt, the receipt records no tier, or another agreement version.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluation EvaluateComplaint(IReadOnlyList<ComplaintEvent> history, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now) =>
        EvaluateComplaint(history, Version(agreement), calendars, now);

    /// <summary>Evaluates a complaint's clocks into <paramref name="destination"/>, for the tier its receipt records, against a published agreement's version.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreement">The published agreement the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the receipt, the receipt records no tier or another agreement version, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateComplaint(history, Version(agreement), calendars, now, destination);

    /// <summary>Evaluates a complaint's clocks into <paramref name="destination"/> for a customer tier, against a published agreement's version.</summary>
    /// <param name="history">The complaint's events in order.</param>
    /// <param name="customerTier">The customer's tier when the complaint was received; the tier its receipt records, if it records one.</param>
    /// <param name="agreement">The published agreement the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The agreement is a draft, the history does not start with the receipt, the receipt records another tier or agreement version, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars the agreement uses.</exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceTier customerTier, ServiceLevelAgreement agreement, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination) =>
        EvaluateComplaint(history, customerTier, Version(agreement), calendars, now, destination);

    /// <summary>Evaluates the clocks of every agreement a complaint was received under, given as published agreements; see <see cref="EvaluateComplaint(IReadOnlyList{ComplaintEvent}, IReadOnlyList{AgreementVersion}, ICalendarLookup, Instant)"/>.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreements">The published agreements it was received under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses of every agreement, in the order given, and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">An agreement is a draft, or as the overload taking versions says.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars an agreement uses.</exception>
    public static SlaEvaluation EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, IReadOnlyList<ServiceLevelAgreement> agreements, ICalendarLookup calendars, Instant now) =>
        EvaluateComplaint(history, Versions(agreements), calendars, now);

    /// <summary>Evaluates the clocks of every agreement a complaint was received under, given as published agreements, into <paramref name="destination"/>.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreements">The published agreements it was received under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> per agreement.</param>
    /// <returns>How many statuses were written, the next instant one changes and the calendar of the first agreement.</returns>
    /// <exception cref="ArgumentException">An agreement is a draft, or as the overload taking versions says.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/>, or an event up to it, is outside the supported range of the calendars an agreement uses.</exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, IReadOnlyList<ServiceLevelAgreement> agreements, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination) =>
        EvaluateComplaint(history, new PublishedVersions(Guard.Against.Null(agreements)), calendars, now, destination, null);

    private static AgreementVersion Version(ServiceLevelAgreement agreement) => Guard.Against.Null(agreement).PublishedFor(nameof(agreement));

    private static AgreementVersion[] Versions(IReadOnlyList<ServiceLevelAgreement> agreements) => [.. new PublishedVersions(Guard.Against.Null(agreements))];

    /// <summary>The published versions of a list of agreements, read one by one without copying the list (a null agreement reads as null).</summary>
    private readonly struct PublishedVersions(IReadOnlyList<ServiceLevelAgreement> agreements) : IReadOnlyList<AgreementVersion>
    {
        public int Count => agreements.Count;

        public AgreementVersion this[int index] => agreements[index] is { } agreement ? agreement.PublishedFor(nameof(agreements)) : null!;

        public IEnumerator<AgreementVersion> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
