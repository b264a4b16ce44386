using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Definitions;

/// <summary>A line of an event log could not be replayed; the message reads <c>file:line: what was wrong</c>.</summary>
public sealed class EventLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The log's name.</param>
    /// <param name="line">The line number, from 1.</param>
    /// <param name="detail">What was wrong.</param>
    /// <param name="rule">The business rule the aggregate refused the event with, if that was the reason.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EventLogException(string file, int line, string detail, RuleCode? rule = null, Exception? innerException = null)
        : base($"{file}:{line}: {(rule is { } r ? $"rule {r}: " : string.Empty)}{detail}", innerException)
    {
        (File, Line, Rule) = (file, line, rule);
    }

    /// <summary>The log's name.</summary>
    public string File { get; }

    /// <summary>The line number, from 1.</summary>
    public int Line { get; }

    /// <summary>The business rule broken, when an aggregate refused the event.</summary>
    public RuleCode? Rule { get; }
}
