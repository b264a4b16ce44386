namespace ServiceQuality.Calendars.ICalendar;

/// <summary>
/// One unfolded content line of an iCalendar file (<c>NAME;PARAM=…:value</c>), with the number of the physical line it
/// starts on.
/// </summary>
/// <param name="Line">The physical line the content line starts on, from 1.</param>
/// <param name="Name">The property or component keyword, upper-case (<c>DTSTART</c>, <c>BEGIN</c>).</param>
/// <param name="Value">The text after the first colon outside quotes.</param>
/// <param name="Text">The whole unfolded line, as Ical.Net is given it.</param>
internal readonly record struct ContentLine(int Line, string Name, string Value, string Text);
