using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Visits.Events;

/// <summary>Something that happened to a <see cref="VisitRecord"/>.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record VisitEvent(VisitId VisitId, Instant OccurredAt) : IDomainEvent;

/// <summary>A visit was planned.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When it was planned.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Subject">What it follows up.</param>
/// <param name="Kind">What kind of contact.</param>
/// <param name="Due">When it is due.</param>
/// <param name="MaxAttempts">How many attempts may be recorded.</param>
public sealed record VisitPlanned(VisitId VisitId, Instant OccurredAt, CustomerId Customer, VisitSubject Subject, VisitKind Kind, Instant Due, int MaxAttempts)
    : VisitEvent(VisitId, OccurredAt)
{
    /// <summary>
    /// How long a retry waits after the previous attempt (elapsed time, not business time); not negative. Zero, the
    /// default and what a visit planned without one has, lets a retry follow at once.
    /// </summary>
    public Duration RetryInterval { get; init; }
}

/// <summary>An attempt to reach the customer was recorded.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Outcome">How it went.</param>
public sealed record VisitAttemptRecorded(VisitId VisitId, Instant OccurredAt, AttemptOutcome Outcome) : VisitEvent(VisitId, OccurredAt);

/// <summary>The visit was completed with the customer's ratings.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Overall">The overall rating.</param>
/// <param name="Dimensions">Ratings per named dimension (reception, repair, callback work, ...).</param>
/// <param name="Comment">The customer's comment, if any.</param>
/// <param name="PerformedBy">Who performed it.</param>
public sealed record VisitCompleted(
    VisitId VisitId, Instant OccurredAt, SatisfactionRating Overall, IReadOnlyDictionary<string, SatisfactionRating> Dimensions, string? Comment, StaffId PerformedBy)
    : VisitEvent(VisitId, OccurredAt)
{
    /// <summary>Whether <paramref name="other"/> holds equal members, the dimensions compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(VisitCompleted? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && base.Equals(other)
            && Overall == other.Overall
            && ContentEquality.Equal(Dimensions, other.Dimensions)
            && Comment == other.Comment
            && PerformedBy == other.PerformedBy);

    /// <summary>A hash code consistent with <see cref="Equals(VisitCompleted)"/>: the dimensions hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Overall, ContentEquality.Hash(Dimensions), Comment, PerformedBy);

    /// <summary>Prints the members for <c>ToString</c>, with the comment masked as personal data and the dimensions listed in order.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Overall = {Overall}, Dimensions = [{string.Join(", ", Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {d.Value}"))}]");
        builder.Append(CultureInfo.InvariantCulture, $", Comment = {PersonalData.Text(Comment)}, PerformedBy = {PerformedBy}");
        return true;
    }
}

/// <summary>The visit was missed.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When.</param>
public sealed record VisitMissed(VisitId VisitId, Instant OccurredAt) : VisitEvent(VisitId, OccurredAt);

/// <summary>The visit was cancelled.</summary>
/// <param name="VisitId">The visit.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record VisitCancelled(VisitId VisitId, Instant OccurredAt, string Reason) : VisitEvent(VisitId, OccurredAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(CultureInfo.InvariantCulture, $", Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}
