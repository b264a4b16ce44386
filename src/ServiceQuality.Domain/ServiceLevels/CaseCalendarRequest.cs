using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// What the SLA clock asks an <see cref="ICaseCalendarLookup"/> when an agreement takes its calendar from the case:
/// the agreement, the calendar it names itself, where its hours and zone are to come from, and the case's facts.
/// </summary>
/// <param name="Agreement">The agreement version the case is measured against.</param>
/// <param name="AgreementCalendar">The calendar the agreement names itself, or null for around the clock; the hours to use when <see cref="CalendarSource.Hours"/> is <see cref="CalendarScope.Agreement"/>.</param>
/// <param name="Source">Where the hours and the zone come from.</param>
/// <param name="CaseId">The case's id: a ticket's or a complaint's.</param>
/// <param name="Customer">The case's customer.</param>
/// <param name="Team">The department the case was first assigned to (a ticket's first assignment or transfer naming one, a complaint's first investigation), by the instant evaluated; null before that.</param>
public readonly record struct CaseCalendarRequest(
    AgreementReference Agreement, string? AgreementCalendar, CalendarSource Source, string CaseId, CustomerId Customer, DepartmentId? Team);
