using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>
/// Reads one event object of a known <see cref="EventShape"/>: it takes the properties every event has (the type, already
/// matched; the format version, which must be <see cref="EventFormat.Version"/>; the aggregate's id; occurredAt) itself
/// and stops at each of the event's own fields for the caller to read.
/// </summary>
internal struct EventReader<TId>
    where TId : struct
{
    private readonly EventShape _shape;
    private readonly Func<string, TId> _createId;
    private ObjectReader _properties;

    /// <summary>
    /// Starts on an event whose shape <see cref="EventFamily{TEvent}"/> has chosen: the reader is on the value of its
    /// <c>"type"</c> (a string), which was the first property, or on the name of the first property, the type coming later.
    /// </summary>
    public EventReader(ref Utf8JsonReader reader, EventShape shape, Func<string, TId> createId)
    {
        _shape = shape;
        _createId = createId;
        _properties = new ObjectReader(shape.Properties, reader.TokenType == JsonTokenType.String ? 0 : -1);
    }

    /// <summary>The aggregate's id, once read.</summary>
    public TId Id { get; private set; }

    /// <summary>When the event happened, once read.</summary>
    public Instant At { get; private set; }

    /// <summary>The event's own field the reader is on: 0 for the first after occurredAt.</summary>
    public readonly int Field => _properties.Index - EventShape.Common;

    /// <summary>The field the reader is on, for messages.</summary>
    public readonly Where Where => _properties.Where;

    /// <summary>Reads an event with no fields of its own to its end.</summary>
    public void End(ref Utf8JsonReader reader)
    {
        // The shape has no fields of its own: the first call reads the common properties and stops at the end.
        var more = Next(ref reader);
        System.Diagnostics.Debug.Assert(!more, "An event shape without fields has no field to stop at.");
    }

    /// <summary>Reads an event with one field of its own to its end and returns the field's value.</summary>
    public T Single<T>(ref Utf8JsonReader reader, ValueReader<T> read)
    {
        var value = default(T)!;
        while (Next(ref reader))
        {
            value = read(ref reader, Where);
        }

        return value;
    }

    /// <summary>
    /// Reads the fields every escalation event has — <c>level</c>, <c>target</c>, <c>reason</c>, in its shape's order — to
    /// the event's end (the shape requires all three, so none is left unset).
    /// </summary>
    public (int Level, string Target, string Reason) Escalation(ref Utf8JsonReader reader)
    {
        var (level, target, reason) = (0, (string?)null, (string?)null);
        while (Next(ref reader))
        {
            switch (Field)
            {
                case 0:
                    level = JsonValues.ReadInt32(ref reader, Where);
                    break;
                case 1:
                    target = JsonValues.ReadString(ref reader, Where);
                    break;
                default:
                    reason = JsonValues.ReadString(ref reader, Where);
                    break;
            }
        }

        return (level, target!, reason!);
    }

    /// <summary>
    /// Reads the fields every recompute of a case's agreements has — <c>customerTier</c>, <c>agreement</c>, <c>reason</c>
    /// and the optional <c>otherAgreements</c>, in its shape's order — to the event's end.
    /// </summary>
    public (ServiceTier Tier, AgreementReference? Agreement, string Reason, AgreementReference[] Others) Reselection(ref Utf8JsonReader reader)
    {
        var (tier, agreement, reason, others) = (default(ServiceTier), (AgreementReference?)null, string.Empty, Array.Empty<AgreementReference>());
        while (Next(ref reader))
        {
            switch (Field)
            {
                case 0:
                    tier = ValueCodecs.ReadTier(ref reader, Where);
                    break;
                case 1:
                    agreement = ValueCodecs.ReadNullableReference(ref reader, Where);
                    break;
                case 2:
                    reason = JsonValues.ReadString(ref reader, Where);
                    break;
                default:
                    others = ValueCodecs.ReadArray(ref reader, Where, ValueCodecs.ReadReference);
                    break;
            }
        }

        return (tier, agreement, reason, others);
    }

    /// <summary>Moves to the value of the next of the event's own fields, or returns false at the end of a complete event.</summary>
    public bool Next(ref Utf8JsonReader reader)
    {
        while (_properties.Next(ref reader))
        {
            switch (_properties.Index)
            {
                case 0:
                    // The type: the one property named so (a second would be a duplicate), matched when the shape was chosen.
                    break;
                case 1:
                    EventFormat.ReadVersion(ref reader, _shape);
                    break;
                case 2:
                    Id = JsonValues.ReadId(ref reader, _properties.Where, _createId);
                    break;
                case 3:
                    At = JsonValues.ReadInstant(ref reader, _properties.Where);
                    break;
                default:
                    return true;
            }
        }

        return false;
    }
}
