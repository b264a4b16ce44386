using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>The visit record's events as JSON.</summary>
internal sealed class VisitEvents : EventFamily<VisitEvent>
{
    private const string Id = "visitId";

    private static readonly EventShape Planned = new(nameof(VisitPlanned), Id, ["customer", "subject", "kind", "due", "maxAttempts"], ["retryInterval"]);
    private static readonly EventShape Attempted = new(nameof(VisitAttemptRecorded), Id, "outcome");
    private static readonly EventShape Completed = new(nameof(VisitCompleted), Id, "overall", "dimensions", "comment", "performedBy");
    private static readonly EventShape Missed = new(nameof(VisitMissed), Id);
    private static readonly EventShape Cancelled = new(nameof(VisitCancelled), Id, "reason");

    public VisitEvents()
        : base("visit event", [Planned, Attempted, Completed, Missed, Cancelled])
    {
    }

    protected override VisitEvent Read(ref Utf8JsonReader reader, int shape)
    {
        var e = new EventReader<VisitId>(ref reader, Shapes[shape], Ids.Visit);
        switch (shape)
        {
            case 0:
            {
                var (customer, subject, kind, due, maxAttempts, retryInterval) = (default(CustomerId), (VisitSubject?)null, default(VisitKind), default(Instant), 0, Duration.Zero);
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            customer = JsonValues.ReadId(ref reader, e.Where, Ids.Customer);
                            break;
                        case 1:
                            subject = ValueCodecs.ReadSubject(ref reader, e.Where);
                            break;
                        case 2:
                            kind = EnumCodec<VisitKind>.Read(ref reader, e.Where);
                            break;
                        case 3:
                            due = JsonValues.ReadInstant(ref reader, e.Where);
                            break;
                        case 4:
                            maxAttempts = JsonValues.ReadInt32(ref reader, e.Where);
                            break;
                        default:
                            retryInterval = JsonValues.ReadDuration(ref reader, e.Where);
                            break;
                    }
                }

                return new VisitPlanned(e.Id, e.At, customer, subject!, kind, due, maxAttempts) { RetryInterval = retryInterval };
            }

            case 1:
            {
                var outcome = e.Single(ref reader, EnumCodec<AttemptOutcome>.Read);
                return new VisitAttemptRecorded(e.Id, e.At, outcome);
            }

            case 2:
            {
                var (overall, dimensions, comment, performedBy) = (default(SatisfactionRating), (IReadOnlyDictionary<string, SatisfactionRating>?)null, (string?)null, default(StaffId));
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            overall = EnumCodec<SatisfactionRating>.Read(ref reader, e.Where);
                            break;
                        case 1:
                            dimensions = ValueCodecs.ReadRatings(ref reader, e.Where);
                            break;
                        case 2:
                            comment = JsonValues.ReadNullableString(ref reader, e.Where);
                            break;
                        default:
                            performedBy = Ids.ReadStaff(ref reader, e.Where);
                            break;
                    }
                }

                return new VisitCompleted(e.Id, e.At, overall, dimensions!, comment, performedBy);
            }

            case 3:
                e.End(ref reader);
                return new VisitMissed(e.Id, e.At);
            default:
            {
                var reason = e.Single(ref reader, JsonValues.ReadString);
                return new VisitCancelled(e.Id, e.At, reason);
            }
        }
    }

    protected override void WriteEvent(JsonOut writer, VisitEvent value)
    {
        switch (value)
        {
            case VisitPlanned e:
                Begin(writer, Planned, e);
                JsonValues.WriteId(writer, Planned.Field(0), e.Customer.Value, Planned.Where(0));
                writer.WritePropertyName(Planned.Field(1));
                ValueCodecs.WriteSubject(writer, e.Subject, Planned.Where(1));
                EnumCodec<VisitKind>.Write(writer, Planned.Field(2), e.Kind, Planned.Where(2));
                JsonValues.WriteInstant(writer, Planned.Field(3), e.Due);
                writer.WriteNumber(Planned.Field(4), e.MaxAttempts);
                if (e.RetryInterval != Duration.Zero)
                {
                    // Written only when set, so that visits planned without one keep the shape they always had.
                    JsonValues.WriteDuration(writer, Planned.Field(5), e.RetryInterval);
                }

                break;
            case VisitAttemptRecorded e:
                Begin(writer, Attempted, e);
                EnumCodec<AttemptOutcome>.Write(writer, Attempted.Field(0), e.Outcome, Attempted.Where(0));
                break;
            case VisitCompleted e:
                Begin(writer, Completed, e);
                EnumCodec<SatisfactionRating>.Write(writer, Completed.Field(0), e.Overall, Completed.Where(0));
                writer.WritePropertyName(Completed.Field(1));
                ValueCodecs.WriteRatings(writer, e.Dimensions, Completed.Where(1));
                JsonValues.WriteNullableString(writer, Completed.Field(2), e.Comment, Completed.Where(2));
                JsonValues.WriteId(writer, Completed.Field(3), e.PerformedBy.Value, Completed.Where(3));
                break;
            case VisitMissed e:
                Begin(writer, Missed, e);
                break;
            case VisitCancelled e:
                Begin(writer, Cancelled, e);
                JsonValues.WriteString(writer, Cancelled.Field(0), e.Reason, Cancelled.Where(0));
                break;
            default:
                throw UnknownType(value);
        }

        writer.WriteEndObject();
    }

    private static void Begin(JsonOut writer, EventShape shape, VisitEvent e) => EventFormat.Begin(writer, shape, e.VisitId.Value, e.OccurredAt);
}
