namespace ServiceQuality.Domain.Common;

/// <summary>
/// One problem found while validating a definition (a calendar, an agreement, a policy file) or an input file: where it
/// is, what kind of problem it is and what is wrong. Validation collects every problem before it reports any.
/// </summary>
/// <param name="Path">Where the problem is, for example <c>openHours[Monday 09:00-12:00]</c> or a JSON path such as <c>$.agreements[0].targets[2].duration</c>.</param>
/// <param name="Code">
/// What kind of problem it is, stable across releases so that programs and tests can tell problems apart without
/// reading messages: one of the <see cref="ProblemCode"/> constants, or the name of the <see cref="RuleCode"/> a
/// definition breaks.
/// </param>
/// <param name="Message">What is wrong, as a sentence, for people.</param>
public readonly record struct DefinitionProblem(string Path, string Code, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>The problem as one line of text.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
