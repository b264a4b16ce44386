using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Testing;

/// <summary>
/// How failure messages write times, the same on every machine whatever its culture: instants in ISO-8601 with the
/// calendar's offset (<c>2025-03-10T09:20:00+08</c>), durations as total hours, minutes and seconds (<c>64:30:00</c>).
/// </summary>
internal static class MessageText
{
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly DurationPattern DurationPattern = NodaTime.Text.DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");

    /// <summary>The instant with the offset of <paramref name="zone"/> at that instant.</summary>
    public static string Of(Instant instant, DateTimeZone zone) => InstantPattern.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>The instant as <see cref="Of(Instant, DateTimeZone)"/>, preceded by its day of the week there.</summary>
    public static string WithDay(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("ddd", CultureInfo.InvariantCulture) + " " + Of(instant, zone);

    /// <summary>The duration, in total hours, minutes and seconds (and fractions of a second when there are any).</summary>
    public static string Of(Duration duration) => DurationPattern.Format(duration);

    /// <summary>A status in one line, its instants in <paramref name="zone"/>: what <see cref="SlaStatus.ToString"/> says, in the message format.</summary>
    public static string Of(SlaStatus status, DateTimeZone zone)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{status.Metric} {status.State} {Of(status.Elapsed)} of {Of(status.Target)} ({status.ElapsedPercent:0.#} %)");
        if (status.DueAt is { } due)
        {
            text.Append(", due ").Append(Of(due, zone));
        }

        if (status.BreachedAt is { } breached)
        {
            text.Append(", breached ").Append(Of(breached, zone));
        }

        return text.Append(CultureInfo.InvariantCulture, $", cycle {status.Cycle}").ToString();
    }
}
