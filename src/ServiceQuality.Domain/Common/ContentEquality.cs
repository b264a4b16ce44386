namespace ServiceQuality.Domain.Common;

/// <summary>
/// Equality and hash codes of lists and dictionaries by their contents, for the records that hold them: a record's
/// generated equality compares such members by reference, so two equal events read from two stores would differ.
/// </summary>
/// <remarks>
/// Items and values are compared with <see cref="EqualityComparer{T}.Default"/>. Lists are equal when they hold equal
/// items in the same order; dictionaries when they hold the same keys (looked up with each dictionary's own comparer) with
/// equal values, in any order. Hash codes agree with that equality. Null equals only null. Thread-safe as long as the
/// collections are not changed meanwhile.
/// </remarks>
internal static class ContentEquality
{
    /// <summary>Whether the two lists hold equal items in the same order.</summary>
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code of the list's items, in order; equal lists have equal hash codes.</summary>
    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.Add(list.Count);
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether the two dictionaries hold the same keys with equal values.</summary>
    public static bool Equal<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? left, IReadOnlyDictionary<TKey, TValue>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !comparer.Equals(value, other))
            {
                return false;
            }
        }

        // With different key comparers on the two sides, a key of the right may match none of the left.
        foreach (var key in right.Keys)
        {
            if (!left.ContainsKey(key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A hash code of the dictionary's count and values, independent of their order; equal dictionaries have equal hash
    /// codes. Keys are left out: dictionaries with different key comparers can be equal with keys that hash differently.
    /// </summary>
    public static int Hash<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? dictionary)
    {
        if (dictionary is null)
        {
            return 0;
        }

        var sum = dictionary.Count;
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var value in dictionary.Values)
        {
            sum = unchecked(sum + (value is null ? 0 : comparer.GetHashCode(value)));
        }

        return sum;
    }
}
