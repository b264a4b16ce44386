using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// What an agreement's conditions (<see cref="Applicability"/>) are asked of a case when a catalogue selects the agreements
/// that apply to it: the customer, the case's attributes and the team handling it. A ticket's profile has a
/// <see cref="Kind"/>; a complaint's a <see cref="Category"/> and a <see cref="Severity"/>. Create one with
/// <see cref="ForTicket"/> or <see cref="ForComplaint"/>, and add the optional <see cref="Site"/> and <see cref="Team"/>
/// with <c>with</c>.
/// </summary>
public sealed record CaseProfile
{
    private CaseProfile(ServiceTier tier, CustomerId customer, Channel channel, Priority priority)
    {
        Guard.Against.Default(tier);
        Guard.Against.Default(customer);
        Guard.Against.UndefinedEnumValue(channel);
        Guard.Against.UndefinedEnumValue(priority);
        (Tier, Customer, Channel, Priority) = (tier, customer, channel, priority);
    }

    /// <summary>The customer's tier in force when the case starts.</summary>
    public ServiceTier Tier { get; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>How the customer reached the centre.</summary>
    public Channel Channel { get; }

    /// <summary>The first priority (for a complaint, the one its severity stands for).</summary>
    public Priority Priority { get; }

    /// <summary>A ticket's kind; null for a complaint.</summary>
    public TicketKind? Kind { get; private init; }

    /// <summary>A complaint's category; null for a ticket.</summary>
    public ComplaintCategory? Category { get; private init; }

    /// <summary>A complaint's severity; null for a ticket.</summary>
    public Severity? Severity { get; private init; }

    /// <summary>The site the case concerns (a property, an estate, a branch), or null when the host has none.</summary>
    public string? Site { get; init; }

    /// <summary>The team handling the case when it starts, or null when none is assigned yet.</summary>
    public DepartmentId? Team { get; init; }

    /// <summary>A ticket's profile.</summary>
    /// <param name="tier">The customer's tier in force when it opens.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="kind">What it is about.</param>
    /// <param name="channel">How the customer reached the centre.</param>
    /// <param name="priority">The first priority.</param>
    /// <returns>The profile, without site or team.</returns>
    /// <exception cref="ArgumentException">The tier or the customer is the default value, or an enum value is undefined.</exception>
    public static CaseProfile ForTicket(ServiceTier tier, CustomerId customer, TicketKind kind, Channel channel, Priority priority)
    {
        Guard.Against.UndefinedEnumValue(kind);
        return new CaseProfile(tier, customer, channel, priority) { Kind = kind };
    }

    /// <summary>A complaint's profile; its priority is the one its severity stands for.</summary>
    /// <param name="tier">The customer's tier in force when it is received.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="category">The complaint's category.</param>
    /// <param name="channel">How the customer reached the centre.</param>
    /// <param name="severity">The severity.</param>
    /// <returns>The profile, without site or team.</returns>
    /// <exception cref="ArgumentException">The tier or the customer is the default value, or an enum value is undefined.</exception>
    public static CaseProfile ForComplaint(ServiceTier tier, CustomerId customer, ComplaintCategory category, Channel channel, Severity severity)
    {
        Guard.Against.UndefinedEnumValue(category);
        Guard.Against.UndefinedEnumValue(severity);
        // As the SLA clock reads it: critical is P1, major P2, minor P3.
        var priority = severity switch
        {
            Complaints.Severity.Critical => Priority.P1,
            Complaints.Severity.Major => Priority.P2,
            _ => Priority.P3,
        };
        return new CaseProfile(tier, customer, channel, priority) { Category = category, Severity = severity };
    }
}
