using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>
/// Derives a complaint's <see cref="Severity"/> from its impact on the customer and its handling difficulty.
/// Immutable; <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class RiskMatrix
{
    private readonly Severity[] _cells;

    private RiskMatrix(Severity[] cells) => _cells = cells;

    /// <summary>
    /// The default matrix. Rows are impact (low, medium, high), columns difficulty (low, medium, high):
    /// low: minor, minor, major; medium: minor, major, major; high: major, critical, critical.
    /// </summary>
    public static RiskMatrix Default { get; } = new(
    [
        Severity.Minor, Severity.Minor, Severity.Major,
        Severity.Minor, Severity.Major, Severity.Major,
        Severity.Major, Severity.Critical, Severity.Critical,
    ]);

    /// <summary>The severity of a complaint with this impact and difficulty.</summary>
    /// <param name="impact">The impact on the customer.</param>
    /// <param name="difficulty">The handling difficulty.</param>
    /// <returns>The severity in that cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public Severity Assess(Impact impact, HandlingDifficulty difficulty) => _cells[Index(impact, difficulty)];

    /// <summary>A copy of this matrix with one cell changed.</summary>
    /// <param name="impact">The cell's impact.</param>
    /// <param name="difficulty">The cell's difficulty.</param>
    /// <param name="severity">The severity for that cell.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public RiskMatrix With(Impact impact, HandlingDifficulty difficulty, Severity severity)
    {
        Guard.Against.UndefinedEnumValue(severity);
        var cells = (Severity[])_cells.Clone();
        cells[Index(impact, difficulty)] = severity;
        return new RiskMatrix(cells);
    }

    private static int Index(Impact impact, HandlingDifficulty difficulty)
    {
        Guard.Against.UndefinedEnumValue(impact);
        Guard.Against.UndefinedEnumValue(difficulty);
        return ((int)impact * 3) + (int)difficulty;
    }
}
