using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Policies.Callbacks;

/// <summary>Decides which callbacks a case needs. Pure and thread-safe; see <see cref="CallbackPolicies"/>.</summary>
public interface ICallbackPolicy
{
    /// <summary>What the policy does, in words.</summary>
    string Description { get; }

    /// <summary>The callbacks a complaint needs now (usually once it is resolved).</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The plans; empty when none is needed yet.</returns>
    IReadOnlyList<CallbackPlan> ForComplaint(Complaint complaint);

    /// <summary>The callbacks a ticket needs now (usually once it is closed).</summary>
    /// <param name="ticket">The ticket.</param>
    /// <returns>The plans; empty when none is needed.</returns>
    IReadOnlyList<CallbackPlan> ForTicket(Ticket ticket);
}
