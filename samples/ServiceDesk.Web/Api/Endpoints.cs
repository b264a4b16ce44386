using System.Globalization;
using NodaTime;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceDesk.Web.Api;

/// <summary>
/// The minimal API: one POST per command, one GET per case. A command loads the case from the store, checks the
/// <c>If-Match</c> version when the client sends one, runs the aggregate's command at the clock's now, appends the new
/// events after the version it read (a concurrent writer makes that a 409 <c>ConcurrencyConflict</c>), and answers the
/// case with its SLA statuses, its escalation track and its version (also as the <c>ETag</c>).
/// </summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/customers", RegisterCustomerAsync);
        app.MapGet("/customers/{id}", async (string id, Desk desk, HttpContext http) =>
        {
            var customer = await desk.Repository.FindAsync(Ids.Customer(id)) ?? throw RequestProblemException.NotFound("customer", id);
            return Answer(http, customer.StreamVersion, CustomerView.Of(customer));
        });

        MapTickets(app);
        MapComplaints(app);
        MapVisits(app);
    }

    private static void MapTickets(IEndpointRouteBuilder app)
    {
        app.MapPost("/tickets", OpenTicketAsync);
        app.MapGet("/tickets/{id}", async (string id, Desk desk, HttpContext http) =>
        {
            var ticket = await desk.Repository.FindAsync(Ids.Ticket(id)) ?? throw RequestProblemException.NotFound("ticket", id);
            return AnswerTicket(http, desk, ticket, desk.Now);
        });

        OnTicket<AssignTicket>(app, "assign", (t, b, now) => t.Assign(b.Assignee, b.Department, now));
        OnTicket<TransferTicket>(app, "transfer", (t, b, now) => t.Transfer(b.To, b.Department, now));
        OnTicket<RespondToTicket>(app, "respond", (t, b, now) => t.RecordResponse(b.By, b.IsPublic, now));
        OnTicket<NoBody>(app, "start", (t, _, now) => t.StartWork(now));
        OnTicket<ByStaff>(app, "arrive", (t, b, now) => t.RecordOnSiteArrival(b.By, now));
        OnTicket<ReferTicket>(app, "refer", (t, b, now) => t.ReferToThirdParty(b.Party, now));
        OnTicket<ReturnFromThirdParty>(app, "return", (t, b, now) => t.RecordThirdPartyReturn(b.Result, now));
        OnTicket<HoldTicket>(app, "hold", (t, b, now) => t.Hold(new HoldReason(b.Reason), now));
        OnTicket<NoBody>(app, "resume", (t, _, now) => t.Resume(now));
        OnTicket<ChangePriority>(app, "priority", (t, b, now) => t.ChangePriority(b.Priority, now));
        OnTicket<ByStaff>(app, "resolve", (t, b, now) => t.Resolve(b.By, now));
        OnTicket<WithReason>(app, "reopen", (t, b, now) => t.Reopen(b.Reason, now));
        OnTicket<NoBody>(app, "close", (t, _, now) => t.Close(now));
        OnTicket<WithReason>(app, "cancel", (t, b, now) => t.Cancel(b.Reason, now));
    }

    private static void MapComplaints(IEndpointRouteBuilder app)
    {
        app.MapPost("/complaints", ReceiveComplaintAsync);
        app.MapGet("/complaints/{id}", async (string id, Desk desk, HttpContext http) =>
        {
            var complaint = await desk.Repository.FindAsync(Ids.Complaint(id)) ?? throw RequestProblemException.NotFound("complaint", id);
            return AnswerComplaint(http, desk, complaint, desk.Now);
        });

        OnComplaint<NoBody>(app, "register", (c, _, now) => c.Register(now));
        OnComplaint<InvestigateComplaint>(app, "investigate", (c, b, now) => c.AssignInvestigation(b.Department, b.Person, b.Deadline, now));
        OnComplaint<RespondToComplaint>(app, "respond", (c, b, now) => c.Respond(b.Reply, b.Remedy, now));
        OnComplaint<NoBody>(app, "resolve", (c, _, now) => c.Resolve(now));
        OnComplaint<DecideComplaint>(app, "decide", (c, b, now) => c.RecordVerdict(b.Outcome, b.Reason, b.DecidedBy, now));
        OnComplaint<CallBack>(app, "callback", (c, b, now) => c.RecordCallback(b.Satisfied, now));
        OnComplaint<WithReason>(app, "waive-callback", (c, b, now) => c.WaiveCallback(b.Reason, now));
        OnComplaint<Compensate>(app, "compensate", (c, b, now) => c.RecordCompensation(b.Amount, now));
        OnComplaint<NoBody>(app, "close", (c, _, now) => c.Close(now));
        OnComplaint<WithReason>(app, "withdraw", (c, b, now) => c.Withdraw(b.Reason, now));
        app.MapPost("/complaints/{id}/merge", MergeComplaintAsync);
    }

    private static void MapVisits(IEndpointRouteBuilder app)
    {
        app.MapPost("/visits", PlanVisitAsync);
        app.MapGet("/visits/{id}", async (string id, Desk desk, HttpContext http) =>
        {
            var visit = await desk.Repository.FindAsync(Ids.Visit(id)) ?? throw RequestProblemException.NotFound("visit", id);
            return Answer(http, visit.StreamVersion, VisitView.Of(visit));
        });

        OnVisit<RecordAttempt>(app, "attempts", (v, b, now) => v.RecordAttempt(b.Outcome, now));
        OnVisit<CompleteVisit>(app, "complete", (v, b, now) => v.Complete(b.Overall, b.Dimensions, b.Comment, b.PerformedBy, now));
        OnVisit<NoBody>(app, "missed", (v, _, now) => v.MarkMissed(now));
        OnVisit<WithReason>(app, "cancel", (v, b, now) => v.Cancel(b.Reason, now));
    }

    private static async Task<IResult> RegisterCustomerAsync(HttpContext http, Desk desk)
    {
        var body = await Json.ReadAsync<RegisterCustomer>(http.Request);
        var customer = Customer.Register(body.Id, body.Name, new ContactDetails(body.Phone, body.Email, body.Address), body.Tier, body.CustomerSince, desk.Now);
        await Create(desk, CaseRepository.StreamOf(body.Id), "customer", body.Id.Value, () => desk.Repository.SaveAsync(customer));
        desk.Board.Put(customer);
        return Created(http, $"/customers/{body.Id.Value}", customer.StreamVersion, CustomerView.Of(customer));
    }

    private static async Task<IResult> OpenTicketAsync(HttpContext http, Desk desk)
    {
        var body = await Json.ReadAsync<OpenTicket>(http.Request);
        var customer = await KnownCustomerAsync(desk, body.Customer);
        var now = desk.Now;
        var (sla, others) = desk.Definitions.Choose(CaseProfile.ForTicket(customer.Tier, body.Customer, body.Kind, body.Channel, body.Priority), now);
        var ticket = Ticket.Open(
            body.Id, body.Customer, body.Kind, body.Channel, body.Priority, body.FirstContactOwner, customer.Tier, now, sla,
            body.RequiresOnSiteVisit, body.ClaimedLoss, others);
        await Create(desk, CaseRepository.StreamOf(body.Id), "ticket", body.Id.Value, () => desk.Repository.SaveAsync(ticket));
        var assessment = desk.Assess(ticket, now);
        desk.Changed(ticket, assessment, now);
        return Created(http, $"/tickets/{body.Id.Value}", ticket.StreamVersion, TicketView.Of(ticket, assessment, now, desk.Definitions));
    }

    private static async Task<IResult> ReceiveComplaintAsync(HttpContext http, Desk desk)
    {
        var body = await Json.ReadAsync<ReceiveComplaint>(http.Request);
        var customer = await KnownCustomerAsync(desk, body.Customer);
        var now = desk.Now;
        var (sla, others) = desk.Definitions.Choose(CaseProfile.ForComplaint(customer.Tier, body.Customer, body.Category, body.Channel, body.Severity), now);
        var complaint = Complaint.Receive(
            body.Id, body.Customer, body.Channel, body.Category, body.Severity, now, body.ClaimedLoss, body.AgainstStaff, body.AgainstDepartment, body.RelatedTicket,
            body.CallbackRequired, customer.Tier, sla, others);
        await Create(desk, CaseRepository.StreamOf(body.Id), "complaint", body.Id.Value, () => desk.Repository.SaveAsync(complaint));
        var assessment = desk.Assess(complaint, now);
        desk.Changed(complaint, assessment, now);
        return Created(http, $"/complaints/{body.Id.Value}", complaint.StreamVersion, ComplaintView.Of(complaint, assessment, now, desk.Definitions));
    }

    private static async Task<IResult> MergeComplaintAsync(string id, HttpContext http, Desk desk)
    {
        var complaintId = Ids.Complaint(id);
        var body = await Json.ReadAsync<MergeComplaint>(http.Request);
        var complaint = await desk.Repository.FindAsync(complaintId) ?? throw RequestProblemException.NotFound("complaint", id);
        CheckIfMatch(http, complaint.StreamVersion);
        var duplicate = await desk.Repository.FindAsync(body.Duplicate)
            ?? throw new RequestProblemException(StatusCodes.Status422UnprocessableEntity, "UnknownDuplicate", $"There is no complaint '{body.Duplicate.Value}' to merge.", "$.duplicate");
        var now = desk.Now;
        complaint.Merge(duplicate, now);

        // Both streams change in one transaction: the survivor records the duplicate, the duplicate records the merge.
        await desk.Repository.SaveAsync(complaint, duplicate);
        desk.Changed(duplicate);
        desk.Changed(complaint);
        return AnswerComplaint(http, desk, complaint, now);
    }

    private static async Task<IResult> PlanVisitAsync(HttpContext http, Desk desk)
    {
        var body = await Json.ReadAsync<PlanVisit>(http.Request);
        await KnownCustomerAsync(desk, body.Customer);
        var subject = (body.Ticket, body.Complaint) switch
        {
            ({ } ticket, null) => VisitSubject.ForTicket(ticket),
            (null, { } complaint) => VisitSubject.ForComplaint(complaint),
            (null, null) => VisitSubject.None,
            _ => throw new RequestProblemException(StatusCodes.Status400BadRequest, "InvalidArgument", "A visit is about a ticket or a complaint, not both.", "$.complaint"),
        };
        var visit = VisitRecord.Plan(body.Id, body.Customer, subject, body.Kind, body.Due, body.MaxAttempts, body.RetryInterval ?? Duration.Zero, desk.Now);
        await Create(desk, CaseRepository.StreamOf(body.Id), "visit", body.Id.Value, () => desk.Repository.SaveAsync(visit));
        return Created(http, $"/visits/{body.Id.Value}", visit.StreamVersion, VisitView.Of(visit));
    }

    private static void OnTicket<TBody>(IEndpointRouteBuilder app, string command, Action<Ticket, TBody, Instant> act)
        where TBody : class =>
        app.MapPost($"/tickets/{{id}}/{command}", async (string id, HttpContext http, Desk desk) =>
        {
            var ticketId = Ids.Ticket(id);
            var body = await ReadBodyAsync<TBody>(http);
            var ticket = await desk.Repository.FindAsync(ticketId) ?? throw RequestProblemException.NotFound("ticket", id);
            CheckIfMatch(http, ticket.StreamVersion);
            var now = desk.Now;
            act(ticket, body, now);
            await desk.Repository.SaveAsync(ticket);
            var assessment = desk.Assess(ticket, now);
            desk.Changed(ticket, assessment, now);
            return Answer(http, ticket.StreamVersion, TicketView.Of(ticket, assessment, now, desk.Definitions));
        });

    private static void OnComplaint<TBody>(IEndpointRouteBuilder app, string command, Action<Complaint, TBody, Instant> act)
        where TBody : class =>
        app.MapPost($"/complaints/{{id}}/{command}", async (string id, HttpContext http, Desk desk) =>
        {
            var complaintId = Ids.Complaint(id);
            var body = await ReadBodyAsync<TBody>(http);
            var complaint = await desk.Repository.FindAsync(complaintId) ?? throw RequestProblemException.NotFound("complaint", id);
            CheckIfMatch(http, complaint.StreamVersion);
            var now = desk.Now;
            act(complaint, body, now);
            await desk.Repository.SaveAsync(complaint);
            var assessment = desk.Assess(complaint, now);
            desk.Changed(complaint, assessment, now);
            return Answer(http, complaint.StreamVersion, ComplaintView.Of(complaint, assessment, now, desk.Definitions));
        });

    private static void OnVisit<TBody>(IEndpointRouteBuilder app, string command, Action<VisitRecord, TBody, Instant> act)
        where TBody : class =>
        app.MapPost($"/visits/{{id}}/{command}", async (string id, HttpContext http, Desk desk) =>
        {
            var visitId = Ids.Visit(id);
            var body = await ReadBodyAsync<TBody>(http);
            var visit = await desk.Repository.FindAsync(visitId) ?? throw RequestProblemException.NotFound("visit", id);
            CheckIfMatch(http, visit.StreamVersion);
            act(visit, body, desk.Now);
            await desk.Repository.SaveAsync(visit);
            return Answer(http, visit.StreamVersion, VisitView.Of(visit));
        });

    private static Task<TBody> ReadBodyAsync<TBody>(HttpContext http)
        where TBody : class =>
        typeof(TBody) == typeof(NoBody) ? Json.ReadAsync(http.Request, (TBody)(object)new NoBody()) : Json.ReadAsync<TBody>(http.Request);

    private static async Task<Customer> KnownCustomerAsync(Desk desk, CustomerId id) =>
        await desk.Repository.FindAsync(id)
        ?? throw new RequestProblemException(StatusCodes.Status422UnprocessableEntity, "CustomerMustBeRegistered", $"There is no customer '{id.Value}'; register the customer first.", "$.customer");

    /// <summary>Stores a new stream; one that exists already is a 409 <c>CaseAlreadyExists</c>, never a second case under the same id.</summary>
    private static async Task Create(Desk desk, string stream, string what, string id, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (ConcurrencyConflictException e) when (e.Stream == stream)
        {
            throw new RequestProblemException(StatusCodes.Status409Conflict, "CaseAlreadyExists", $"There is already a {what} '{id}'.", "$.id");
        }
    }

    /// <summary>A client that read version n sends <c>If-Match: "n"</c>; any other stored version refuses the command before it runs.</summary>
    private static void CheckIfMatch(HttpContext http, int version)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (header.Length == 0 || header == "*")
        {
            return;
        }

        if (!int.TryParse(header.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, "InvalidIfMatch", "If-Match holds a version the desk gave, as \"n\".", "header:If-Match");
        }

        if (expected != version)
        {
            throw new ConcurrencyConflictException(http.Request.Path.Value ?? string.Empty, expected, version);
        }
    }

    private static IResult AnswerTicket(HttpContext http, Desk desk, Ticket ticket, Instant now) =>
        Answer(http, ticket.StreamVersion, TicketView.Of(ticket, desk.Assess(ticket, now), now, desk.Definitions));

    private static IResult AnswerComplaint(HttpContext http, Desk desk, Complaint complaint, Instant now) =>
        Answer(http, complaint.StreamVersion, ComplaintView.Of(complaint, desk.Assess(complaint, now), now, desk.Definitions));

    private static IResult Answer<T>(HttpContext http, int version, T view)
    {
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
        return Results.Json(view, Json.Api);
    }

    private static IResult Created<T>(HttpContext http, string location, int version, T view)
    {
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
        http.Response.Headers.Location = location;
        return Results.Json(view, Json.Api, statusCode: StatusCodes.Status201Created);
    }
}
