using System.Text.Json;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Common;

namespace ServiceDesk.Web.Api;

/// <summary>
/// Turns every refusal into RFC 7807 problem details: a broken business rule is 409 (the case's state does not allow the
/// command now) or 422 (the request's values break a rule whatever the state), with the rule's code; a stale version is 409
/// <c>ConcurrencyConflict</c>; bad input (JSON, ids, values the domain's guards refuse) is 400 with where it is; an unknown
/// case is 404. Anything else is a bug, logged and answered 500 without details.
/// </summary>
internal sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    /// <summary>Rules about the state a case is in (409); every other rule is about the values asked for (422).</summary>
    private static readonly HashSet<RuleCode> StateRules =
    [
        RuleCode.CommandTimeMustNotPrecedeLastEvent, RuleCode.TransitionMustBeAllowed, RuleCode.TierChangeMustNotPrecedeCurrentTier,
        RuleCode.ThirdPartyReturnRequiresOpenReferral, RuleCode.OpenReferralMustBeReturnedToResume, RuleCode.OnSiteArrivalIsRecordedOnce,
        RuleCode.ThirdPartyReturnRequiresThirdPartyHold, RuleCode.MergedComplaintAcceptsNoCommands, RuleCode.EscalationLevelMustIncrease,
        RuleCode.ClosingRequiresVerdict, RuleCode.ClosingRequiresCompletedCallback, RuleCode.VisitAttemptsMustNotExceedMaximum,
        RuleCode.RefusedVisitAcceptsNoFurtherContact, RuleCode.VisitRetryMustWaitInterval, RuleCode.VisitCompletionRequiresReachedCustomer,
        RuleCode.PublishedAgreementIsFrozen,
    ];

    public static int StatusOf(RuleCode rule) => StateRules.Contains(rule) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            if (problem.Status == StatusCodes.Status500InternalServerError)
            {
                LogUnexpected(logger, e, context.Request.Method, context.Request.Path);
            }

            if (context.Response.HasStarted)
            {
                throw;
            }

            context.Response.Clear();
            context.Response.StatusCode = problem.Status;
            await context.Response.WriteAsJsonAsync(problem with { Instance = context.Request.Path }, Json.Problems, "application/problem+json");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);

    private static ProblemDetail? Problem(Exception exception) => exception switch
    {
        DomainRuleViolationException e => new ProblemDetail(
            $"urn:servicequality:rule:{e.Rule}", "A business rule refused the command", StatusOf(e.Rule), e.Message) { Rule = e.Rule.ToString() },
        ConcurrencyConflictException e => new ProblemDetail(
            "urn:servicequality:rule:ConcurrencyConflict", "The case changed since it was read", StatusCodes.Status409Conflict, e.Message)
        {
            Rule = "ConcurrencyConflict",
            ExpectedVersion = e.ExpectedVersion,
            ActualVersion = e.ActualVersion,
        },
        RequestProblemException e => new ProblemDetail($"urn:servicequality:problem:{e.Code}", e.Code, e.Status, e.Message) { Rule = e.Code, Location = e.Location },
        JsonException e => new ProblemDetail("urn:servicequality:problem:InvalidJson", "The body is not valid for this request", StatusCodes.Status400BadRequest, e.Message)
        {
            Rule = "InvalidJson",
            Location = e.Path ?? "$",
            Line = e.LineNumber + 1,
            Column = e.BytePositionInLine + 1,
        },
        BadHttpRequestException e => new ProblemDetail("urn:servicequality:problem:BadRequest", "The request is not valid", e.StatusCode, e.Message) { Rule = "BadRequest" },

        // The domain's guards: a blank text, an undefined enum value, a default id, a negative amount.
        ArgumentException e => new ProblemDetail("urn:servicequality:problem:InvalidArgument", "A value of the request is not valid", StatusCodes.Status400BadRequest, e.Message)
        {
            Rule = "InvalidArgument",
            Location = e.ParamName,
        },
        OperationCanceledException => null,
        _ => new ProblemDetail("urn:servicequality:problem:Unexpected", "Unexpected failure", StatusCodes.Status500InternalServerError, "The failure is logged."),
    };
}

/// <summary>RFC 7807 problem details with the desk's extensions.</summary>
internal sealed record ProblemDetail(string Type, string Title, int Status, string Detail)
{
    public string? Instance { get; init; }

    /// <summary>The broken rule's code (a <see cref="RuleCode"/> name) or the host's own problem code.</summary>
    public string? Rule { get; init; }

    /// <summary>Where the bad input is: a JSON path, a route value or a parameter.</summary>
    public string? Location { get; init; }

    public long? Line { get; init; }

    public long? Column { get; init; }

    public int? ExpectedVersion { get; init; }

    public int? ActualVersion { get; init; }
}
