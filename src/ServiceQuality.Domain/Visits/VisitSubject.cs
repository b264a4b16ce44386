using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Visits;

/// <summary>What a visit follows up: a ticket, a complaint, or nothing (periodic key-account visits, home surveys).</summary>
public sealed record VisitSubject
{
    private VisitSubject(TicketId? ticket, ComplaintId? complaint)
    {
        Ticket = ticket;
        Complaint = complaint;
    }

    /// <summary>No subject: a periodic or survey visit.</summary>
    public static VisitSubject None { get; } = new(null, null);

    /// <summary>The ticket followed up, if any.</summary>
    public TicketId? Ticket { get; }

    /// <summary>The complaint followed up, if any.</summary>
    public ComplaintId? Complaint { get; }

    /// <summary>A visit following up a ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <returns>The subject.</returns>
    public static VisitSubject ForTicket(TicketId ticket)
    {
        Guard.Against.Default(ticket);
        return new(ticket, null);
    }

    /// <summary>A visit following up a complaint.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The subject.</returns>
    public static VisitSubject ForComplaint(ComplaintId complaint)
    {
        Guard.Against.Default(complaint);
        return new(null, complaint);
    }

    /// <summary>Returns <c>ticket T-1</c>, <c>complaint K-1</c> or <c>none</c>.</summary>
    /// <returns>The subject as text.</returns>
    public override string ToString() => Ticket is { } t ? $"ticket {t}" : Complaint is { } c ? $"complaint {c}" : "none";
}
