using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>An evaluation compares its statuses by content: two evaluations of the same case at the same instant are equal.</summary>
public sealed class SlaEvaluationTests
{
    private static readonly ServiceLevelAgreement Agreement = new AgreementBuilder()
        .WithTarget(Metric.FirstResponse, Duration.FromHours(1), TimeBasis.CalendarTime)
        .WithTarget(Metric.Resolution, Duration.FromHours(8), TimeBasis.CalendarTime)
        .Build();

    private static readonly ICalendarLookup NoCalendars = CalendarLookup.From([]);

    [Fact]
    public void EvaluateTicket_TwiceAtTheSameInstant_GivesEqualEvaluationsWithEqualHashCodes()
    {
        var ticket = Builders.Ticket(agreement: Agreement.Reference);
        var now = Builders.DefaultInstant + Duration.FromMinutes(30);

        var first = SlaClock.EvaluateTicket(ticket.History, Agreement, NoCalendars, now);
        var second = SlaClock.EvaluateTicket(ticket.History, Agreement, NoCalendars, now);

        Assert.NotSame(first.Statuses, second.Statuses);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void EvaluateTicket_AtAnotherInstant_GivesAnotherEvaluation()
    {
        var ticket = Builders.Ticket(agreement: Agreement.Reference);

        var first = SlaClock.EvaluateTicket(ticket.History, Agreement, NoCalendars, Builders.DefaultInstant + Duration.FromMinutes(30));
        var later = SlaClock.EvaluateTicket(ticket.History, Agreement, NoCalendars, Builders.DefaultInstant + Duration.FromMinutes(40));

        Assert.NotEqual(first, later);
        Assert.NotEqual(first, later with { NextChangeAt = first.NextChangeAt });
    }
}
