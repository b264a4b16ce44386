using System.Collections;
using System.Reflection;

namespace ServiceQuality.Json.Tests.TestSupport;

/// <summary>
/// Equality by content for test assertions: values equal by <see cref="object.Equals(object)"/> are equal; otherwise
/// sequences compare item by item and objects of one type property by property. Records that hold lists (agreement
/// terms, a visit's ratings) compare their lists by reference, so two events read from the same JSON are not
/// <c>Equals</c>; this compares what they hold.
/// </summary>
public static class Structural
{
    /// <summary>Asserts that <paramref name="expected"/> and <paramref name="actual"/> hold the same values, naming the first difference.</summary>
    public static void AssertEqual(object? expected, object? actual, params string[] ignoredProperties)
    {
        var difference = FirstDifference(expected, actual, "value", ignoredProperties);
        Assert.True(difference is null, difference);
    }

    private static string? FirstDifference(object? expected, object? actual, string path, string[] ignored)
    {
        if (Equals(expected, actual))
        {
            return null;
        }

        // Lists and dictionaries compare by their items, whatever collection type holds them.
        if (expected is IEnumerable expectedItems and not string && actual is IEnumerable actualItems and not string)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: expected {left.Count} items, found {right.Count}";
            }

            return left.Zip(right).Select((pair, i) => FirstDifference(pair.First, pair.Second, $"{path}[{i}]", [])).FirstOrDefault(d => d is not null);
        }

        if (expected is null || actual is null || expected.GetType() != actual.GetType()
            || expected is string || expected.GetType().IsPrimitive || expected.GetType().IsEnum || expected is decimal)
        {
            return $"{path}: expected {Describe(expected)}, found {Describe(actual)}";
        }

        var properties = expected.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !ignored.Contains(p.Name))
            .ToList();
        if (properties.Count == 0)
        {
            return $"{path}: expected {Describe(expected)}, found {Describe(actual)}";
        }

        return properties.Select(p => FirstDifference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}", [])).FirstOrDefault(d => d is not null);
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
