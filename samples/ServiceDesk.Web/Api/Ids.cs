using ServiceQuality.Domain.Common;

namespace ServiceDesk.Web.Api;

/// <summary>Ids from the route: one the domain refuses (blank, too long, control characters) is a 400 at <c>route:id</c>.</summary>
internal static class Ids
{
    public static TicketId Ticket(string value) => Parse(value, v => new TicketId(v));

    public static ComplaintId Complaint(string value) => Parse(value, v => new ComplaintId(v));

    public static CustomerId Customer(string value) => Parse(value, v => new CustomerId(v));

    public static VisitId Visit(string value) => Parse(value, v => new VisitId(v));

    private static T Parse<T>(string value, Func<string, T> create)
    {
        try
        {
            return create(value);
        }
        catch (ArgumentException e)
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, "InvalidId", e.Message, "route:id");
        }
    }
}
