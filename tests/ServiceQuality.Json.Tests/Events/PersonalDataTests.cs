using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Events;

/// <summary>
/// Refusals say what is wrong and where, and never repeat a personal value (a name, contact details, a reply, a remedy,
/// a reason); names, codes and enum names may be repeated, with control characters escaped.
/// </summary>
public sealed class PersonalDataTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 1, 13, 1, 0);

    private static readonly string Registered = JsonText.Write<CustomerEvent>(new CustomerRegistered(
        new CustomerId("C-1"), At, "Wang Xiaoming", new ContactDetails("13812345678", "wang@example.com", "Room 1, 8 Road"), ServiceTier.Gold, new LocalDate(2020, 5, 1)));

    private static readonly string Responded = JsonText.Write<ComplaintEvent>(new ComplaintResponded(new ComplaintId("K-1"), At, "Dear Wang Xiaoming", "Refund to Wang Xiaoming"));

    /// <summary>An event's JSON, a personal value in it and the property that holds it.</summary>
    public static TheoryData<string, string, string> PersonalTexts => new()
    {
        { Registered, "Wang Xiaoming", "CustomerRegistered.displayName" },
        { Registered, "13812345678", "ContactDetails.phone" },
        { Registered, "wang@example.com", "ContactDetails.email" },
        { Registered, "Room 1, 8 Road", "ContactDetails.address" },
        { Responded, "Dear Wang Xiaoming", "ComplaintResponded.reply" },
        { Responded, "Refund to Wang Xiaoming", "ComplaintResponded.remedy" },
    };

    [Theory]
    [MemberData(nameof(PersonalTexts))]
    public void Read_OfPersonalTextWithALoneSurrogate_NamesThePropertyWithoutTheText(string json, string text, string property)
    {
        var broken = Replace(json, text, text[..4] + "\\ud800" + text[4..]);

        var exception = Assert.Throws<JsonException>(() => Read(broken));

        Assert.Contains(property, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text[..4], exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text[^4..], exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PersonalTexts))]
    public void Read_OfPersonalTextOfTheWrongKind_NamesThePropertyWithoutTheText(string json, string text, string property)
    {
        Assert.Contains("\"" + text + "\"", json, StringComparison.Ordinal);
        var broken = json.Replace("\"" + text + "\"", "[\"" + text + "\"]", StringComparison.Ordinal);

        var exception = Assert.Throws<JsonException>(() => Read(broken));

        Assert.Contains(property, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text[..4], exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OfANameWithALoneSurrogate_NamesThePropertyWithoutTheName()
    {
        var registered = JsonText.Read<CustomerRegistered>(Registered);

        var exception = Assert.Throws<JsonException>(() => JsonText.Write<CustomerEvent>(registered with { DisplayName = "Wang \ud800 Xiaoming" }));

        Assert.Contains("CustomerRegistered.displayName", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wang", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Xiaoming", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OfContactDetailsWithALoneSurrogate_NamesThemWithoutTheirText()
    {
        var registered = JsonText.Read<CustomerRegistered>(Registered);

        var exception = Assert.Throws<JsonException>(() => JsonText.Write<CustomerEvent>(registered with { Contact = new ContactDetails("138\ud80012345678", null, null) }));

        Assert.Contains("CustomerRegistered.contact", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithAnUnknownPropertyHoldingAControlCharacter_EscapesItInTheMessage()
    {
        var broken = Registered.Replace("\"v\":1,", "\"v\":1,\"col\\u0001our\":1,", StringComparison.Ordinal);

        var exception = Assert.Throws<JsonException>(() => Read(broken));

        Assert.Contains("'col\\u0001our'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', exception.Message);
    }

    [Fact]
    public void Read_WithAnEnumNameHoldingAControlCharacter_EscapesItInTheMessage()
    {
        var changed = """{"type":"PriorityChanged","v":1,"ticketId":"T-1","occurredAt":"2025-01-13T01:00:00Z","from":"P1\n\u0007","to":"P2"}""";
        var held = """{"type":"TicketOnHold","v":1,"ticketId":"T-1","occurredAt":"2025-01-13T01:00:00Z","reason":"Waiting\n\u0007"}""";

        var exception = JsonText.Refused<TicketEvent>(changed);
        var reason = JsonText.Refused<TicketEvent>(held); // a hold reason is open, but a control character breaks the rules of its code

        Assert.Contains("PriorityChanged.from", exception.Message, StringComparison.Ordinal);
        Assert.Contains("P1\\u000A\\u0007", exception.Message, StringComparison.Ordinal);
        Assert.Contains("TicketOnHold.reason", reason.Message, StringComparison.Ordinal);
    }

    private static string Replace(string json, string text, string with)
    {
        Assert.Contains("\"" + text + "\"", json, StringComparison.Ordinal);
        return json.Replace("\"" + text + "\"", "\"" + with + "\"", StringComparison.Ordinal);
    }

    private static object? Read(string json) =>
        json.Contains("\"Complaint", StringComparison.Ordinal) ? JsonText.Read<ComplaintEvent>(json) : JsonText.Read<CustomerEvent>(json);
}
