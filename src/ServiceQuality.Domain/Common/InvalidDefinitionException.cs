using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// Thrown when a definition (a calendar, an agreement, a policy) is built from invalid parts. It carries
/// every problem found, not only the first, so a caller can fix them all at once.
/// </summary>
public sealed class InvalidDefinitionException : Exception
{
    /// <summary>Creates the exception for a definition and the problems found in it.</summary>
    /// <param name="definition">What was being defined, for example <c>BusinessCalendar</c>.</param>
    /// <param name="problems">Every problem found; at least one.</param>
    public InvalidDefinitionException(string definition, IEnumerable<DefinitionProblem> problems)
        : this(definition, Guard.Against.Null(problems).ToArray())
    {
    }

    private InvalidDefinitionException(string definition, DefinitionProblem[] problems)
        : base(FormatMessage(definition, problems))
    {
        Guard.Against.NullOrNoItems(problems);
        Definition = definition;
        Problems = problems;
    }

    /// <summary>What was being defined, for example <c>BusinessCalendar</c>.</summary>
    public string Definition { get; }

    /// <summary>Every problem found, in the order they were found. Never empty.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    private static string FormatMessage(string definition, DefinitionProblem[] problems)
    {
        Guard.Against.NullOrWhiteSpace(definition);
        var noun = problems.Length == 1 ? "problem" : "problems";
        return $"The {definition} definition has {problems.Length} {noun}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
