namespace ServiceQuality.Domain.Common;

/// <summary>Argument checks shared by the aggregates' commands.</summary>
internal static class Check
{
    /// <summary>Refuses the default value of a typed id (whose text is null).</summary>
    public static void Id(string? value, string paramName) =>
        Preconditions.CheckArgument(value is not null, paramName, "The id must be a constructed id, not the default value.");

    /// <summary>Refuses an enum value outside the declared ones.</summary>
    public static void Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum =>
        Preconditions.CheckArgumentRange(Enum.IsDefined(value), paramName, $"Unknown {typeof(TEnum).Name} value {value}.");
}
