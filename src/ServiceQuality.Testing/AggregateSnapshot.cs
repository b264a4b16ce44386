using System.Collections;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Testing;

/// <summary>
/// What can be observed of an aggregate at one moment: its history, its uncommitted events and its public state, each
/// copied so that a later change of the aggregate does not reach the snapshot.
/// </summary>
internal sealed class AggregateSnapshot
{
    private readonly IDomainEvent[] _history;
    private readonly IDomainEvent[] _uncommitted;
    private readonly (string Name, object? Value)[] _state;

    private AggregateSnapshot(string description, IDomainEvent[] history, IDomainEvent[] uncommitted, (string Name, object? Value)[] state)
    {
        Description = description;
        _history = history;
        _uncommitted = uncommitted;
        _state = state;
    }

    /// <summary>The aggregate's <see cref="object.ToString"/> when the snapshot was taken.</summary>
    public string Description { get; }

    /// <summary>Takes a snapshot; lists in <paramref name="state"/> are copied item by item.</summary>
    public static AggregateSnapshot Of<TEvent>(AggregateRoot<TEvent> aggregate, params (string Name, object? Value)[] state)
        where TEvent : class, IDomainEvent =>
        new(
            aggregate.ToString() ?? string.Empty,
            [.. aggregate.History],
            [.. aggregate.UncommittedEvents],
            [.. state.Select(s => (s.Name, s.Value is IEnumerable items and not string ? items.Cast<object?>().ToArray() : s.Value))]);

    /// <summary>
    /// Marks a state value as personal data (a name, a comment, a reason): compared whole, but shown masked in
    /// <see cref="Differences"/>, as the Domain masks it in its own text.
    /// </summary>
    public static object? Personal(string? value) => value is null ? null : new PersonalText(value);

    /// <summary>The events in <paramref name="later"/>'s history beyond this snapshot's, by type name.</summary>
    public string Added(AggregateSnapshot later) =>
        string.Join(", ", later._history.Skip(_history.Length).Select(e => e.GetType().Name));

    /// <summary>How <paramref name="later"/> differs from this snapshot, one sentence per difference; empty when it does not.</summary>
    public IReadOnlyList<string> Differences(AggregateSnapshot later)
    {
        var differences = new List<string>();
        if (!_history.SequenceEqual(later._history))
        {
            var grew = later._history.Length > _history.Length && _history.SequenceEqual(later._history.Take(_history.Length));
            differences.Add(grew
                ? $"its history grew from {_history.Length} to {later._history.Length} events ({Added(later)})"
                : $"its history of {_history.Length} events was rewritten ({later._history.Length} now)");
        }

        if (!_uncommitted.SequenceEqual(later._uncommitted))
        {
            differences.Add($"its uncommitted events went from {_uncommitted.Length} to {later._uncommitted.Length}");
        }

        foreach (var ((name, before), (_, after)) in _state.Zip(later._state))
        {
            if (!Same(before, after))
            {
                differences.Add($"{name} was {Format(before)}, now {Format(after)}");
            }
        }

        return differences;
    }

    private static bool Same(object? a, object? b) =>
        a is object?[] left && b is object?[] right ? left.SequenceEqual(right) : Equals(a, b);

    /// <summary>Formats a state value the same way on every machine: instants in ISO-8601, numbers in the invariant culture.</summary>
    private static string Format(object? value) => value switch
    {
        null => "none",
        object?[] items => "[" + string.Join(", ", items.Select(Format)) + "]",
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A personal text in a snapshot: equal when the texts are equal, formatted masked.</summary>
    private sealed record PersonalText(string Value)
    {
        public override string ToString() => PersonalData.Text(Value) ?? string.Empty;
    }
}
