using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceDesk.Web.Api;

// The bodies of the commands. Members without a default are required; ids, enums, money and instants use the library's JSON.

internal sealed record NoBody;

internal sealed record RegisterCustomer(CustomerId Id, string Name, ServiceTier Tier, LocalDate CustomerSince, string? Phone = null, string? Email = null, string? Address = null);

internal sealed record OpenTicket(
    TicketId Id, CustomerId Customer, TicketKind Kind, Channel Channel, Priority Priority, StaffId FirstContactOwner, bool RequiresOnSiteVisit = false, Money? ClaimedLoss = null);

internal sealed record AssignTicket(StaffId Assignee, DepartmentId? Department = null);

internal sealed record TransferTicket(StaffId To, DepartmentId? Department = null);

internal sealed record ReferTicket(string Party);

internal sealed record ReturnFromThirdParty(string Result);

internal sealed record HoldTicket(string Reason);

internal sealed record RespondToTicket(StaffId By, bool IsPublic = true);

internal sealed record ByStaff(StaffId By);

internal sealed record WithReason(string Reason);

internal sealed record ChangePriority(Priority Priority);

internal sealed record ReceiveComplaint(
    ComplaintId Id, CustomerId Customer, Channel Channel, ComplaintCategory Category, Severity Severity, Money? ClaimedLoss = null, StaffId? AgainstStaff = null,
    DepartmentId? AgainstDepartment = null, TicketId? RelatedTicket = null, bool CallbackRequired = true);

internal sealed record InvestigateComplaint(DepartmentId Department, StaffId Person, Instant Deadline);

internal sealed record RespondToComplaint(string Reply, string Remedy);

internal sealed record DecideComplaint(VerdictOutcome Outcome, string Reason, StaffId DecidedBy);

internal sealed record CallBack(bool Satisfied);

internal sealed record Compensate(Money Amount);

internal sealed record MergeComplaint(ComplaintId Duplicate);

internal sealed record PlanVisit(
    VisitId Id, CustomerId Customer, VisitKind Kind, Instant Due, int MaxAttempts, TicketId? Ticket = null, ComplaintId? Complaint = null, Duration? RetryInterval = null);

internal sealed record RecordAttempt(AttemptOutcome Outcome);

internal sealed record CompleteVisit(SatisfactionRating Overall, StaffId PerformedBy, IReadOnlyDictionary<string, SatisfactionRating>? Dimensions = null, string? Comment = null);
