using System.Text.Json;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>
/// The JSON shape of one domain event type: <c>{"type": "TicketOpened", "v": 1, "ticketId": …, "occurredAt": …, fields…}</c>,
/// the fields named as the event's properties in camel case. Every property is required (a nullable one may be null) but
/// the optional ones, fields added to the format later, which a reader takes as their documented default when absent.
/// </summary>
internal sealed class EventShape
{
    /// <summary>How many properties every event has before its own fields: type, v, the aggregate's id, occurredAt.</summary>
    public const int Common = 4;

    public EventShape(string type, string idName, params string[] fields)
        : this(type, idName, fields, [])
    {
    }

    /// <summary>A shape whose <paramref name="optionalFields"/> follow its required <paramref name="fields"/>.</summary>
    public EventShape(string type, string idName, string[] fields, string[] optionalFields)
    {
        TypeName = JsonEncodedText.Encode(type);
        var optional = ((1UL << optionalFields.Length) - 1) << (Common + fields.Length);
        Properties = new JsonProperties(type, ["type", "v", idName, "occurredAt", .. fields, .. optionalFields], optional);
        RawStart = [(byte)'{', .. JsonName.MemberOf(TypeProperty.Text).AsSpan(1), (byte)'"', .. TypeName.EncodedUtf8Bytes, (byte)'"', .. JsonName.MemberOf(VersionProperty.Text), (byte)'0' + EventFormat.Version];
    }

    /// <summary>The event's start as written: <c>{"type":"TicketOpened","v":1</c>.</summary>
    public byte[] RawStart { get; }

    /// <summary>The discriminator: the event type's name.</summary>
    public JsonEncodedText TypeName { get; }

    public JsonProperties Properties { get; }

    public JsonName TypeProperty => Properties[0];

    public JsonName VersionProperty => Properties[1];

    public JsonName IdProperty => Properties[2];

    public JsonName OccurredAtProperty => Properties[3];

    /// <summary>The name of the event's own field <paramref name="field"/> (0 for the first after occurredAt).</summary>
    public JsonName Field(int field) => Properties[Common + field];

    /// <summary>The field, for messages: <c>TicketOpened.customer</c>.</summary>
    public Where Where(int field) => new(Properties, Common + field);
}
