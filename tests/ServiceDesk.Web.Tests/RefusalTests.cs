using System.Net;
using NodaTime;
using ServiceDesk.Web.Api;
using ServiceQuality.Domain.Common;

namespace ServiceDesk.Web.Tests;

/// <summary>Every refusal the endpoints can meet: its status code and its rule code, as RFC 7807 problem details.</summary>
public sealed class RefusalTests(SharedDesk shared) : IClassFixture<SharedDesk>
{
    private DeskFactory Host => shared.Factory;

    private async Task Ok(string path, object? body = null)
    {
        Host.Clock.Advance(Duration.FromMinutes(1));
        var response = await Host.PostAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task Refused(string path, object? body, HttpStatusCode status, string rule)
    {
        Host.Clock.Advance(Duration.FromMinutes(1));
        await Desk.ProblemAsync(await Host.PostAsync(path, body), status, rule);
    }

    private async Task<string> NewTicket(string id, string? state = null)
    {
        await Host.PostAsync("/customers", Desk.Customer("C-R"));
        if ((await Host.CreateClient().GetAsync($"/tickets/{id}")).IsSuccessStatusCode)
        {
            return $"/tickets/{id}";
        }

        await Ok("/tickets", Desk.Ticket(id, "C-R", onSite: true));
        if (state is "assigned" or "in-progress" or "referred")
        {
            await Ok($"/tickets/{id}/assign", new { assignee = "staff-02" });
        }

        if (state is "in-progress" or "referred")
        {
            await Ok($"/tickets/{id}/start");
        }

        if (state is "referred")
        {
            await Ok($"/tickets/{id}/refer", new { party = "vendor" });
        }

        return $"/tickets/{id}";
    }

    [Fact]
    public async Task TicketCommands_WhenTheStateForbidsThem_Answer409WithTheRule()
    {
        var fresh = await NewTicket("T-R1");
        await Refused($"{fresh}/close", null, HttpStatusCode.Conflict, nameof(RuleCode.TransitionMustBeAllowed));
        await Refused($"{fresh}/resume", null, HttpStatusCode.Conflict, nameof(RuleCode.TransitionMustBeAllowed));

        var referred = await NewTicket("T-R2", "referred");
        await Refused($"{referred}/resume", null, HttpStatusCode.Conflict, nameof(RuleCode.OpenReferralMustBeReturnedToResume));

        var working = await NewTicket("T-R3", "in-progress");
        await Refused($"{working}/return", new { result = "done" }, HttpStatusCode.Conflict, nameof(RuleCode.TransitionMustBeAllowed));
        await Ok($"{working}/arrive", new { by = "staff-02" });
        await Refused($"{working}/arrive", new { by = "staff-02" }, HttpStatusCode.Conflict, nameof(RuleCode.OnSiteArrivalIsRecordedOnce));
        await Ok($"{working}/hold", new { reason = "WaitingForCustomer" });
        await Refused($"{working}/return", new { result = "done" }, HttpStatusCode.Conflict, nameof(RuleCode.ThirdPartyReturnRequiresThirdPartyHold));
        await Ok($"{working}/resume");
        await Ok($"{working}/hold", new { reason = "WaitingForThirdParty" });
        await Refused($"{working}/return", new { result = "done" }, HttpStatusCode.Conflict, nameof(RuleCode.ThirdPartyReturnRequiresOpenReferral));
    }

    [Fact]
    public async Task TicketCommands_WhenTheValuesBreakARule_Answer422WithTheRule()
    {
        var assigned = await NewTicket("T-R4", "assigned");
        await Refused($"{assigned}/transfer", new { to = "staff-02" }, HttpStatusCode.UnprocessableEntity, nameof(RuleCode.TransferMustChangeAssignee));
        await Refused($"{assigned}/priority", new { priority = "P3" }, HttpStatusCode.UnprocessableEntity, nameof(RuleCode.PriorityChangeMustChangePriority));
    }

    [Fact]
    public async Task Commands_WhenTheClockIsBeforeTheLastEvent_Answer409()
    {
        var ticket = await NewTicket("T-R5");
        Host.Clock.Advance(Duration.FromHours(-1));
        await Desk.ProblemAsync(await Host.PostAsync($"{ticket}/assign", new { assignee = "staff-02" }), HttpStatusCode.Conflict, nameof(RuleCode.CommandTimeMustNotPrecedeLastEvent));
        Host.Clock.Advance(Duration.FromHours(1));
    }

    [Fact]
    public async Task ComplaintCommands_WhenRefused_AnswerTheRule()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-R"));
        await Host.PostAsync("/customers", Desk.Customer("C-R2"));
        await Ok("/complaints", Desk.Complaint("K-R1", "C-R"));
        await Refused("/complaints/K-R1/decide", new { outcome = "Substantiated", reason = "x", decidedBy = "staff-31" }, HttpStatusCode.Conflict, nameof(RuleCode.TransitionMustBeAllowed));
        await Ok("/complaints/K-R1/register");
        var past = (Host.Clock.GetCurrentInstant() - Duration.FromDays(1)).ToString();
        await Refused("/complaints/K-R1/investigate", new { department = "repairs", person = "staff-31", deadline = past }, HttpStatusCode.UnprocessableEntity,
            nameof(RuleCode.InvestigationDeadlineMustNotPrecedeAssignment));
        await Refused("/complaints/K-R1/merge", new { duplicate = "K-R1" }, HttpStatusCode.UnprocessableEntity, nameof(RuleCode.ComplaintCannotMergeIntoItself));
        await Ok("/complaints", Desk.Complaint("K-R2", "C-R2"));
        await Refused("/complaints/K-R1/merge", new { duplicate = "K-R2" }, HttpStatusCode.UnprocessableEntity, nameof(RuleCode.MergedComplaintsMustShareCustomer));
        await Refused("/complaints/K-R1/merge", new { duplicate = "K-404" }, HttpStatusCode.UnprocessableEntity, "UnknownDuplicate");
        await Refused("/complaints/K-R1/compensate", new { amount = new { amount = 0, currency = "CNY" } }, HttpStatusCode.UnprocessableEntity,
            nameof(RuleCode.CompensationMustBePositiveInOneCurrency));

        await Ok("/complaints", Desk.Complaint("K-R3", "C-R"));
        await Ok("/complaints/K-R1/merge", new { duplicate = "K-R3" });
        await Refused("/complaints/K-R3/register", null, HttpStatusCode.Conflict, nameof(RuleCode.MergedComplaintAcceptsNoCommands));

        await Ok("/complaints", Desk.Complaint("K-R4", "C-R"));
        await Ok("/complaints/K-R4/register");
        var deadline = (Host.Clock.GetCurrentInstant() + Duration.FromDays(3)).ToString();
        await Ok("/complaints/K-R4/investigate", new { department = "repairs", person = "staff-31", deadline });
        await Ok("/complaints/K-R4/respond", new { reply = "Sorry.", remedy = "Repair." });
        await Ok("/complaints/K-R4/resolve");
        await Refused("/complaints/K-R4/close", null, HttpStatusCode.Conflict, nameof(RuleCode.ClosingRequiresVerdict));
        await Ok("/complaints/K-R4/decide", new { outcome = "Unsubstantiated", reason = "no fault found", decidedBy = "staff-31" });
        await Refused("/complaints/K-R4/close", null, HttpStatusCode.Conflict, nameof(RuleCode.ClosingRequiresCompletedCallback));
    }

    [Fact]
    public async Task VisitCommands_WhenRefused_AnswerTheRule()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-R"));
        var due = (Host.Clock.GetCurrentInstant() + Duration.FromDays(2)).ToString();
        await Ok("/visits", new { id = "V-R1", customer = "C-R", kind = "PhoneCallback", due, maxAttempts = 1 });
        await Ok("/visits/V-R1/attempts", new { outcome = "NoAnswer" });
        await Refused("/visits/V-R1/complete", new { overall = "Satisfied", performedBy = "staff-01" }, HttpStatusCode.Conflict, nameof(RuleCode.VisitCompletionRequiresReachedCustomer));
        await Refused("/visits/V-R1/attempts", new { outcome = "Reached" }, HttpStatusCode.Conflict, nameof(RuleCode.VisitAttemptsMustNotExceedMaximum));

        await Ok("/visits", new { id = "V-R2", customer = "C-R", kind = "PhoneCallback", due, maxAttempts = 3 });
        await Ok("/visits/V-R2/attempts", new { outcome = "Refused" });
        await Refused("/visits/V-R2/attempts", new { outcome = "Reached" }, HttpStatusCode.Conflict, nameof(RuleCode.RefusedVisitAcceptsNoFurtherContact));

        await Ok("/visits", new { id = "V-R3", customer = "C-R", kind = "PhoneCallback", due, maxAttempts = 3, retryInterval = "01:00:00" });
        await Ok("/visits/V-R3/attempts", new { outcome = "Busy" });
        await Refused("/visits/V-R3/attempts", new { outcome = "Reached" }, HttpStatusCode.Conflict, nameof(RuleCode.VisitRetryMustWaitInterval));
    }

    [Fact]
    public async Task Requests_WhenTheHostRefusesThem_AnswerTheirProblem()
    {
        await Host.PostAsync("/customers", Desk.Customer("C-R"));
        await Refused("/customers", Desk.Customer("C-R"), HttpStatusCode.Conflict, "CaseAlreadyExists");
        await Refused("/tickets", Desk.Ticket("T-R6", "C-404"), HttpStatusCode.UnprocessableEntity, "CustomerMustBeRegistered");
        await Refused("/tickets/T-404/assign", new { assignee = "staff-02" }, HttpStatusCode.NotFound, "NotFound");
        await Desk.ProblemAsync(await Host.CreateClient().GetAsync("/complaints/K-404"), HttpStatusCode.NotFound, "NotFound");
        await Refused("/visits", new { id = "V-R9", customer = "C-R", kind = "PhoneCallback", due = "2025-01-25T00:00:00Z", maxAttempts = 1, ticket = "T-1", complaint = "K-1" },
            HttpStatusCode.BadRequest, "InvalidArgument");

        var ticket = await NewTicket("T-R6");
        await Refused("/tickets", Desk.Ticket("T-R6", "C-R"), HttpStatusCode.Conflict, "CaseAlreadyExists");
        await Desk.ProblemAsync(await Host.PostAsync($"{ticket}/assign", new { assignee = "staff-02" }, ifMatch: 7), HttpStatusCode.Conflict, "ConcurrencyConflict");
    }

    [Theory]
    [InlineData("/tickets/T-R7/assign", "{\"assignee\":", "InvalidJson", "$.assignee")]
    [InlineData("/tickets/T-R7/assign", "{\"assignee\":\"staff-02\",\"extra\":1}", "InvalidJson", "$.extra")]
    [InlineData("/tickets/T-R7/assign", "{}", "InvalidJson", "$")]
    [InlineData("/tickets/T-R7/assign", "{\"assignee\":null}", "InvalidJson", "$.assignee")]
    [InlineData("/tickets/T-R7/assign", "{\"assignee\":\"\"}", "InvalidJson", "$.assignee")]
    [InlineData("/tickets/T-R7/priority", "{\"priority\":\"P9\"}", "InvalidJson", "$.priority")]
    [InlineData("/tickets/T-R7/refer", "{\"party\":\"   \"}", "InvalidArgument", "party")]
    [InlineData("/tickets/T-R7/hold", "{\"reason\":\"\"}", "InvalidArgument", "code")]
    [InlineData("/tickets/T-R7/assign", "null", "InvalidJson", "$")]
    [InlineData("/tickets/T-R7/assign", "[1,2]", "InvalidJson", "$")]
    [InlineData("/tickets/%01/assign", "{\"assignee\":\"staff-02\"}", "InvalidId", "route:id")]
    [InlineData("/tickets/T-R7/assign", "", "InvalidJson", "$")]
    public async Task BadInput_WhenSent_Answers400WithTheLocation(string path, string body, string rule, string location)
    {
        await NewTicket("T-R7");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await Desk.ProblemAsync(await Host.CreateClient().PostAsync(path, content), HttpStatusCode.BadRequest, rule);
        Assert.Equal(location, (string?)problem["location"]);
    }

    [Fact]
    public void EveryRule_HasAStatus_409ForTheCaseState_Or422ForTheValues()
    {
        foreach (var rule in Enum.GetValues<RuleCode>())
        {
            Assert.Contains(ProblemMiddleware.StatusOf(rule), new[] { 409, 422 });
        }

        Assert.Equal(409, ProblemMiddleware.StatusOf(RuleCode.TransitionMustBeAllowed));
        Assert.Equal(422, ProblemMiddleware.StatusOf(RuleCode.TransferMustChangeAssignee));
    }
}
