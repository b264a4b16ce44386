using ServiceQuality.Domain.Agreements;

namespace ServiceDesk.Web;

/// <summary>Each metric as the promise a manager knows it by.</summary>
internal static class Promises
{
    public static string Of(Metric metric) => metric switch
    {
        Metric.FirstResponse => "First reply to the customer",
        Metric.NextResponse => "Keeping the customer informed",
        Metric.Resolution => "Fixing the problem",
        Metric.OnSiteArrival => "Arriving on site",
        Metric.ComplaintAcknowledgement => "Acknowledging a complaint",
        Metric.ComplaintResolution => "Settling a complaint",
        Metric.CallbackAfterClosing => "Calling the customer back",
        Metric.InvestigationDeadline => "Finishing an investigation on time",
        Metric.LossReport => "Reporting a claimed loss the same day",
        _ => metric.ToString(),
    };
}
