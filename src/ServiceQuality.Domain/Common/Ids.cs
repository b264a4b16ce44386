namespace ServiceQuality.Domain.Common;

/// <summary>Validation shared by the typed ids.</summary>
internal static class Ids
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 128;

    public static string Check(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength, paramName);
        return value;
    }
}
