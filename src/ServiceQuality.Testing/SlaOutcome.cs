using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing;

/// <summary>A scenario's evaluation, to set expectations on per metric.</summary>
public sealed class SlaOutcome
{
    private readonly Ticket _ticket;
    private readonly BusinessCalendar _calendar;

    internal SlaOutcome(SlaEvaluation evaluation, Ticket ticket, BusinessCalendar calendar, Instant now)
    {
        Evaluation = evaluation;
        _ticket = ticket;
        _calendar = calendar;
        Now = now;
    }

    /// <summary>The evaluation.</summary>
    public SlaEvaluation Evaluation { get; }

    /// <summary>The instant evaluated at.</summary>
    public Instant Now { get; }

    /// <summary>The zone of the scenario's local times.</summary>
    internal DateTimeZone Zone => _calendar.Zone;

    /// <summary>Expectations on one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The expectations.</returns>
    /// <exception cref="SlaAssertionException">The evaluation has no status for the metric.</exception>
    public SlaExpectation Expect(Metric metric)
    {
        foreach (var status in Evaluation.Statuses)
        {
            if (status.Metric == metric)
            {
                return new SlaExpectation(status, this);
            }
        }

        throw Fail($"expected a status for {metric}, but the agreement gives none for this ticket", Now);
    }

    internal SlaAssertionException Fail(string message, Instant around) =>
        new(message + Environment.NewLine + SlaScenario.Context(_ticket, _calendar, around));
}
