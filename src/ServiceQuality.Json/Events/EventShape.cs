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
    }

    /// <summary>The discriminator: the event type's name.</summary>
    public JsonEncodedText TypeName { get; }

    public JsonProperties Properties { get; }

    public JsonEncodedText TypeProperty => Properties[0];

    public JsonEncodedText VersionProperty => Properties[1];

    public JsonEncodedText IdProperty => Properties[2];

    public JsonEncodedText OccurredAtProperty => Properties[3];

    /// <summary>The name of the event's own field <paramref name="field"/> (0 for the first after occurredAt).</summary>
    public JsonEncodedText Field(int field) => Properties[Common + field];

    /// <summary>The field, for messages: <c>TicketOpened.customer</c>.</summary>
    public Where Where(int field) => new(Properties, Common + field);
}
