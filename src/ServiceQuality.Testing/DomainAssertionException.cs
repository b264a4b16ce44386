namespace ServiceQuality.Testing;

/// <summary>
/// A <see cref="DomainAssert"/> assertion failed: the command was accepted, refused by another rule, failed otherwise, or
/// changed the aggregate it was refused on. The message says which; it depends on no test framework.
/// </summary>
public sealed class DomainAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public DomainAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a command that threw something else than the expected refusal.</summary>
    /// <param name="message">What was expected and what happened.</param>
    /// <param name="innerException">What the command threw.</param>
    public DomainAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
