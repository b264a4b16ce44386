namespace ServiceQuality.Json.Converters;

/// <summary>
/// What a value is, for messages (<c>TicketOpened.customer</c>, <c>Money</c>), formatted only when a message is built:
/// reading and writing a valid value allocates no description.
/// </summary>
internal readonly struct Where
{
    private readonly JsonProperties? _properties;
    private readonly int _index;
    private readonly string? _text;

    public Where(string text) => _text = text;

    public Where(JsonProperties properties, int index) => (_properties, _index) = (properties, index);

    public override string ToString() => _text ?? _properties?.Describe(_index) ?? "value";
}
