using System.Collections.Frozen;

namespace ServiceQuality.Json;

/// <summary>The event types of the event-log format.</summary>
internal enum EventType
{
    CustomerRegistered,
    TierChanged,
    SpendRecorded,
    TicketOpened,
    TicketAssigned,
    TicketTransferred,
    TicketWorkStarted,
    ResponseRecorded,
    TicketOnHold,
    TicketResumed,
    ReferredToThirdParty,
    ThirdPartyReturned,
    OnSiteArrived,
    PriorityChanged,
    TicketResolved,
    TicketReopened,
    TicketClosed,
    TicketCancelled,
    ComplaintReceived,
    ComplaintRegistered,
    InvestigationAssigned,
    ComplaintResponded,
    ComplaintResolved,
    VerdictRecorded,
    CallbackRecorded,
    CallbackWaived,
    ComplaintClosed,
    ComplaintWithdrawn,
    ComplaintMerged,
    ComplaintEscalated,
    CompensationRecorded,
    VisitPlanned,
    VisitAttempt,
    VisitCompleted,
    VisitMissed,
    VisitCancelled,
}

/// <summary>Each event type of the log with the properties its lines may have (the table of <c>docs/formats.md</c>).</summary>
internal static class EventTypes
{
    public static readonly FrozenDictionary<string, (EventType Type, string[] Fields)> Fields = new Dictionary<string, (EventType, string[])>
    {
        ["CustomerRegistered"] = (EventType.CustomerRegistered, Of("customer", "name", "tier", "since", "phone", "email", "address")),
        ["TierChanged"] = (EventType.TierChanged, Of("customer", "tier", "effectiveFrom", "reason")),
        ["SpendRecorded"] = (EventType.SpendRecorded, Of("customer", "year", "amount")),
        ["TicketOpened"] = (EventType.TicketOpened, Of("ticket", "customer", "kind", "channel", "priority", "staff", "agreement", "onSite")),
        ["TicketAssigned"] = (EventType.TicketAssigned, Of("ticket", "staff", "department")),
        ["TicketTransferred"] = (EventType.TicketTransferred, Of("ticket", "staff", "department")),
        ["TicketWorkStarted"] = (EventType.TicketWorkStarted, Of("ticket")),
        ["ResponseRecorded"] = (EventType.ResponseRecorded, Of("ticket", "staff", "public")),
        ["TicketOnHold"] = (EventType.TicketOnHold, Of("ticket", "reason")),
        ["TicketResumed"] = (EventType.TicketResumed, Of("ticket")),
        ["ReferredToThirdParty"] = (EventType.ReferredToThirdParty, Of("ticket", "party")),
        ["ThirdPartyReturned"] = (EventType.ThirdPartyReturned, Of("ticket", "result")),
        ["OnSiteArrived"] = (EventType.OnSiteArrived, Of("ticket", "staff")),
        ["PriorityChanged"] = (EventType.PriorityChanged, Of("ticket", "priority")),
        ["TicketResolved"] = (EventType.TicketResolved, Of("ticket", "staff")),
        ["TicketReopened"] = (EventType.TicketReopened, Of("ticket", "reason")),
        ["TicketClosed"] = (EventType.TicketClosed, Of("ticket")),
        ["TicketCancelled"] = (EventType.TicketCancelled, Of("ticket", "reason")),
        ["ComplaintReceived"] = (EventType.ComplaintReceived, Of("complaint", "customer", "channel", "category", "severity", "claimedLoss", "againstStaff", "againstDepartment", "ticket", "callbackRequired", "agreement")),
        ["ComplaintRegistered"] = (EventType.ComplaintRegistered, Of("complaint")),
        ["InvestigationAssigned"] = (EventType.InvestigationAssigned, Of("complaint", "department", "staff", "deadline")),
        ["ComplaintResponded"] = (EventType.ComplaintResponded, Of("complaint", "reply", "remedy")),
        ["ComplaintResolved"] = (EventType.ComplaintResolved, Of("complaint")),
        ["VerdictRecorded"] = (EventType.VerdictRecorded, Of("complaint", "outcome", "reason", "staff")),
        ["CallbackRecorded"] = (EventType.CallbackRecorded, Of("complaint", "satisfied")),
        ["CallbackWaived"] = (EventType.CallbackWaived, Of("complaint", "reason")),
        ["ComplaintClosed"] = (EventType.ComplaintClosed, Of("complaint")),
        ["ComplaintWithdrawn"] = (EventType.ComplaintWithdrawn, Of("complaint", "reason")),
        ["ComplaintMerged"] = (EventType.ComplaintMerged, Of("complaint", "primary")),
        ["ComplaintEscalated"] = (EventType.ComplaintEscalated, Of("complaint", "level", "target", "reason")),
        ["CompensationRecorded"] = (EventType.CompensationRecorded, Of("complaint", "amount")),
        ["VisitPlanned"] = (EventType.VisitPlanned, Of("visit", "customer", "kind", "due", "maxAttempts", "subjectTicket", "subjectComplaint")),
        ["VisitAttempt"] = (EventType.VisitAttempt, Of("visit", "outcome")),
        ["VisitCompleted"] = (EventType.VisitCompleted, Of("visit", "rating", "staff", "comment")),
        ["VisitMissed"] = (EventType.VisitMissed, Of("visit")),
        ["VisitCancelled"] = (EventType.VisitCancelled, Of("visit", "reason")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string[] Of(params string[] fields) => ["at", "type", .. fields];
}
