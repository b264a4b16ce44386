using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Events;

/// <summary>
/// The acceptance: a ticket serialised with plain System.Text.Json options (or with NodaTime's converters
/// only) and read back cannot become a ticket. Without <c>ConfigureForServiceQuality()</c> the typed ids, tiers and
/// instants do not survive; reading must then fail, or <c>FromHistory</c> refuse, never accept a ticket with empty ids.
/// </summary>
public sealed class PlainOptionsAcceptanceTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 13, 1, 0);

    public static TheoryData<string> PlainOptions => new() { "plain", "NodaTime only" };

    private static JsonSerializerOptions Options(string kind) =>
        kind == "plain" ? new JsonSerializerOptions() : new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private static Ticket Ticket()
    {
        var ticket = Domain.Tickets.Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("wang"), ServiceTier.Gold, T0);
        ticket.Assign(new StaffId("li"), new DepartmentId("repairs"), T0 + Duration.FromMinutes(10));
        ticket.StartWork(T0 + Duration.FromMinutes(20));
        return ticket;
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void History_ThroughOptionsWithoutServiceQuality_CannotBeReadBackAsEvents(string kind)
    {
        var json = JsonSerializer.Serialize(Ticket().History, Options(kind));

        // The events' base type is abstract and carries no discriminator without ServiceQuality's converters.
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<List<TicketEvent>>(json, Options(kind)));
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void EachEvent_ThroughOptionsWithoutServiceQuality_IsRefusedByFromHistory(string kind)
    {
        // The most a host could do: store each event with its type's name, and read it back as that type.
        var stored = Ticket().History.Select(e => (Type: e.GetType(), Json: JsonSerializer.Serialize(e, e.GetType(), Options(kind)))).ToList();

        var events = stored.Select(s => (TicketEvent)JsonSerializer.Deserialize(s.Json, s.Type, Options(kind))!).ToList();

        Assert.All(events, e => Assert.Equal(default, e.TicketId));
        var refused = Assert.Throws<ArgumentException>(() => Domain.Tickets.Ticket.FromHistory(events));
        Assert.Equal("history", refused.ParamName);
        Assert.StartsWith("The event at index 0 ", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void History_WrittenWithoutServiceQuality_IsRefusedByItsReader(string kind)
    {
        var json = JsonSerializer.Serialize(Ticket().History, Options(kind));

        JsonText.Refused<List<TicketEvent>>(json);
    }

    [Fact]
    public void History_ThroughConfigureForServiceQuality_RebuildsTheTicket()
    {
        var ticket = Ticket();

        var rebuilt = Domain.Tickets.Ticket.FromHistory(JsonText.Read<List<TicketEvent>>(JsonText.Write(ticket.History)));

        Assert.Equal(ticket.History, rebuilt.History);
        Assert.Equal((TicketStatus.InProgress, new StaffId("li"), 3), (rebuilt.Status, rebuilt.Assignee!.Value, rebuilt.StreamVersion));
    }
}
