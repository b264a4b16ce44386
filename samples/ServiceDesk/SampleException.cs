namespace ServiceDesk;

/// <summary>
/// A problem with the sample's inputs, outputs or command line: reported as its message (one line, or one line per
/// problem of a definitions file) and exit status 2. Messages may hold anything the user typed or a file held; every
/// line is escaped when it is printed (<see cref="Messages.Escape"/>).
/// </summary>
internal sealed class SampleException : Exception
{
    public SampleException(string message)
        : base(message) => Lines = [message];

    public SampleException(IReadOnlyList<string> lines)
        : base(string.Join(Environment.NewLine, lines)) => Lines = lines;

    public SampleException(string message, Exception innerException)
        : base(message, innerException) => Lines = [message];

    public IReadOnlyList<string> Lines { get; }
}
