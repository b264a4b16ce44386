using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Converters;

/// <summary>The values on their own, as a host's own types hold them: the same format as inside events, the same strictness.</summary>
public sealed class ValueConverterTests
{
    public static TheoryData<object, string> Values => new()
    {
        { new TicketId("T-1"), "\"T-1\"" },
        { new CustomerId("C-1"), "\"C-1\"" },
        { new StaffId("wang"), "\"wang\"" },
        { new DepartmentId("repairs"), "\"repairs\"" },
        { new ComplaintId("K-1"), "\"K-1\"" },
        { new VisitId("V-1"), "\"V-1\"" },
        { new AgreementId("PM-2025"), "\"PM-2025\"" },
        { Money.Yuan(12.50m), """{"amount":12.50,"currency":"CNY"}""" },
        { new Money(-0.001m, "USD"), """{"amount":-0.001,"currency":"USD"}""" },
        { ServiceTier.ClassA, "\"class-a\"" },
        { new ServiceTier("platinum", 7), """{"code":"platinum","rank":7}""" },
        { new ServiceTier("gold", 9), """{"code":"gold","rank":9}""" },
        { new Ratio(45, 50), """{"numerator":45,"denominator":50}""" },
        { Ratio.Empty, """{"numerator":0,"denominator":0}""" },
        { new AgreementReference(new AgreementId("PM-2025"), 3), """{"id":"PM-2025","version":3}""" },
        { Priority.P1, "\"P1\"" },
        { SatisfactionRating.VeryDissatisfied, "\"VeryDissatisfied\"" },
        { CareFlags.None, "[]" },
        { CareFlags.BlackList | CareFlags.HardshipHousehold, """["HardshipHousehold","BlackList"]""" },
        { ComplianceDimensions.Metric | ComplianceDimensions.Tier, """["Metric","Tier"]""" },
        { new ContactDetails(null, "z@example.com", null), """{"phone":null,"email":"z@example.com","address":null}""" },
        { VisitSubject.None, """{"ticket":null,"complaint":null}""" },
        { new ServiceTarget(Metric.OnSiteArrival, null, ServiceTier.Vip, Duration.FromMinutes(90), TimeBasis.BusinessTime), """{"metric":"OnSiteArrival","priority":null,"tier":"vip","target":"1:30:00","basis":"BusinessTime"}""" },
        { new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.BusinessTime) { Start = TargetStart.Retroactive }, """{"metric":"Resolution","priority":"P1","tier":null,"target":"4:00:00","basis":"BusinessTime","start":"Retroactive"}""" },
        {
            new ServiceTarget(Metric.FirstResponse, null, null, BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0))), TargetStart.Opening),
            """{"metric":"FirstResponse","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"EndOfDay","businessDays":0,"at":null,"cutOff":"16:00:00","afterCutOff":{"kind":"AtTime","businessDays":0,"at":"12:00:00","cutOff":null}}}"""
        },
        { new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.WithinBusinessDays(3), TargetStart.WhenApplies), """{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"SameTimeOfDay","businessDays":3,"at":null,"cutOff":null},"start":"WhenApplies"}""" },
        { new KpiObjective(Kpi.ComplaintRate, Comparison.AtMost, 0.5m), """{"kpi":"ComplaintRate","comparison":"AtMost","thresholdPercent":0.5}""" },
        { Instant.FromUtc(2025, 1, 13, 1, 0), "\"2025-01-13T01:00:00Z\"" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Write_OfAValue_GivesItsDocumentedText(object value, string json) => Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType(), JsonText.Options));

    [Theory]
    [MemberData(nameof(Values))]
    public void Read_OfTheDocumentedText_GivesTheValue(object value, string json) =>
        Structural.AssertEqual(value, JsonSerializer.Deserialize(json, value.GetType(), JsonText.Options));

    [Fact]
    public void Money_KeepsTheDecimalsScaleExactly()
    {
        foreach (var amount in new[] { 12.5m, 12.50m, 12.500m, 0m, 0.00m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m })
        {
            var read = JsonText.Read<Money>(JsonText.Write(new Money(amount, "CNY")));

            Assert.Equal(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Dictionaries_KeyedByIdOrEnum_UseTheirTextAsPropertyNames()
    {
        var byId = new Dictionary<TicketId, Priority> { [new TicketId("T-1")] = Priority.P1 };
        var byEnum = new Dictionary<Priority, int> { [Priority.P2] = 2 };

        Assert.Equal("""{"T-1":"P1"}""", JsonText.Write(byId));
        Assert.Equal(byId, JsonText.Read<Dictionary<TicketId, Priority>>("""{"T-1":"P1"}"""));
        Assert.Equal(byEnum, JsonText.Read<Dictionary<Priority, int>>(JsonText.Write(byEnum)));
        JsonText.Refused<Dictionary<TicketId, int>>("""{" ":1}""");
        JsonText.Refused<Dictionary<Priority, int>>("""{"2":1}""");
    }

    [Fact]
    public void NullableValues_AreNullOrTheValue()
    {
        Assert.Equal("null", JsonText.Write<Money?>(null));
        Assert.Null(JsonText.Read<ServiceTier?>("null"));
        Assert.Equal(ServiceTier.Key, JsonText.Read<ServiceTier?>("\"key\""));
    }

    [Theory]
    [InlineData(typeof(TicketId), "\"\"")]
    [InlineData(typeof(TicketId), "{\"Value\":\"T-1\"}")]
    [InlineData(typeof(Priority), "1")]
    [InlineData(typeof(Priority), "\"P1,P2\"")]
    [InlineData(typeof(Priority), "\"p1\"")]
    [InlineData(typeof(CareFlags), "\"RedList\"")]
    [InlineData(typeof(Money), """{"amount":1e40,"currency":"CNY"}""")]
    [InlineData(typeof(Money), """{"amount":1,"currency":"CNY","amount":2}""")]
    [InlineData(typeof(Ratio), """{"numerator":-1,"denominator":2}""")]
    [InlineData(typeof(Ratio), """{"numerator":1,"denominator":99999999999999999999}""")]
    [InlineData(typeof(AgreementReference), """{"id":"PM","version":0}""")]
    [InlineData(typeof(ServiceTier), "\"platinum\"")]
    [InlineData(typeof(KpiObjective), """{"kpi":"ComplaintRate","comparison":"AtMost"}""")]
    public void Read_OfAValueItsTypeRefuses_IsALocatedJsonException(Type type, string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, JsonText.Options));

        Assert.NotNull(exception.Path);
    }

    [Fact]
    public void Write_OfADefaultIdTierOrMoney_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonText.Write(default(TicketId)));
        Assert.Throws<JsonException>(() => JsonText.Write(default(ServiceTier)));
        Assert.Throws<JsonException>(() => JsonText.Write(default(Money)));
        Assert.Throws<JsonException>(() => JsonText.Write(default(AgreementReference)));
        Assert.Throws<JsonException>(() => JsonText.Write((Priority)0));
    }

    [Theory]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"EndOfDay","businessDays":-1}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"EndOfDay","businessDays":10001}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"SameTimeOfDay","businessDays":0}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"AtTime","businessDays":1}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"AtTime","businessDays":1,"at":"24:00:00"}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"SameTimeOfDay","businessDays":1,"cutOff":"16:00:00"}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","deadline":{"kind":"EndOfDay","businessDays":1,"afterCutOff":{"kind":"EndOfDay","businessDays":0}}}""")]
    [InlineData("""{"metric":"Resolution","priority":null,"tier":null,"target":"0:00:00","basis":"BusinessTime","start":"Later"}""")]
    public void Read_OfABadDeadlineOrStart_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ServiceTarget>(json, JsonText.Options));

    [Fact]
    public void Read_OfATargetWrittenBeforeDeadlines_IsADurationTargetStartingAtTheOpening()
    {
        var target = JsonSerializer.Deserialize<ServiceTarget>("""{"metric":"Resolution","priority":"P1","tier":null,"target":"4:00:00","basis":"CalendarTime"}""", JsonText.Options)!;

        Assert.Equal((null, TargetStart.Opening, Duration.FromHours(4)), (target.Deadline, target.Start, target.Target));
    }
}
