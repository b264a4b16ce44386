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
    /// <summary>
    /// How long a retry waits after the previous attempt (elapsed time); zero, the default, lets a retry follow at once.
    /// <see cref="CallbackPolicies.WithRetryInterval"/> sets it for every plan of a policy.
    /// </summary>
    public Duration RetryInterval { get; init; }

    /// <summary>Plans the visit, with the plan's <see cref="RetryInterval"/>.</summary>
    /// <param name="id">The visit's id, chosen by the host.</param>
    /// <param name="maxAttempts">How many attempts may be recorded.</param>
    /// <param name="now">When it is planned.</param>
    /// <returns>The planned visit.</returns>
    /// <exception cref="ArgumentException">An argument is missing or out of range.</exception>
    public VisitRecord ToVisit(VisitId id, int maxAttempts, Instant now) => VisitRecord.Plan(id, Customer, Subject, Kind, Due, maxAttempts, RetryInterval, now);
}
