namespace ServiceQuality.Domain.Common;

/// <summary>
/// One row of an aggregate's transition table: in state <paramref name="From"/>, <paramref name="Command"/> is allowed
/// (as far as the state is concerned) and leaves the aggregate in <paramref name="To"/>, which equals
/// <paramref name="From"/> for a command that does not change the state.
/// </summary>
/// <typeparam name="TState">The aggregate's status enum.</typeparam>
/// <typeparam name="TCommand">The aggregate's command enum.</typeparam>
/// <param name="From">The state the command is accepted in.</param>
/// <param name="Command">The command.</param>
/// <param name="To">The state the command leads to.</param>
/// <remarks>An immutable value, safe to share between threads. Each aggregate publishes its rows as a static <c>Transitions</c> list.</remarks>
public readonly record struct Transition<TState, TCommand>(TState From, TCommand Command, TState To)
    where TState : struct, Enum
    where TCommand : struct, Enum;
