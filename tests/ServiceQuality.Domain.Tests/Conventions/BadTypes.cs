#pragma warning disable CA1051, CA1812, CA1024, CA1003, CA1711, CA1034, CA2227, CA1822, IDE0044
// Deliberately broken public types: each convention check must report the one aimed at it.
namespace ServiceQuality.Domain.Tests.Conventions.BadTypes.Tickets;

public class UnsealedClass
{
}

public struct MutableStruct
{
    public int Value;
}

public sealed class AggregateWithSetter
{
    public int Count { get; set; }

    public int Fixed { get; init; }
}

public sealed class UsesDateTime
{
    public DateTime When { get; init; }
}

public sealed class UsesTimeSpanParameter
{
    public void Wait(TimeSpan delay) => _ = delay;
}

public sealed class UsesNullableDateTimeOffsetList
{
    public IReadOnlyList<DateTimeOffset?> Moments() => [];
}

public delegate TimeSpan TimeSpanCallback();
