using NodaTime;

namespace ServiceQuality.Domain.Common;

/// <summary>Something that happened to an aggregate: every accepted command raises exactly one event.</summary>
public interface IDomainEvent
{
    /// <summary>When it happened: the <c>now</c> the command was given.</summary>
    Instant OccurredAt { get; }
}
