namespace ServiceQuality.Calendars.ICalendar;

/// <summary>A VEVENT of the file: the line of its BEGIN, its own properties, and all its lines (nested VALARMs included).</summary>
internal sealed record EventBlock(int Line, IReadOnlyList<ContentLine> Properties, IReadOnlyList<ContentLine> Lines)
{
    /// <summary>The event's properties named <paramref name="name"/>, in order.</summary>
    public IEnumerable<ContentLine> Named(string name) => Properties.Where(p => p.Name == name);

    /// <summary>The line of the first property named <paramref name="name"/>, or the event's BEGIN line.</summary>
    public int LineOf(string name) => Named(name).Select(p => p.Line).DefaultIfEmpty(Line).First();
}
