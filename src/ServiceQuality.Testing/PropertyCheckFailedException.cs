namespace ServiceQuality.Testing;

/// <summary>A property was falsified; the message names the seed to replay it with and the failing case.</summary>
public sealed class PropertyCheckFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with the seed and the case.</param>
    /// <param name="seed">The seed that produced the failure.</param>
    /// <param name="innerException">FsCheck's own failure.</param>
    public PropertyCheckFailedException(string message, ulong seed, Exception innerException)
        : base(message, innerException)
    {
        Seed = seed;
    }

    /// <summary>The seed that produced the failure.</summary>
    public ulong Seed { get; }
}
