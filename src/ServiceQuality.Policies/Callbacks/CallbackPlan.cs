using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Callbacks;

/// <summary>A callback or visit a policy asks for; the host turns it into a <see cref="VisitRecord"/> with its own id.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Subject">What it follows up.</param>
/// <param name="Kind">What kind of contact.</param>
/// <param name="Due">When it is due.</param>
/// <param name="ReasonCode">A stable code, such as <c>every-complaint</c> or <c>sample</c>.</param>
/// <param name="Description">The policy's description.</param>
public sealed record CallbackPlan(CustomerId Customer, VisitSubject Subject, VisitKind Kind, Instant Due, string ReasonCode, string Description)
{
    /// <summary>Plans the visit.</summary>
    /// <param name="id">The visit's id, chosen by the host.</param>
    /// <param name="maxAttempts">How many attempts may be recorded.</param>
    /// <param name="now">When it is planned.</param>
    /// <returns>The planned visit.</returns>
    public VisitRecord ToVisit(VisitId id, int maxAttempts, Instant now) => VisitRecord.Plan(id, Customer, Subject, Kind, Due, maxAttempts, now);
}
