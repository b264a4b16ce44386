using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json;

/// <summary>
/// A line of an event log could not be replayed. The message reads <c>file:line: $.property: what was wrong</c> (or
/// <c>file:line: rule RuleCode: …</c> when an aggregate refused the event); <see cref="Code"/> and <see cref="Path"/> say
/// the same for programs.
/// </summary>
public sealed class EventLogException : Exception
{
    /// <summary>Creates the exception for a problem found on a line.</summary>
    /// <param name="file">The log's name.</param>
    /// <param name="line">The line number, from 1.</param>
    /// <param name="problem">What was wrong, where on the line (a JSON path) and its code.</param>
    /// <param name="rule">The business rule the aggregate refused the event with, if that was the reason.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EventLogException(string file, int line, DefinitionProblem problem, RuleCode? rule = null, Exception? innerException = null)
        : base(Format(file, line, problem, rule), innerException)
    {
        (File, Line, Code, Path, Rule) = (file, line, problem.Code, problem.Path, rule);
    }

    /// <summary>The log's name.</summary>
    public string File { get; }

    /// <summary>The line number, from 1.</summary>
    public int Line { get; }

    /// <summary>What kind of problem it is: a <see cref="ProblemCode"/>, or the name of the <see cref="RuleCode"/> broken.</summary>
    public string Code { get; }

    /// <summary>Where on the line: the JSON path of the value (<c>$.ticket</c>), or <c>$</c> for the whole line.</summary>
    public string Path { get; }

    /// <summary>The business rule broken, when an aggregate refused the event.</summary>
    public RuleCode? Rule { get; }

    private static string Format(string file, int line, DefinitionProblem problem, RuleCode? rule) =>
        rule is { } r ? $"{Reading.JsonTree.Escape(file, int.MaxValue)}:{line}: rule {r}: {problem.Message}"
        : $"{Reading.JsonTree.Escape(file, int.MaxValue)}:{line}: {problem.Path}: {problem.Message}";
}
