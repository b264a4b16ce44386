using System.Globalization;
using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// Thrown when a definition (a calendar, an agreement, a policy, a definitions file) is built from invalid parts. It
/// carries every problem found, not only the first — up to <see cref="MaxProblems"/>, and the number of the others —
/// so a caller can fix them all at once.
/// </summary>
public sealed class InvalidDefinitionException : Exception
{
    /// <summary>The most problems an exception carries; <see cref="OmittedProblems"/> counts any beyond.</summary>
    public const int MaxProblems = 100;

    /// <summary>Creates the exception for a definition and the problems found in it.</summary>
    /// <param name="definition">What was being defined, for example <c>BusinessCalendar</c>.</param>
    /// <param name="problems">Every problem found; at least one. Only the first <see cref="MaxProblems"/> are kept.</param>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is blank, or <paramref name="problems"/> is empty.</exception>
    public InvalidDefinitionException(string definition, IEnumerable<DefinitionProblem> problems)
        : this(definition, Guard.Against.Null(problems).ToArray(), 0)
    {
    }

    /// <summary>Creates the exception for a definition, the problems kept and the number of problems left out.</summary>
    /// <param name="definition">What was being defined, for example <c>definitions file</c>.</param>
    /// <param name="problems">The problems kept; at least one. Only the first <see cref="MaxProblems"/> are kept, the rest are counted as omitted.</param>
    /// <param name="omittedProblems">How many more problems were found and not kept; zero or more.</param>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is blank, <paramref name="problems"/> is empty, or <paramref name="omittedProblems"/> is negative.</exception>
    public InvalidDefinitionException(string definition, IEnumerable<DefinitionProblem> problems, long omittedProblems)
        : this(definition, Guard.Against.Null(problems).ToArray(), omittedProblems)
    {
    }

    private InvalidDefinitionException(string definition, DefinitionProblem[] problems, long omitted)
        : base(FormatMessage(definition, problems, omitted))
    {
        Definition = definition;
        Problems = problems.Length > MaxProblems ? problems[..MaxProblems] : problems;
        OmittedProblems = omitted + (problems.Length - Problems.Count);
    }

    /// <summary>What was being defined, for example <c>BusinessCalendar</c>.</summary>
    public string Definition { get; }

    /// <summary>The problems found, in the order they were found, at most <see cref="MaxProblems"/>. Never empty.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>How many more problems were found than <see cref="Problems"/> holds.</summary>
    public long OmittedProblems { get; }

    /// <summary>
    /// The problems as lines of text: one <c>path: message</c> line per problem, then, when some were left out, one line
    /// saying how many.
    /// </summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Lines()
    {
        foreach (var problem in Problems)
        {
            yield return problem.ToString();
        }

        if (OmittedProblems > 0)
        {
            yield return MoreLine(OmittedProblems);
        }
    }

    private static string MoreLine(long omitted) =>
        string.Create(CultureInfo.InvariantCulture, $"… and {omitted:N0} more {(omitted == 1 ? "problem" : "problems")} not listed.");

    private static string FormatMessage(string definition, DefinitionProblem[] problems, long omitted)
    {
        Guard.Against.NullOrWhiteSpace(definition);
        Guard.Against.NullOrNoItems(problems);
        Guard.Against.Negative(omitted);
        var shown = Math.Min(problems.Length, MaxProblems);
        var total = omitted + problems.Length;
        var noun = total == 1 ? "problem" : "problems";
        var lines = problems.Take(shown).Select(p => "  " + p);
        if (total > shown)
        {
            lines = lines.Append("  " + MoreLine(total - shown));
        }

        return string.Create(CultureInfo.InvariantCulture, $"The {definition} definition has {total:N0} {noun}:{Environment.NewLine}") +
               string.Join(Environment.NewLine, lines);
    }
}
