namespace ServiceDesk.Web;

/// <summary>The host cannot start as asked (a bad option, definitions file or event log): the messages say why and where.</summary>
internal sealed class StartupException(IReadOnlyList<string> messages) : Exception(string.Join(Environment.NewLine, messages))
{
    public StartupException(string message)
        : this([message])
    {
    }

    public IReadOnlyList<string> Messages { get; } = messages;
}
