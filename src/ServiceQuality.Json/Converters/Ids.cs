using System.Text.Json;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Converters;

/// <summary>The typed ids' constructors (which validate the text) and readers, as cached delegates.</summary>
internal static class Ids
{
    public static readonly Func<string, CustomerId> Customer = static v => new CustomerId(v);
    public static readonly Func<string, StaffId> Staff = static v => new StaffId(v);
    public static readonly Func<string, DepartmentId> Department = static v => new DepartmentId(v);
    public static readonly Func<string, TicketId> Ticket = static v => new TicketId(v);
    public static readonly Func<string, ComplaintId> Complaint = static v => new ComplaintId(v);
    public static readonly Func<string, VisitId> Visit = static v => new VisitId(v);
    public static readonly Func<string, AgreementId> Agreement = static v => new AgreementId(v);
    public static readonly Func<string, HoldReason> Hold = static v => new HoldReason(v);

    public static StaffId ReadStaff(ref Utf8JsonReader reader, Where what) => JsonValues.ReadId(ref reader, what, Staff);

    public static StaffId? ReadNullableStaff(ref Utf8JsonReader reader, Where what) => JsonValues.ReadNullableId(ref reader, what, Staff);

    public static ComplaintId ReadComplaint(ref Utf8JsonReader reader, Where what) => JsonValues.ReadId(ref reader, what, Complaint);
}
