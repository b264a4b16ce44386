namespace ServiceQuality.Testing;

/// <summary>An SLA expectation failed; the message shows the case's timeline and the calendar around the deadline.</summary>
public sealed class SlaAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected, what was found, and the context.</param>
    public SlaAssertionException(string message)
        : base(message)
    {
    }
}
