using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits.Events;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Events;

/// <summary>What the strict reader refuses: always a <see cref="JsonException"/> with a path, never an accepted event or another exception.</summary>
public sealed class EventRefusalTests
{
    private const string Opened =
        """{"type":"TicketOpened","v":1,"ticketId":"T-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","firstContactOwner":"wang","customerTier":"gold","agreement":null,"requiresOnSiteVisit":false}""";

    private const string Spend = """{"type":"SpendRecorded","v":1,"customerId":"C-1","occurredAt":"2025-01-13T01:00:00Z","year":2025,"amount":{"amount":12.50,"currency":"CNY"}}""";

    private static string With(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OfTheBaseEvents_Accepts() => Assert.IsType<TicketOpened>(JsonText.Read<TicketEvent>(Opened));

    [Theory]
    [InlineData("\"type\":\"TicketOpened\"", "\"type\":\"TicketTeleported\"")]
    [InlineData("\"type\":\"TicketOpened\"", "\"type\":\"ticketOpened\"")]
    [InlineData("\"type\":\"TicketOpened\"", "\"type\":\"TicketAssigned\"")]
    [InlineData("\"type\":\"TicketOpened\",", "")]
    [InlineData("\"type\":\"TicketOpened\"", "\"type\":1")]
    public void Read_WithoutAKnownDiscriminator_IsRefused(string from, string to) => JsonText.Refused<TicketEvent>(With(Opened, from, to));

    [Theory]
    [InlineData("\"v\":2")]
    [InlineData("\"v\":0")]
    [InlineData("\"v\":\"1\"")]
    [InlineData("\"v\":1.0")]
    [InlineData("\"v\":null")]
    public void Read_OfAnUnknownFormatVersion_IsRefused(string version)
    {
        var exception = JsonText.Refused<TicketEvent>(With(Opened, "\"v\":1", version));

        Assert.Contains("TicketOpened.v", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutAFormatVersion_IsRefusedNamingIt() =>
        Assert.Contains("'v'", JsonText.Refused<TicketEvent>(With(Opened, "\"v\":1,", "")).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_WithAnUnknownProperty_IsRefusedNamingIt() =>
        Assert.Contains("'colour'", JsonText.Refused<TicketEvent>(With(Opened, "\"v\":1,", "\"v\":1,\"colour\":\"red\",")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("\"customer\":\"C-1\",", "\"customer\":\"C-1\",\"customer\":\"C-2\",")]
    [InlineData("\"v\":1,", "\"v\":1,\"v\":1,")]
    [InlineData("\"v\":1,", "\"v\":1,\"type\":\"TicketOpened\",")]
    [InlineData("\"customer\":\"C-1\",", "\"customer\":\"C-1\",\"cust\\u006fmer\":\"C-2\",")]
    public void Read_WithARepeatedProperty_IsRefused(string from, string to) =>
        Assert.Contains("twice", JsonText.Refused<TicketEvent>(With(Opened, from, to)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("\"agreement\":null,")]
    [InlineData("\"ticketId\":\"T-1\",")]
    [InlineData("\"occurredAt\":\"2025-01-13T01:00:00Z\",")]
    [InlineData("\"customer\":\"C-1\",")]
    public void Read_WithoutARequiredProperty_IsRefusedNamingIt(string property)
    {
        var exception = JsonText.Refused<TicketEvent>(With(Opened, property, ""));

        Assert.Contains(property[1..property.IndexOf('"', 1)], exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"priority\":1")]
    [InlineData("\"priority\":\"1\"")]
    [InlineData("\"priority\":\"P1, P2\"")]
    [InlineData("\"priority\":\"p2\"")]
    [InlineData("\"priority\":\" P2\"")]
    [InlineData("\"priority\":\"P2 \"")]
    [InlineData("\"priority\":null")]
    public void Read_WithAnEnumNotOneOfItsDeclaredNames_IsRefused(string priority)
    {
        var exception = JsonText.Refused<TicketEvent>(With(Opened, "\"priority\":\"P2\"", priority));

        Assert.Contains("TicketOpened.priority", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"HardshipHousehold, RedList\"]")]
    [InlineData("\"HardshipHousehold, RedList\"")]
    [InlineData("3")]
    [InlineData("[\"None\"]")]
    [InlineData("[\"RedList\",\"RedList\"]")]
    [InlineData("[\"redList\"]")]
    [InlineData("[1]")]
    public void Read_WithFlagsNotADistinctListOfNames_IsRefused(string flags) =>
        JsonText.Refused<CustomerEvent>($$"""{"type":"CareFlagsChanged","v":1,"customerId":"C-1","occurredAt":"2025-01-13T01:00:00Z","flags":{{flags}}}""");

    [Theory]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":\" \"")]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":\"\"")]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":\"T\\u00011\"")]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":\"T\\ud8001\"")]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":null")]
    [InlineData("\"ticketId\":\"T-1\"", "\"ticketId\":1")]
    [InlineData("\"customer\":\"C-1\"", "\"customer\":{\"Value\":\"C-1\"}")]
    public void Read_WithAnIdItsTypeRefuses_IsRefused(string from, string to) => JsonText.Refused<TicketEvent>(With(Opened, from, to));

    [Fact]
    public void Read_WithAnIdTooLong_IsRefusedWithTheIdsOwnReason()
    {
        var exception = JsonText.Refused<TicketEvent>(With(Opened, "\"T-1\"", "\"" + new string('x', 129) + "\""));

        Assert.Contains("TicketOpened.ticketId", exception.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
    }

    [Theory]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("+10000-01-01T00:00:00Z")]
    [InlineData("-9999-01-01T00:00:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2025-01-13T24:00:00Z")]
    [InlineData("2025-01-13T01:00:60Z")]
    [InlineData("2025-01-13T01:00:00+08:00")]
    [InlineData("2025-01-13T01:00:00")]
    [InlineData("2025-01-13T01:00:00.Z")]
    [InlineData("2025-01-13T01:00:00.0000000001Z")]
    [InlineData("2025-01-13 01:00:00Z")]
    [InlineData("1736730000")]
    public void Read_WithAnInstantOutOfRangeOrNotExtendedIso_IsRefused(string instant)
    {
        var exception = JsonText.Refused<TicketEvent>(With(Opened, "2025-01-13T01:00:00Z", instant));

        Assert.Contains("TicketOpened.occurredAt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithAnInstantAsANumber_IsRefused() => JsonText.Refused<TicketEvent>(With(Opened, "\"2025-01-13T01:00:00Z\"", "1736730000"));

    [Theory]
    [InlineData("1e40")]
    [InlineData("-1e40")]
    [InlineData("1e2")]
    [InlineData("1E2")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("12.500000000000000000000000000001")]
    [InlineData("\"12.50\"")]
    [InlineData("null")]
    public void Read_WithAnAmountADecimalCannotHoldExactly_IsRefused(string amount)
    {
        var exception = JsonText.Refused<CustomerEvent>(With(Spend, "12.50", amount));

        Assert.Contains("Money.amount", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"currency\":\"cny\"")]
    [InlineData("\"currency\":\"CNYX\"")]
    [InlineData("\"Currency\":\"CNY\"")]
    public void Read_WithMoneyNotInAnIsoCurrency_IsRefused(string currency) => JsonText.Refused<CustomerEvent>(With(Spend, "\"currency\":\"CNY\"", currency));

    [Theory]
    [InlineData("\"year\":3000000000")]
    [InlineData("\"year\":2025.5")]
    [InlineData("\"year\":2.025e3")]
    [InlineData("\"year\":\"2025\"")]
    public void Read_WithAnIntegerOutOfRangeOrNotAnInteger_IsRefused(string year) => JsonText.Refused<CustomerEvent>(With(Spend, "\"year\":2025", year));

    [Theory]
    [InlineData("\"platinum\"")]
    [InlineData("\"Gold\"")]
    [InlineData("{\"code\":\"platinum\"}")]
    [InlineData("{\"code\":\"platinum\",\"rank\":-1}")]
    [InlineData("{\"code\":\" \",\"rank\":1}")]
    [InlineData("{\"code\":\"platinum\",\"rank\":1,\"colour\":\"silver\"}")]
    [InlineData("2")]
    [InlineData("null")]
    public void Read_WithATierThatIsNeitherStockNorComplete_IsRefused(string tier) => JsonText.Refused<TicketEvent>(With(Opened, "\"gold\"", tier));

    [Theory]
    [InlineData("\"requiresOnSiteVisit\":false", "\"requiresOnSiteVisit\":\"false\"")]
    [InlineData("\"requiresOnSiteVisit\":false", "\"requiresOnSiteVisit\":0")]
    [InlineData("\"agreement\":null", "\"agreement\":{\"id\":\"PM\",\"version\":0}")]
    [InlineData("\"agreement\":null", "\"agreement\":{\"id\":\"PM\"}")]
    [InlineData("\"agreement\":null", "\"agreement\":\"PM v1\"")]
    public void Read_WithAValueOfTheWrongKind_IsRefused(string from, string to) => JsonText.Refused<TicketEvent>(With(Opened, from, to));

    [Theory]
    [InlineData("""{"ticket":"T-1","complaint":"K-1"}""")]
    [InlineData("""{"ticket":"T-1"}""")]
    [InlineData("null")]
    public void Read_WithAVisitSubjectThatIsNotOneCase_IsRefused(string subject) =>
        JsonText.Refused<VisitEvent>($$"""{"type":"VisitPlanned","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","subject":{{subject}},"kind":"PhoneCallback","due":"2025-01-15T01:00:00Z","maxAttempts":3}""");

    [Fact]
    public void Read_WithARatingGivenTwice_IsRefused() =>
        JsonText.Refused<VisitEvent>("""{"type":"VisitCompleted","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","overall":"Satisfied","dimensions":{"a":"Neutral","a":"Satisfied"},"comment":null,"performedBy":"agent"}""");

    [Theory]
    [InlineData("\"target\":\"4:00:00\"", "\"target\":\"PT4H\"")]
    [InlineData("\"target\":\"4:00:00\"", "\"target\":\"99999999999:00:00\"")]
    [InlineData("\"target\":\"4:00:00\"", "\"target\":14400")]
    [InlineData("\"warningStages\":[50]", "\"warningStages\":[1e40]")]
    [InlineData("\"warningStages\":[50]", "\"warningStages\":50")]
    [InlineData("\"thresholdPercent\":90", "\"thresholdPercent\":\"90\"")]
    public void Read_WithAnAgreementTermOutOfRangeOrMistyped_IsRefused(string from, string to) =>
        JsonText.Refused<AgreementEvent>(With(
            """{"type":"AgreementDrafted","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","version":1,"name":"Residents","kind":"ServiceLevel","calendarName":null,"targets":[{"metric":"Resolution","priority":null,"tier":null,"target":"4:00:00","basis":"CalendarTime"}],"pauses":[],"warningStages":[50],"reopen":"NewCycle","applicability":{"tiers":[],"kinds":[],"channels":[],"priorities":[],"categories":[]},"objectives":[{"kpi":"SlaCompliance","comparison":"AtLeast","thresholdPercent":90}]}""",
            from,
            to));

    [Theory]
    [InlineData("[]")]
    [InlineData("\"TicketOpened\"")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Read_OfSomethingOtherThanAnEvent_IsRefused(string json)
    {
        var exception = Record.Exception(() => JsonSerializer.Deserialize<TicketEvent>(json, JsonText.Options));

        // Null is System.Text.Json's own business: it reads as a null event, which FromHistory refuses.
        if (json == "null")
        {
            Assert.Null(exception);
        }
        else
        {
            Assert.IsType<JsonException>(exception);
        }
    }

    [Fact]
    public void Read_OfAnEventAsAnotherEventType_IsRefused() => JsonText.Refused<TicketAssigned>(Opened);

    [Fact]
    public void Read_OfAnEventOfAnotherAggregate_IsRefused() => JsonText.Refused<ComplaintEvent>(Opened);

    [Fact]
    public void Read_OfAHistoryWithABadEvent_LocatesItByItsIndex()
    {
        var history = $"[{Opened},{With(Opened, "\"P2\"", "\"P9\"")}]";

        var exception = JsonText.Refused<List<TicketEvent>>(history);

        Assert.StartsWith("$[1]", exception.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\":\"TicketOpened\",\"v\":1")]
    [InlineData("{\"type\":\"TicketOpened\",\"v\":1,}")]
    public void Read_OfMalformedJson_IsRefused(string json) => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TicketEvent>(json, JsonText.Options));

    [Fact]
    public void Write_OfAnEventWithAnEmptyIdADefaultTierOrAnUndefinedEnum_IsRefused()
    {
        var opened = JsonText.Read<TicketOpened>(Opened);

        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(opened with { TicketId = default }));
        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(opened with { Customer = default }));
        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(opened with { CustomerTier = default }));
        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(opened with { Priority = (Priority)9 }));
        Assert.Throws<JsonException>(() => JsonText.Write<CustomerEvent>(new CareFlagsChanged(new CustomerId("C-1"), Instant.FromUtc(2025, 1, 1, 0, 0), (CareFlags)8)));
        Assert.Throws<JsonException>(() => JsonText.Write<CustomerEvent>(new SpendRecorded(new CustomerId("C-1"), Instant.FromUtc(2025, 1, 1, 0, 0), 2025, default)));
    }

    [Fact]
    public void Write_OfATextThatIsNotValidUtf16_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(new TicketReopened(new TicketId("T-1"), Instant.FromUtc(2025, 1, 1, 0, 0), "lone \ud800 surrogate")));

    [Fact]
    public void Write_OfAnEventTypeTheLibraryDoesNotDeclare_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonText.Write<TicketEvent>(new StrayTicketEvent(new TicketId("T-1"), Instant.FromUtc(2025, 1, 1, 0, 0))));

    [Fact]
    public void ConfigureForServiceQuality_Twice_AddsTheConvertersOnce()
    {
        var options = new JsonSerializerOptions().ConfigureForServiceQuality();
        var count = options.Converters.Count;

        Assert.Same(options, options.ConfigureForServiceQuality());
        Assert.Equal(count, options.Converters.Count);
    }

    [Fact]
    public void ConfigureForServiceQuality_OfNullOrUsedOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ((JsonSerializerOptions)null!).ConfigureForServiceQuality());
        var used = new JsonSerializerOptions();
        JsonSerializer.Serialize(1, used);
        Assert.Throws<InvalidOperationException>(() => used.ConfigureForServiceQuality());
    }

    private sealed record StrayTicketEvent(TicketId TicketId, Instant OccurredAt) : TicketEvent(TicketId, OccurredAt);
}
