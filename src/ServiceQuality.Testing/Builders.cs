using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Testing;

/// <summary>
/// Test builders for every aggregate and for calendars (agreements: <see cref="AgreementBuilder"/>), with sensible defaults so a test states only what it is about. Each call returns a
/// new aggregate created through its real factory (so the aggregate's rules apply).
/// </summary>
public static class Builders
{
    /// <summary>The instant the builders use unless told otherwise: Monday 3 March 2025, 09:00 in Shanghai.</summary>
    public static readonly Instant DefaultInstant = Instant.FromUtc(2025, 3, 3, 1, 0);

    /// <summary>
    /// An office-hours calendar: open Monday to Friday from <paramref name="opens"/> to <paramref name="closes"/> in
    /// <paramref name="zone"/>, closed on <paramref name="holidays"/>.
    /// </summary>
    /// <param name="zone">The time zone (default Asia/Shanghai).</param>
    /// <param name="opens">When the day opens (default 09:00).</param>
    /// <param name="closes">When it closes (default 18:00); at or before <paramref name="opens"/> for hours past midnight.</param>
    /// <param name="holidays">Weekdays that are closed.</param>
    /// <returns>The calendar.</returns>
    public static BusinessCalendar Calendar(DateTimeZone? zone = null, LocalTime? opens = null, LocalTime? closes = null, params LocalDate[] holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var builder = BusinessCalendar.CreateBuilder(zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, opens ?? new LocalTime(9, 0), closes ?? new LocalTime(18, 0));
        }

        foreach (var holiday in holidays)
        {
            builder.AddHoliday(holiday);
        }

        return builder.Build();
    }

    /// <summary>A registered customer.</summary>
    /// <param name="id">The id (default <c>C-1</c>).</param>
    /// <param name="tier">The tier (default ordinary).</param>
    /// <param name="at">When registered (default <see cref="DefaultInstant"/>).</param>
    /// <returns>The customer.</returns>
    public static Customer Customer(string id = "C-1", ServiceTier? tier = null, Instant? at = null) =>
        Domain.Customers.Customer.Register(new CustomerId(id), "Test customer " + id, ContactDetails.None, tier ?? ServiceTier.Ordinary, new LocalDate(2020, 1, 1), at ?? DefaultInstant);

    /// <summary>An open ticket.</summary>
    /// <param name="id">The id (default <c>T-1</c>).</param>
    /// <param name="priority">The priority (default P3).</param>
    /// <param name="at">When opened (default <see cref="DefaultInstant"/>).</param>
    /// <param name="agreement">The agreement version it falls under, if any.</param>
    /// <param name="tier">The customer's tier (default ordinary).</param>
    /// <param name="kind">The kind (default a repair request).</param>
    /// <returns>The ticket, <see cref="TicketStatus.New"/>.</returns>
    public static Ticket Ticket(string id = "T-1", Priority priority = Priority.P3, Instant? at = null, AgreementReference? agreement = null, ServiceTier? tier = null, TicketKind kind = TicketKind.RepairRequest) =>
        Domain.Tickets.Ticket.Open(new TicketId(id), new CustomerId("C-1"), kind, Channel.Hotline, priority, new StaffId("owner"), tier ?? ServiceTier.Ordinary, at ?? DefaultInstant, agreement);

    /// <summary>A received complaint.</summary>
    /// <param name="id">The id (default <c>K-1</c>).</param>
    /// <param name="severity">The severity (default minor).</param>
    /// <param name="at">When received (default <see cref="DefaultInstant"/>).</param>
    /// <param name="claimedLoss">The loss claimed, if any.</param>
    /// <param name="category">The category (default delay).</param>
    /// <returns>The complaint, <see cref="ComplaintStatus.Received"/>.</returns>
    public static Complaint Complaint(string id = "K-1", Severity severity = Severity.Minor, Instant? at = null, Money? claimedLoss = null, ComplaintCategory category = ComplaintCategory.Delay) =>
        Domain.Complaints.Complaint.Receive(new ComplaintId(id), new CustomerId("C-1"), Channel.Hotline, category, severity, at ?? DefaultInstant, claimedLoss);

    /// <summary>A planned callback.</summary>
    /// <param name="id">The id (default <c>V-1</c>).</param>
    /// <param name="subject">What it follows up (default nothing).</param>
    /// <param name="due">When it is due (default a day after <paramref name="at"/>).</param>
    /// <param name="at">When planned (default <see cref="DefaultInstant"/>).</param>
    /// <returns>The visit, <see cref="VisitStatus.Planned"/>, with three attempts allowed.</returns>
    public static VisitRecord Visit(string id = "V-1", VisitSubject? subject = null, Instant? due = null, Instant? at = null)
    {
        var planned = at ?? DefaultInstant;
        return VisitRecord.Plan(new VisitId(id), new CustomerId("C-1"), subject ?? VisitSubject.None, VisitKind.PhoneCallback, due ?? planned + Duration.FromDays(1), 3, planned);
    }
}
