using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Converters;

/// <summary>The last id read on a thread is reused for the same text, and for nothing else.</summary>
public sealed class IdCacheTests
{
    private const string Started = """{"type":"TicketWorkStarted","v":1,"ticketId":"1","occurredAt":"2025-01-13T01:00:00Z"}""";

    [Fact]
    public void Read_OfTheSameIdTextAgain_GivesAnEqualId()
    {
        var first = JsonText.Read<TicketEvent>(Started);
        var second = JsonText.Read<TicketEvent>(Started);

        Assert.Equal(first.TicketId, second.TicketId);
        Assert.Equal("1", second.TicketId.Value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    public void Read_AfterAnId_OfTheSameBytesNotAsAString_IsRefused(string ticketId)
    {
        JsonText.Read<TicketEvent>(Started);

        JsonText.Refused<TicketEvent>(Started.Replace("\"1\"", ticketId, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AfterAnId_OfTheSameTextEscaped_GivesAnEqualId()
    {
        var first = JsonText.Read<TicketEvent>(Started);

        var escaped = JsonText.Read<TicketEvent>(Started.Replace("\"1\"", "\"\\u0031\"", StringComparison.Ordinal));

        Assert.Equal(first.TicketId, escaped.TicketId);
    }

    [Fact]
    public void Read_OfAnIdRefused_IsRefusedAgain()
    {
        var json = Started.Replace("\"1\"", "\"" + new string('x', 129) + "\"", StringComparison.Ordinal);

        JsonText.Refused<TicketEvent>(json);
        JsonText.Refused<TicketEvent>(json);
    }
}
