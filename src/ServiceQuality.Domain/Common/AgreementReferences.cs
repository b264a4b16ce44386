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

        // A case records a handful of agreements: a pairwise look at so few beats building a set for every case opened.
        HashSet<AgreementId>? seen = list.Length > 16 ? [] : null;
        if (agreement is { } main)
        {
            seen?.Add(main.Id);
        }

        for (var i = 0; i < list.Length; i++)
        {
            var other = list[i];
            Check(other, parameterName);
            Guard.Against.InvalidArgument(seen is null ? Repeats(agreement, list, i) : !seen.Add(other.Id), parameterName, $"Agreement {other.Id} is recorded twice on one case.");
        }

        return list;
    }

    private static bool Repeats(AgreementReference? agreement, ImmutableArray<AgreementReference> list, int index)
    {
        var id = list[index].Id;
        if (agreement is { } main && main.Id == id)
        {
            return true;
        }

        for (var j = 0; j < index; j++)
        {
            if (list[j].Id == id)
            {
                return true;
            }
        }

        return false;
    }
}
