namespace ServiceQuality.Domain.Common;

/// <summary>
/// One problem found while validating a definition (a calendar, an agreement, a policy file): where it is
/// and what is wrong. Validation collects every problem before it reports any.
/// </summary>
/// <param name="Path">Where the problem is, for example <c>openHours[Monday 09:00-12:00]</c> or a JSON path.</param>
/// <param name="Message">What is wrong, as a sentence.</param>
public readonly record struct DefinitionProblem(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>The problem as one line of text.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
