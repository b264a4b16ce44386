namespace ServiceDesk.Web.Api;

/// <summary>A request the host refuses before any rule is asked: bad input (400), an unknown case (404), a precondition.</summary>
internal sealed class RequestProblemException(int status, string code, string detail, string? location = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Location { get; } = location;

    public static RequestProblemException NotFound(string what, string id) => new(StatusCodes.Status404NotFound, "NotFound", $"There is no {what} '{id}'.");
}
