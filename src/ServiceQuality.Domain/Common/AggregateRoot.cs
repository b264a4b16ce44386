using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// What the aggregates share: an ordered history of events, the events not yet taken by the host, and the
/// rule that time never goes backwards. Only the aggregates of this library derive from it.
/// </summary>
/// <typeparam name="TEvent">The aggregate's event type.</typeparam>
/// <remarks>
/// Commands check every rule before they change anything, so a rejected command leaves the aggregate as it
/// was; an accepted one appends exactly one event to <see cref="History"/> and <see cref="UncommittedEvents"/>.
/// Aggregates are not thread-safe: a host serialises the commands of one case.
/// </remarks>
public abstract class AggregateRoot<TEvent>
    where TEvent : class, IDomainEvent
{
    private readonly List<TEvent> _history = [];
    private readonly List<TEvent> _uncommitted = [];

    private protected AggregateRoot()
    {
        History = new ReadOnlyCollection<TEvent>(_history);
        UncommittedEvents = new ReadOnlyCollection<TEvent>(_uncommitted);
    }

    /// <summary>Every event of the aggregate, oldest first: what happened to the case and when.</summary>
    public IReadOnlyList<TEvent> History { get; }

    /// <summary>Events raised since the host last took them, oldest first.</summary>
    public IReadOnlyList<TEvent> UncommittedEvents { get; }

    /// <summary>When the latest event happened; commands with an earlier <c>now</c> are refused.</summary>
    public Instant LastEventAt => _history[^1].OccurredAt;

    /// <summary>Returns the uncommitted events and forgets them (the host has stored or published them).</summary>
    /// <returns>The events raised since the last call, oldest first.</returns>
    public IReadOnlyList<TEvent> TakeUncommittedEvents()
    {
        var events = _uncommitted.ToArray();
        _uncommitted.Clear();
        return events;
    }

    private protected abstract void Apply(TEvent @event);

    private protected void Raise(TEvent @event)
    {
        Apply(@event);
        _history.Add(@event);
        _uncommitted.Add(@event);
    }

    /// <summary>Refuses a command dated before the latest event.</summary>
    private protected void EnsureTimeMovesForward(Instant now) =>
        Guard.Against.BeforeLastEvent(now, LastEventAt);

    /// <summary>Applies a stored history (no commands, no uncommitted events) after checking its order.</summary>
    private protected void Load(IEnumerable<TEvent> history, Func<TEvent, bool> isCreation, Func<TEvent, bool> isSameAggregate)
    {
        Guard.Against.Null(history);
        foreach (var @event in history)
        {
            Guard.Against.Null(@event, nameof(history));
            var first = _history.Count == 0;
            var creation = isCreation(@event);
            Guard.Against.InvalidArgument(first && !creation, nameof(history), $"A history must start with the creation event, not {@event.GetType().Name}.");
            Guard.Against.InvalidArgument(!first && creation, nameof(history), $"A history has exactly one creation event; found another {@event.GetType().Name}.");
            Guard.Against.InvalidArgument(!first && !isSameAggregate(@event), nameof(history), "Every event of a history must belong to the same aggregate.");
            Guard.Against.InvalidArgument(!first && @event.OccurredAt < LastEventAt, nameof(history), $"The history goes back in time at {@event.OccurredAt}.");
            Apply(@event);
            _history.Add(@event);
        }

        Guard.Against.InvalidArgument(_history.Count == 0, nameof(history), "A history must contain at least the creation event.");
    }
}
