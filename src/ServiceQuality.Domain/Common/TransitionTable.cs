using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

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

    /// <summary>The largest state or command value kept in the flat table.</summary>
    private const int MaxFlatValues = 256;

    /// <summary>The target state's value by <c>state * _commands + command</c>, -1 where the table has no row; null when the enums do not fit.</summary>
    private readonly int[]? _flat;
    private readonly int _commands;

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

        // Every command checks the table and then moves by it, so the pairs are also kept in a flat array indexed by the
        // values (the states' and commands' enums are small, non-negative ints): a lookup is an index, not a hash.
        if (Unsafe.SizeOf<TState>() == sizeof(int) && Unsafe.SizeOf<TCommand>() == sizeof(int)
            && ordered.All(t => Index(t.From) is >= 0 and < MaxFlatValues && Index(t.To) is >= 0 and < MaxFlatValues && Index(t.Command) is >= 0 and < MaxFlatValues))
        {
            _commands = Enum.GetValues<TCommand>().Max(Index) + 1;
            _flat = new int[(Enum.GetValues<TState>().Max(Index) + 1) * _commands];
            Array.Fill(_flat, -1);
            foreach (var t in ordered)
            {
                _flat[(Index(t.From) * _commands) + Index(t.Command)] = Index(t.To);
            }
        }
        _permitted = ordered
            .GroupBy(t => t.From)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<TCommand>)new ReadOnlyCollection<TCommand>([.. g.Select(t => t.Command)]));
        Rows = new ReadOnlyCollection<Transition<TState, TCommand>>(ordered);
    }

    /// <summary>Every row, ordered by state then command (declaration order of the enums).</summary>
    public IReadOnlyList<Transition<TState, TCommand>> Rows { get; }

    /// <summary>Whether <paramref name="from"/> accepts <paramref name="command"/>.</summary>
    public bool Allows(TState from, TCommand command) =>
        FlatIndex(from, command) is var at && at >= 0 ? _flat![at] >= 0 : _targets.ContainsKey((from, command));

    /// <summary>Where <paramref name="command"/> leads from <paramref name="from"/>; only for an allowed pair.</summary>
    public TState Target(TState from, TCommand command)
    {
        if (FlatIndex(from, command) is var at && at >= 0 && _flat![at] is var to && to >= 0)
        {
            return Unsafe.As<int, TState>(ref to);
        }

        return _targets[(from, command)];
    }

    private static int Index<T>(T value)
        where T : struct, Enum => Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : -1;

    /// <summary>The pair's place in the flat table, or -1 when there is none or a value lies outside it (undefined values are not in the table).</summary>
    private int FlatIndex(TState from, TCommand command)
    {
        if (_flat is null)
        {
            return -1;
        }

        var (state, step) = (Index(from), Index(command));
        return (uint)step < (uint)_commands && (uint)state < (uint)(_flat.Length / _commands) ? (state * _commands) + step : -1;
    }

    /// <summary>The commands <paramref name="from"/> accepts, in declaration order; empty for a final state.</summary>
    public IReadOnlyList<TCommand> Permitted(TState from) => _permitted.TryGetValue(from, out var commands) ? commands : NoCommands;
}
