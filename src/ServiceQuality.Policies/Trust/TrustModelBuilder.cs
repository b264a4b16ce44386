using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// Builds a <see cref="TrustModel"/>: labels with their default permission sets and the object labels they may touch,
/// and trust bands that narrow the sets as the score falls. Nothing is checked while adding; <see cref="Validate"/>
/// and <see cref="Build"/> report every problem at once, each at the path a definitions file's <c>trust</c> section
/// gives it (<c>labels[0].mayTouch[1]</c>, <c>bands[2].below</c>, by position in the order added). Not thread-safe;
/// the model it builds is.
/// </summary>
public sealed class TrustModelBuilder
{
    private readonly List<(string Name, string?[] Permissions, string?[] MayTouch, int? CriticalThreshold)> _labels = [];
    private readonly List<(int Below, string?[] Operations)> _bands = [];

    /// <summary>Adds a label.</summary>
    /// <param name="name">The label's name: not blank, at most 128 characters, no control characters, not used by another label.</param>
    /// <param name="permissions">The label's default permission set: operations named by the same rules as labels.</param>
    /// <param name="mayTouch">The labels of the objects a subject with this label may touch; each must be a label of the model.</param>
    /// <param name="criticalThreshold">When set (0-100), objects with this label are denied to subjects whose score is below it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="permissions"/> or <paramref name="mayTouch"/> is null.</exception>
    public TrustModelBuilder AddLabel(string name, IEnumerable<string> permissions, IEnumerable<string> mayTouch, int? criticalThreshold = null)
    {
        Guard.Against.Null(name);
        Guard.Against.Null(permissions);
        Guard.Against.Null(mayTouch);
        _labels.Add((name, [.. permissions], [.. mayTouch], criticalThreshold));
        return this;
    }

    /// <summary>
    /// Adds a trust band: while the score is below <paramref name="below"/>, only <paramref name="operations"/> remain of
    /// a subject's permissions. Add bands from the highest bound down; each band's operations must be among those of the
    /// band before it, so lowering trust never grants more.
    /// </summary>
    /// <param name="below">The exclusive upper bound of the scores the band covers, 1-100, lower than the previous band's.</param>
    /// <param name="operations">The operations that remain; each must be in some label's default permission set.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operations"/> is null.</exception>
    public TrustModelBuilder AddBand(int below, IEnumerable<string> operations)
    {
        Guard.Against.Null(operations);
        _bands.Add((below, [.. operations]));
        return this;
    }

    /// <summary>Every problem of what was added; empty when a model can be built.</summary>
    /// <returns>The problems, each with its path (<c>labels[1].name</c>) and a <see cref="ProblemCode"/>.</returns>
    public IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Count; i++)
        {
            var path = $"labels[{i}]";
            if (CheckName(_labels[i].Name, $"{path}.name", problems) && !names.Add(_labels[i].Name))
            {
                problems.Add(new DefinitionProblem($"{path}.name", ProblemCode.DuplicateId, $"the label '{_labels[i].Name}' is defined twice."));
            }
        }

        var operations = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Count; i++)
        {
            var (_, permissions, mayTouch, critical) = _labels[i];
            var path = $"labels[{i}]";
            operations.UnionWith(CheckNames(permissions, $"{path}.permissions", problems, null));
            CheckNames(mayTouch, $"{path}.mayTouch", problems, name => names.Contains(name) ? null : (ProblemCode.UnknownReference, $"'{name}' is not a label of the model."));
            if (critical is < 0 or > 100)
            {
                problems.Add(new DefinitionProblem($"{path}.criticalThreshold", ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to 100 is expected, not {critical}.")));
            }
        }

        (int Below, HashSet<string> Operations)? above = null;
        for (var i = 0; i < _bands.Count; i++)
        {
            var (below, bandOperations) = _bands[i];
            var path = $"bands[{i}]";
            var known = CheckNames(bandOperations, $"{path}.operations", problems, name =>
                !operations.Contains(name) ? (ProblemCode.UnknownReference, $"'{name}' is in no label's permissions.")
                : above is { } a && !a.Operations.Contains(name) ? (ProblemCode.Conflict, string.Create(CultureInfo.InvariantCulture, $"'{name}' is left out of the band below {a.Below}, so a lower band must leave it out too."))
                : null);
            if (below is < 1 or > 100)
            {
                problems.Add(new DefinitionProblem($"{path}.below", ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to 100 is expected, not {below}.")));
                continue;
            }

            if (above is { } previous && below >= previous.Below)
            {
                problems.Add(new DefinitionProblem($"{path}.below", ProblemCode.Conflict, string.Create(CultureInfo.InvariantCulture, $"bands are listed from the highest bound down: {below} must be below {previous.Below}.")));
                continue;
            }

            above = (below, known);
        }

        return problems;
    }

    /// <summary>Builds the model.</summary>
    /// <returns>The model, immutable.</returns>
    /// <exception cref="InvalidDefinitionException">Listing every problem <see cref="Validate"/> finds.</exception>
    public TrustModel Build()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDefinitionException("trust model", problems);
        }

        return new TrustModel(
            [.. _labels.Select(l => new TrustLabel(l.Name, Set(l.Permissions), Set(l.MayTouch), l.CriticalThreshold))],
            [.. _bands.Select(b => new TrustBand(b.Below, Set(b.Operations)))]);
    }

    private static ImmutableSortedSet<string> Set(string?[] names) => names.OfType<string>().ToImmutableSortedSet(StringComparer.Ordinal);

    /// <summary>Checks a list of names; returns the valid ones (also those <paramref name="refused"/> refuses, so one mistake is reported once).</summary>
    private static HashSet<string> CheckNames(string?[] names, string path, List<DefinitionProblem> problems, Func<string, (string Code, string Message)?>? refused)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < names.Length; j++)
        {
            var at = $"{path}[{j}]";
            if (!CheckName(names[j], at, problems))
            {
                continue;
            }

            if (!seen.Add(names[j]!))
            {
                problems.Add(new DefinitionProblem(at, ProblemCode.DuplicateId, $"'{names[j]}' is listed twice."));
            }
            else if (refused?.Invoke(names[j]!) is { } refusal)
            {
                problems.Add(new DefinitionProblem(at, refusal.Code, refusal.Message));
            }
        }

        return seen;
    }

    private static bool CheckName(string? name, string path, List<DefinitionProblem> problems)
    {
        string? problem = name switch
        {
            null => ProblemCode.MissingProperty,
            _ when string.IsNullOrWhiteSpace(name) => ProblemCode.MissingProperty,
            _ when name.Length > GuardExtensions.MaxIdLength => ProblemCode.OutOfRange,
            _ when name.Any(char.IsControl) => ProblemCode.InvalidText,
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(new DefinitionProblem(path, problem, string.Create(CultureInfo.InvariantCulture, $"a name is expected: not blank, at most {GuardExtensions.MaxIdLength} characters, no control characters.")));
        }

        return problem is null;
    }
}
