using NodaTime;
using NodaTime.Text;

namespace ServiceQuality.Policies.Definitions;

/// <summary>Reads the instants of the file formats: ISO-8601 in UTC (<c>2025-01-13T01:00:00Z</c>) or with an offset (<c>2025-01-13T09:00:00+08:00</c>).</summary>
internal static class IsoInstant
{
    public static bool TryParse(string? text, out Instant instant)
    {
        if (text is not null && InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc)
        {
            instant = utc.Value;
            return true;
        }

        if (text is not null && OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
        {
            instant = offset.Value.ToInstant();
            return true;
        }

        instant = default;
        return false;
    }
}
