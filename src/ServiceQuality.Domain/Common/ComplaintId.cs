using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>The identifier of a complaint (投诉), chosen by the host: a non-blank string of at most 128 UTF-16 code units, without control characters or lone surrogates; equality is ordinal.</summary>
/// <remarks>The default value has a null <see cref="Value"/> and is not a valid id.</remarks>
public readonly record struct ComplaintId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id text: not null, empty or white space; at most 128 UTF-16 code units; no control characters (<see cref="char.IsControl(char)"/>) or lone surrogates.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty, white space, longer than 128 UTF-16 code units, or holds a control character or a lone surrogate.</exception>
    public ComplaintId(string value) => Value = Guard.Against.InvalidId(value);

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;
}
