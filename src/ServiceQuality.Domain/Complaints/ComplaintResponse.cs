using NodaTime;

namespace ServiceQuality.Domain.Complaints;

/// <summary>The reply given to the customer and the remedy offered.</summary>
/// <param name="Reply">What the customer was told.</param>
/// <param name="Remedy">What will be or was done to put things right.</param>
/// <param name="RespondedAt">When.</param>
public sealed record ComplaintResponse(string Reply, string Remedy, Instant RespondedAt);
