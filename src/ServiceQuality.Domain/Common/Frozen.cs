using System.Collections.Immutable;

namespace ServiceQuality.Domain.Common;

/// <summary>Copies the lists definitions are given into immutable arrays, so that a definition cannot change after it is built.</summary>
internal static class Frozen
{
    /// <summary>An immutable copy of <paramref name="items"/> (the same instance when it already is one); null stays null, for the checks that refuse it.</summary>
    public static IReadOnlyList<T> Copy<T>(IReadOnlyList<T>? items) =>
        items switch
        {
            null => null!,
            ImmutableArray<T> frozen => frozen,
            _ => items.ToImmutableArray(),
        };
}
