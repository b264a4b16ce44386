using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>The identifier of a service-level agreement (服务承诺), chosen by the host: a non-blank string of at most 128 characters; equality is ordinal.</summary>
/// <remarks>The default value has a null <see cref="Value"/> and is not a valid id.</remarks>
public readonly record struct AgreementId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id text: not null, empty or white space, at most 128 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty, white space or longer than 128 characters.</exception>
    public AgreementId(string value) => Value = Guard.Against.InvalidId(value);

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;
}
