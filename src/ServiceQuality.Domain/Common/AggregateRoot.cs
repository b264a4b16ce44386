using System.Collections.ObjectModel;
using System.Globalization;
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
    // The uncommitted events are the history's last ones, from _committed on: one list per aggregate, not two (a replay
    // of a million events keeps every case, so each list, array and wrapper per aggregate counts). The read-only views
    // are made when first asked for.
    private readonly List<TEvent> _history = [];
    private int _committed;
    private ReadOnlyCollection<TEvent>? _historyView;
    private UncommittedView? _uncommittedView;

    private protected AggregateRoot()
    {
    }

    /// <summary>Every event of the aggregate, oldest first: what happened to the case and when.</summary>
    public IReadOnlyList<TEvent> History => _historyView ??= new ReadOnlyCollection<TEvent>(_history);

    /// <summary>Events raised since the host last took them, oldest first.</summary>
    public IReadOnlyList<TEvent> UncommittedEvents => _uncommittedView ??= new UncommittedView(this);

    /// <summary>
    /// The version of the aggregate's event stream: the number of events applied, that is <see cref="History"/>'s count
    /// (1 after the creation event). It is what a host's event store compares for optimistic concurrency: the events in
    /// <see cref="UncommittedEvents"/> are appended to a stream expected to be at
    /// <c>StreamVersion - UncommittedEvents.Count</c>, and the stream is at <see cref="StreamVersion"/> afterwards.
    /// </summary>
    /// <remarks>
    /// Not to be confused with <c>ServiceLevelAgreement.Version</c>, the number of an agreement version, which cases keep
    /// (an agreement version's own event stream has a <see cref="StreamVersion"/> like every aggregate's).
    /// </remarks>
    public int StreamVersion => _history.Count;

    /// <summary>When the latest event happened; commands with an earlier <c>now</c> are refused.</summary>
    public Instant LastEventAt => _history[^1].OccurredAt;

    /// <summary>Returns the uncommitted events and forgets them (the host has stored or published them).</summary>
    /// <returns>The events raised since the last call, oldest first.</returns>
    public IReadOnlyList<TEvent> TakeUncommittedEvents()
    {
        var events = new TEvent[_history.Count - _committed];
        _history.CopyTo(_committed, events, 0, events.Length);
        _committed = _history.Count;
        return events;
    }

    private protected abstract void Apply(TEvent @event);

    private protected void Raise(TEvent @event)
    {
        Apply(@event);
        _history.Add(@event);
    }

    /// <summary>Refuses a command dated before the latest event.</summary>
    private protected void EnsureTimeMovesForward(Instant now) =>
        Guard.Against.BeforeLastEvent(now, LastEventAt);

    /// <summary>
    /// Checks that a stored event is one the aggregate's commands could have raised in its present state: its values are
    /// present and valid (no default ids or tiers, no undefined enum values, no blank texts) and the rules its command
    /// checks hold (the transition table first of all). Time order, the creation event and the aggregate id are checked
    /// by <see cref="Load"/>. Throws whatever the command would (<see cref="ArgumentException"/>,
    /// <see cref="DomainRuleViolationException"/>); <see cref="Load"/> reports it with the event's index.
    /// </summary>
    private protected abstract void CheckReplayed(TEvent @event);

    /// <summary>
    /// Applies a stored history (no commands, no uncommitted events), refusing it at the first event that the aggregate's
    /// own commands could not have raised there: an <see cref="ArgumentException"/> naming <c>history</c> and the event's
    /// index, with what was wrong (and the exception the check threw as the inner exception).
    /// </summary>
    private protected void Load(IEnumerable<TEvent> history, Func<TEvent, bool> isCreation, Func<TEvent, bool> isSameAggregate)
    {
        Guard.Against.Null(history);
        var index = 0;
        foreach (var @event in history)
        {
            if (@event is null)
            {
                throw Refused(nameof(history), index, "is null.", null);
            }

            var first = index == 0;
            var creation = isCreation(@event);
            if (first && !creation)
            {
                throw Refused(nameof(history), index, $"is a {@event.GetType().Name}; a history must start with the creation event.", null);
            }

            if (!first && creation)
            {
                throw Refused(nameof(history), index, $"is a second creation event ({@event.GetType().Name}); a history has exactly one.", null);
            }

            if (!first && !isSameAggregate(@event))
            {
                throw Refused(nameof(history), index, $"({@event.GetType().Name}) belongs to another aggregate: its id is not the creation event's.", null);
            }

            if (!first && @event.OccurredAt < LastEventAt)
            {
                throw Refused(
                    nameof(history), index, string.Create(CultureInfo.InvariantCulture, $"({@event.GetType().Name}) goes back in time, to {@event.OccurredAt} after {LastEventAt}."), null);
            }

            try
            {
                CheckReplayed(@event);
                Apply(@event);
            }
            catch (Exception exception) when (exception is not (OutOfMemoryException or InsufficientExecutionStackException))
            {
                throw Refused(nameof(history), index, $"({@event.GetType().Name}) cannot be replayed: {exception.Message}", exception);
            }

            _history.Add(@event);
            _committed++;
            index++;
        }

        Guard.Against.InvalidArgument(_history.Count == 0, nameof(history), "A history must contain at least the creation event.");
    }

    /// <summary>A live read-only view of the uncommitted events: the history from the first event not yet taken.</summary>
    private sealed class UncommittedView(AggregateRoot<TEvent> owner) : IReadOnlyList<TEvent>
    {
        public int Count => owner._history.Count - owner._committed;

        public TEvent this[int index] => (uint)index < (uint)Count ? owner._history[owner._committed + index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<TEvent> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return owner._history[owner._committed + i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static ArgumentException Refused(string parameterName, int index, string reason, Exception? inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The event at index {index} of the history {reason}"), parameterName, inner);
}
