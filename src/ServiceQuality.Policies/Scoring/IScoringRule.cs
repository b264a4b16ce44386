namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Turns facts of one kind into point entries. Pure and thread-safe; see <see cref="ScoringRules"/> for the stock rules,
/// and register your own through dependency injection.
/// </summary>
public interface IScoringRule
{
    /// <summary>The kind of fact the rule scores.</summary>
    FactKind Kind { get; }

    /// <summary>What the rule does, in words.</summary>
    string Description { get; }

    /// <summary>The entry for a fact of <see cref="Kind"/>, if the rule gives one.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>Whether an entry was given.</returns>
    bool TryScore(in ScoreFact fact, out ScoreEntry entry);
}
