namespace ServiceQuality.Domain.Common;

/// <summary>
/// Collects the problems of a definition, keeping the first <see cref="Limit"/> and counting the rest, so that an input
/// with millions of problems costs no more memory than one with a hundred.
/// </summary>
internal sealed class ProblemList
{
    /// <summary>How many problems are kept; the others are only counted.</summary>
    public const int Limit = InvalidDefinitionException.MaxProblems;

    private readonly List<DefinitionProblem> _kept = [];

    /// <summary>How many problems were found, kept or not.</summary>
    public long Count { get; private set; }

    /// <summary>The problems kept, in the order found.</summary>
    public IReadOnlyList<DefinitionProblem> Kept => _kept;

    public void Add(string path, string code, string message)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(new DefinitionProblem(path, code, message));
        }
    }

    /// <summary>Adds a problem whose message is built only when it is kept.</summary>
    public void Add<TState>(TState state, Func<TState, DefinitionProblem> create)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(create(state));
        }
    }

    /// <summary>Counts <paramref name="count"/> more problems that are not kept.</summary>
    public void Omit(long count) => Count += count;

    public InvalidDefinitionException ToException(string definition) => new(definition, _kept, Count - _kept.Count);
}
