using NodaTime;
using Orleans.Placement;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;

namespace ServiceDesk.Orleans.Grains;

/// <summary>A ticket as a grain (see <see cref="CaseGrain{TAggregate, TEvent}"/>), assessed under the agreement it recorded.</summary>
[HashBasedPlacement]
internal sealed class TicketGrain(CaseJournal journal, Centre centre, DeskClock clock) : CaseGrain<Ticket, TicketEvent>(journal, centre, clock), ITicketGrain
{
    protected override string Family => Streams.Tickets;

    protected override Ticket Rebuild(IEnumerable<TicketEvent> history) => Ticket.FromHistory(history);

    protected override int EscalationLevel(Ticket aggregate) => aggregate.Escalation.Level;

    protected override bool IsFinal(Ticket aggregate) => aggregate.IsFinal;

    protected override Task<CaseAssessment> AssessAsync(Ticket aggregate, Instant at) =>
        Task.FromResult(Centre.Assessor.AssessTicket(aggregate, Centre.MainAgreement(aggregate.Agreement), at));

    protected override bool Apply(EscalationDecision decision, Ticket aggregate, Instant at) => decision.ApplyTo(aggregate, at);

    /// <summary>The ticket's command for each event it records, with the event's arguments and instant.</summary>
    protected override Ticket Run(Ticket? ticket, TicketEvent command)
    {
        if (command is TicketOpened o)
        {
            return ticket is null
                ? Ticket.Open(o.TicketId, o.Customer, o.Kind, o.Channel, o.Priority, o.FirstContactOwner, o.CustomerTier, o.OccurredAt, o.Agreement, o.RequiresOnSiteVisit, o.ClaimedLoss, o.OtherAgreements)
                : throw new InvalidOperationException($"The ticket {Id} is already open.");
        }

        if (ticket is null)
        {
            throw new InvalidOperationException($"The ticket {Id} does not exist; open it first.");
        }

        if (command.TicketId.Value != Id)
        {
            throw new ArgumentException($"The command is for ticket {command.TicketId}, not {Id}.", nameof(command));
        }

        var now = command.OccurredAt;
        switch (command)
        {
            case TicketAssigned e: ticket.Assign(e.Assignee, e.Department, now); break;
            case TicketTransferred e: ticket.Transfer(e.To, e.Department, now); break;
            case ResponseRecorded e: ticket.RecordResponse(e.By, e.IsPublic, now); break;
            case TicketWorkStarted: ticket.StartWork(now); break;
            case TicketOnHold e: ticket.Hold(e.Reason, now); break;
            case TicketResumed: ticket.Resume(now); break;
            case ReferredToThirdParty e: ticket.ReferToThirdParty(e.Party, now); break;
            case ThirdPartyReturned e: ticket.RecordThirdPartyReturn(e.Result, now); break;
            case OnSiteArrived e: ticket.RecordOnSiteArrival(e.By, now); break;
            case PriorityChanged e: ticket.ChangePriority(e.To, now); break;
            case TicketResolved e: ticket.Resolve(e.By, now); break;
            case TicketReopened e: ticket.Reopen(e.Reason, now); break;
            case TicketClosed: ticket.Close(now); break;
            case TicketCancelled e: ticket.Cancel(e.Reason, now); break;
            case TicketEscalated e: ticket.Escalate(e.Level, e.Target, e.Reason, now); break;
            default: throw new ArgumentException($"No ticket command records a {command.GetType().Name}.", nameof(command));
        }

        return ticket;
    }
}
