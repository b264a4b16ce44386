using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Reading;

/// <summary>
/// Where a reader reports problems: a definitions file collects them all (keeping the first hundred and counting the
/// rest); an event log stops at the first, which is thrown as a <see cref="FirstProblemException"/> that the log's reader
/// turns into its own located exception.
/// </summary>
internal sealed class ProblemSink(bool stopAtFirst)
{
    private readonly ProblemList _problems = new();

    /// <summary>How many problems were reported.</summary>
    public long Count => _problems.Count;

    public void Add(string path, string code, string message)
    {
        if (stopAtFirst)
        {
            throw new FirstProblemException(new DefinitionProblem(path, code, message));
        }

        _problems.Add(path, code, message);
    }

    /// <summary>Counts problems found and not kept elsewhere (a builder's beyond its own limit).</summary>
    public void Omit(long count) => _problems.Omit(count);

    public InvalidDefinitionException ToException(string definition) => _problems.ToException(definition);
}

/// <summary>Carries the first problem of an input that stops at its first problem; never escapes the reader.</summary>
internal sealed class FirstProblemException(DefinitionProblem problem) : Exception(problem.ToString())
{
    public DefinitionProblem Problem { get; } = problem;
}
