using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>The checks of the agreement versions a case records when it opens.</summary>
internal static class AgreementReferences
{
    /// <summary>Checks one reference: an id and a version from 1.</summary>
    public static void Check(AgreementReference? agreement, string parameterName) =>
        Guard.Against.InvalidArgument(
            agreement is { } reference && (reference.Id == default || reference.Version < 1), parameterName,
            $"An agreement reference needs an agreement id and a version from 1; version {agreement?.Version} of {(agreement?.Id == default ? "no id" : "an agreement")} given.");

    /// <summary>Copies and checks the other agreements: each valid, none repeating an agreement (the main one included).</summary>
    public static ImmutableArray<AgreementReference> CheckOthers(AgreementReference? agreement, IEnumerable<AgreementReference>? others, string parameterName)
    {
        if (others is null)
        {
            return [];
        }

        var list = others.ToImmutableArray();
        var seen = new HashSet<AgreementId>();
        if (agreement is { } main)
        {
            seen.Add(main.Id);
        }

        foreach (var other in list)
        {
            Check(other, parameterName);
            Guard.Against.InvalidArgument(!seen.Add(other.Id), parameterName, $"Agreement {other.Id} is recorded twice on one case.");
        }

        return list;
    }
}
