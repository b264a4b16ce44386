using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Converters;

/// <summary>
/// Events and values written to a compact writer with the default encoder are made as raw bytes by the library itself;
/// they must be the very bytes <see cref="Utf8JsonWriter"/> writes, which it still does when the options name an encoder.
/// </summary>
public sealed class JsonOutTests
{
    /// <summary>The same escaping as the default, given explicitly: the writer itself writes every value.</summary>
    private static readonly JsonSerializerOptions ThroughTheWriter = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default }.ConfigureForServiceQuality();

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Tickets_WrittenRaw_AreTheWritersBytes() =>
        Prop.ForAll(HistoryGenerators.Tickets().ToArbitrary(), ticket => SameBytes(ticket.History));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Customers_WrittenRaw_AreTheWritersBytes() =>
        Prop.ForAll(HistoryGenerators.Customers().ToArbitrary(), customer => SameBytes(customer.History));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Complaints_WrittenRaw_AreTheWritersBytes() =>
        Prop.ForAll(HistoryGenerators.Complaints().ToArbitrary(), complaint => SameBytes(complaint.History));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Visits_WrittenRaw_AreTheWritersBytes() =>
        Prop.ForAll(HistoryGenerators.Visits().ToArbitrary(), visit => SameBytes(visit.History));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Agreements_WrittenRaw_AreTheWritersBytes() =>
        Prop.ForAll(HistoryGenerators.Agreements().ToArbitrary(), agreement => SameBytes(agreement.History));

    [Theory]
    [InlineData("12.50", "CNY")]
    [InlineData("79228162514264337593543950335", "CNY")]
    [InlineData("0.0000000000000000000000000001", "USD")]
    [InlineData("-3", "EUR")]
    public void Money_WrittenRaw_IsTheWritersBytes(string amount, string currency)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(JsonSerializer.Serialize(money, ThroughTheWriter), JsonSerializer.Serialize(money, JsonText.Options));
        Assert.Equal(JsonSerializer.Serialize(new[] { money, money }, ThroughTheWriter), JsonSerializer.Serialize(new[] { money, money }, JsonText.Options));
    }

    /// <summary>Every character of the first 256 and a few beyond, alone and inside a text: written raw only when the writer would not escape it.</summary>
    [Fact]
    public void Texts_OfEachCharacter_WrittenRaw_AreTheWritersBytes()
    {
        var at = NodaTime.Instant.FromUtc(2025, 1, 13, 1, 0);
        foreach (var c in Enumerable.Range(0, 256).Concat([0x2028, 0x4E2D, 0xFEFF, 0xFFFD]).Select(c => (char)c))
        {
            foreach (var text in new[] { c.ToString(), "a" + c + "b" })
            {
                var e = new Domain.Tickets.Events.TicketReopened(new TicketId("T-1"), at, text);

                Assert.Equal(JsonSerializer.Serialize<Domain.Tickets.Events.TicketEvent>(e, ThroughTheWriter), JsonSerializer.Serialize<Domain.Tickets.Events.TicketEvent>(e, JsonText.Options));
            }
        }
    }

    [Fact]
    public void Values_InAnObject_WrittenRaw_AreTheWritersBytes()
    {
        var value = new { Tier = ServiceTier.Gold, Custom = new ServiceTier("大客户", 3), Ratio = new Ratio(45, 50), Reference = new AgreementReference(new AgreementId("PM-2025"), 2) };

        Assert.Equal(JsonSerializer.Serialize(value, ThroughTheWriter), JsonSerializer.Serialize(value, JsonText.Options));
    }

    private static void SameBytes<TEvent>(IReadOnlyList<TEvent> history)
        where TEvent : class, IDomainEvent
    {
        Assert.Equal(JsonSerializer.Serialize(history, ThroughTheWriter), JsonSerializer.Serialize(history, JsonText.Options));
        foreach (var @event in history)
        {
            Assert.Equal(JsonSerializer.Serialize(@event, ThroughTheWriter), JsonSerializer.Serialize(@event, JsonText.Options));
        }
    }
}
