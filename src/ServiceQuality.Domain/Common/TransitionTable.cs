using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// An aggregate's transition table, declared once as rows (from, command, to) and frozen: which commands each state
/// accepts and where they lead. Every aggregate checks its commands against one, answers its <c>CanX</c> methods and
/// <c>PermittedCommands</c> from it, and publishes its rows for hosts and the generated docs. Immutable and thread-safe.
/// </summary>
/// <typeparam name="TState">The status enum.</typeparam>
/// <typeparam name="TCommand">The command enum.</typeparam>
internal sealed class TransitionTable<TState, TCommand>
    where TState : struct, Enum
    where TCommand : struct, Enum
{
    private static readonly IReadOnlyList<TCommand> NoCommands = Array.Empty<TCommand>();

    private readonly FrozenDictionary<(TState, TCommand), TState> _targets;
    private readonly FrozenDictionary<TState, IReadOnlyList<TCommand>> _permitted;

    /// <summary>Builds the table; a (from, command) pair given twice, or an undefined enum value, is a programming error.</summary>
    public TransitionTable(IEnumerable<(TState From, TCommand Command, TState To)> rows)
    {
        // Ordered by state, then command, in declaration order: the order docs and PermittedCommands show.
        var ordered = rows
            .Select(r => new Transition<TState, TCommand>(r.From, r.Command, r.To))
            .OrderBy(t => t.From)
            .ThenBy(t => t.Command)
            .ToArray();
        foreach (var row in ordered)
        {
            if (!Enum.IsDefined(row.From) || !Enum.IsDefined(row.Command) || !Enum.IsDefined(row.To))
            {
                throw new InvalidOperationException($"The transition table holds an undefined value in {row}.");
            }
        }

        _targets = ordered.ToFrozenDictionary(t => (t.From, t.Command), t => t.To); // throws on a duplicate pair
        _permitted = ordered
            .GroupBy(t => t.From)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<TCommand>)new ReadOnlyCollection<TCommand>([.. g.Select(t => t.Command)]));
        Rows = new ReadOnlyCollection<Transition<TState, TCommand>>(ordered);
    }

    /// <summary>Every row, ordered by state then command (declaration order of the enums).</summary>
    public IReadOnlyList<Transition<TState, TCommand>> Rows { get; }

    /// <summary>Whether <paramref name="from"/> accepts <paramref name="command"/>.</summary>
    public bool Allows(TState from, TCommand command) => _targets.ContainsKey((from, command));

    /// <summary>Where <paramref name="command"/> leads from <paramref name="from"/>; only for an allowed pair.</summary>
    public TState Target(TState from, TCommand command) => _targets[(from, command)];

    /// <summary>The commands <paramref name="from"/> accepts, in declaration order; empty for a final state.</summary>
    public IReadOnlyList<TCommand> Permitted(TState from) => _permitted.TryGetValue(from, out var commands) ? commands : NoCommands;
}
