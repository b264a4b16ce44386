using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>The complaint's events as JSON.</summary>
internal sealed class ComplaintEvents : EventFamily<ComplaintEvent>
{
    private const string Id = "complaintId";

    private static readonly EventShape Received = new(
        nameof(ComplaintReceived), Id, ["customer", "channel", "category", "severity", "claimedLoss", "againstStaff", "againstDepartment", "relatedTicket", "callbackRequired"],
        ["customerTier", "agreement", "otherAgreements"]);

    private static readonly EventShape Registered = new(nameof(ComplaintRegistered), Id);
    private static readonly EventShape Investigated = new(nameof(InvestigationAssigned), Id, "department", "person", "deadline");
    private static readonly EventShape Responded = new(nameof(ComplaintResponded), Id, "reply", "remedy");
    private static readonly EventShape Resolved = new(nameof(ComplaintResolved), Id);
    private static readonly EventShape Decided = new(nameof(VerdictRecorded), Id, "outcome", "reason", "decidedBy");
    private static readonly EventShape Callback = new(nameof(CallbackRecorded), Id, "satisfied");
    private static readonly EventShape Waived = new(nameof(CallbackWaived), Id, "reason");
    private static readonly EventShape Closed = new(nameof(ComplaintClosed), Id);
    private static readonly EventShape Withdrawn = new(nameof(ComplaintWithdrawn), Id, "reason");
    private static readonly EventShape Escalated = new(nameof(ComplaintEscalated), Id, "level", "target", "reason");
    private static readonly EventShape Merged = new(nameof(ComplaintMerged), Id, "primary");
    private static readonly EventShape DuplicateIn = new(nameof(DuplicateMerged), Id, "duplicate", "duplicateReceivedAt");
    private static readonly EventShape Compensation = new(nameof(CompensationRecorded), Id, "amount");
    private static readonly EventShape SeverityChange = new(nameof(SeverityChanged), Id, "severity");
    private static readonly EventShape Reselected = new(nameof(ComplaintAgreementsReselected), Id, ["customerTier", "agreement", "reason"], ["otherAgreements"]);

    public ComplaintEvents()
        : base("complaint event", [Received, Registered, Investigated, Responded, Resolved, Decided, Callback, Waived, Closed, Withdrawn, Escalated, Merged, DuplicateIn, Compensation, SeverityChange, Reselected])
    {
    }

    protected override ComplaintEvent Read(ref Utf8JsonReader reader, int shape)
    {
        var e = new EventReader<ComplaintId>(ref reader, Shapes[shape], Ids.Complaint);
        switch (shape)
        {
            case 0:
                return ReadReceived(ref reader, ref e);
            case 1:
                e.End(ref reader);
                return new ComplaintRegistered(e.Id, e.At);
            case 2:
            {
                var (department, person, deadline) = (default(DepartmentId), default(StaffId), default(Instant));
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            department = JsonValues.ReadId(ref reader, e.Where, Ids.Department);
                            break;
                        case 1:
                            person = Ids.ReadStaff(ref reader, e.Where);
                            break;
                        default:
                            deadline = JsonValues.ReadInstant(ref reader, e.Where);
                            break;
                    }
                }

                return new InvestigationAssigned(e.Id, e.At, department, person, deadline);
            }

            case 3:
            {
                var (reply, remedy) = ((string?)null, (string?)null);
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        reply = JsonValues.ReadString(ref reader, e.Where);
                    }
                    else
                    {
                        remedy = JsonValues.ReadString(ref reader, e.Where);
                    }
                }

                return new ComplaintResponded(e.Id, e.At, reply!, remedy!);
            }

            case 4:
                e.End(ref reader);
                return new ComplaintResolved(e.Id, e.At);
            case 5:
            {
                var (outcome, reason, decidedBy) = (default(VerdictOutcome), (string?)null, default(StaffId));
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            outcome = EnumCodec<VerdictOutcome>.Read(ref reader, e.Where);
                            break;
                        case 1:
                            reason = JsonValues.ReadString(ref reader, e.Where);
                            break;
                        default:
                            decidedBy = Ids.ReadStaff(ref reader, e.Where);
                            break;
                    }
                }

                return new VerdictRecorded(e.Id, e.At, outcome, reason!, decidedBy);
            }

            case 6:
            {
                var satisfied = e.Single(ref reader, JsonValues.ReadBoolean);
                return new CallbackRecorded(e.Id, e.At, satisfied);
            }

            case 7:
            {
                var reason = e.Single(ref reader, JsonValues.ReadString);
                return new CallbackWaived(e.Id, e.At, reason);
            }

            case 8:
                e.End(ref reader);
                return new ComplaintClosed(e.Id, e.At);
            case 9:
            {
                var reason = e.Single(ref reader, JsonValues.ReadString);
                return new ComplaintWithdrawn(e.Id, e.At, reason);
            }

            case 10:
            {
                var (level, target, reason) = e.Escalation(ref reader);
                return new ComplaintEscalated(e.Id, e.At, level, target, reason);
            }

            case 11:
            {
                var primary = e.Single(ref reader, Ids.ReadComplaint);
                return new ComplaintMerged(e.Id, e.At, primary);
            }

            case 12:
            {
                var (duplicate, receivedAt) = (default(ComplaintId), default(Instant));
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        duplicate = Ids.ReadComplaint(ref reader, e.Where);
                    }
                    else
                    {
                        receivedAt = JsonValues.ReadInstant(ref reader, e.Where);
                    }
                }

                return new DuplicateMerged(e.Id, e.At, duplicate, receivedAt);
            }

            case 13:
            {
                var amount = e.Single(ref reader, ValueCodecs.ReadMoney);
                return new CompensationRecorded(e.Id, e.At, amount);
            }

            case 14:
            {
                var severity = e.Single(ref reader, EnumCodec<Severity>.Read);
                return new SeverityChanged(e.Id, e.At, severity);
            }

            default:
            {
                var (tier, agreement, reason, others) = e.Reselection(ref reader);
                return new ComplaintAgreementsReselected(e.Id, e.At, tier, agreement, reason) { OtherAgreements = others };
            }
        }
    }


    protected override void WriteEvent(JsonOut writer, ComplaintEvent value)
    {
        switch (value)
        {
            case ComplaintReceived e:
                Begin(writer, Received, e);
                JsonValues.WriteId(writer, Received.Field(0), e.Customer.Value, Received.Where(0));
                EnumCodec<Channel>.Write(writer, Received.Field(1), e.Channel, Received.Where(1));
                EnumCodec<ComplaintCategory>.Write(writer, Received.Field(2), e.Category, Received.Where(2));
                EnumCodec<Severity>.Write(writer, Received.Field(3), e.Severity, Received.Where(3));
                writer.WritePropertyName(Received.Field(4));
                ValueCodecs.WriteNullableMoney(writer, e.ClaimedLoss, Received.Where(4));
                JsonValues.WriteNullableId(writer, Received.Field(5), e.AgainstStaff?.Value, e.AgainstStaff is not null, Received.Where(5));
                JsonValues.WriteNullableId(writer, Received.Field(6), e.AgainstDepartment?.Value, e.AgainstDepartment is not null, Received.Where(6));
                JsonValues.WriteNullableId(writer, Received.Field(7), e.RelatedTicket?.Value, e.RelatedTicket is not null, Received.Where(7));
                writer.WriteBoolean(Received.Field(8), e.CallbackRequired);

                // Written only when recorded, so that complaints received without them keep the shape they always had.
                if (e.CustomerTier is { } tier)
                {
                    writer.WritePropertyName(Received.Field(9));
                    ValueCodecs.WriteTier(writer, tier, Received.Where(9));
                }

                if (e.Agreement is { } agreement)
                {
                    writer.WritePropertyName(Received.Field(10));
                    ValueCodecs.WriteNullableReference(writer, agreement, Received.Where(10));
                }

                if (e.OtherAgreements is { Count: > 0 } others)
                {
                    writer.WritePropertyName(Received.Field(11));
                    ValueCodecs.WriteArray(writer, others, Received.Where(11), ValueCodecs.WriteReference);
                }

                break;
            case ComplaintRegistered e:
                Begin(writer, Registered, e);
                break;
            case InvestigationAssigned e:
                Begin(writer, Investigated, e);
                JsonValues.WriteId(writer, Investigated.Field(0), e.Department.Value, Investigated.Where(0));
                JsonValues.WriteId(writer, Investigated.Field(1), e.Person.Value, Investigated.Where(1));
                JsonValues.WriteInstant(writer, Investigated.Field(2), e.Deadline);
                break;
            case ComplaintResponded e:
                Begin(writer, Responded, e);
                JsonValues.WriteString(writer, Responded.Field(0), e.Reply, Responded.Where(0));
                JsonValues.WriteString(writer, Responded.Field(1), e.Remedy, Responded.Where(1));
                break;
            case ComplaintResolved e:
                Begin(writer, Resolved, e);
                break;
            case VerdictRecorded e:
                Begin(writer, Decided, e);
                EnumCodec<VerdictOutcome>.Write(writer, Decided.Field(0), e.Outcome, Decided.Where(0));
                JsonValues.WriteString(writer, Decided.Field(1), e.Reason, Decided.Where(1));
                JsonValues.WriteId(writer, Decided.Field(2), e.DecidedBy.Value, Decided.Where(2));
                break;
            case CallbackRecorded e:
                Begin(writer, Callback, e);
                writer.WriteBoolean(Callback.Field(0), e.Satisfied);
                break;
            case CallbackWaived e:
                Begin(writer, Waived, e);
                JsonValues.WriteString(writer, Waived.Field(0), e.Reason, Waived.Where(0));
                break;
            case ComplaintClosed e:
                Begin(writer, Closed, e);
                break;
            case ComplaintWithdrawn e:
                Begin(writer, Withdrawn, e);
                JsonValues.WriteString(writer, Withdrawn.Field(0), e.Reason, Withdrawn.Where(0));
                break;
            case ComplaintEscalated e:
                Begin(writer, Escalated, e);
                writer.WriteNumber(Escalated.Field(0), e.Level);
                JsonValues.WriteString(writer, Escalated.Field(1), e.Target, Escalated.Where(1));
                JsonValues.WriteString(writer, Escalated.Field(2), e.Reason, Escalated.Where(2));
                break;
            case ComplaintMerged e:
                Begin(writer, Merged, e);
                JsonValues.WriteId(writer, Merged.Field(0), e.Primary.Value, Merged.Where(0));
                break;
            case DuplicateMerged e:
                Begin(writer, DuplicateIn, e);
                JsonValues.WriteId(writer, DuplicateIn.Field(0), e.Duplicate.Value, DuplicateIn.Where(0));
                JsonValues.WriteInstant(writer, DuplicateIn.Field(1), e.DuplicateReceivedAt);
                break;
            case CompensationRecorded e:
                Begin(writer, Compensation, e);
                writer.WritePropertyName(Compensation.Field(0));
                ValueCodecs.WriteMoney(writer, e.Amount, Compensation.Where(0));
                break;
            case SeverityChanged e:
                Begin(writer, SeverityChange, e);
                EnumCodec<Severity>.Write(writer, SeverityChange.Field(0), e.Severity, SeverityChange.Where(0));
                break;
            case ComplaintAgreementsReselected e:
                Begin(writer, Reselected, e);
                EventFormat.WriteReselection(writer, Reselected, e.CustomerTier, e.Agreement, e.Reason, e.OtherAgreements);
                break;
            default:
                throw UnknownType(value);
        }

        writer.WriteEndObject();
    }

    private static ComplaintReceived ReadReceived(ref Utf8JsonReader reader, ref EventReader<ComplaintId> e)
    {
        var (customer, channel, category, severity, claimedLoss) = (default(CustomerId), default(Channel), default(ComplaintCategory), default(Severity), (Money?)null);
        var (againstStaff, againstDepartment, relatedTicket, callbackRequired) = ((StaffId?)null, (DepartmentId?)null, (TicketId?)null, false);
        var (tier, agreement, others) = ((ServiceTier?)null, (AgreementReference?)null, Array.Empty<AgreementReference>());
        while (e.Next(ref reader))
        {
            switch (e.Field)
            {
                case 0:
                    customer = JsonValues.ReadId(ref reader, e.Where, Ids.Customer);
                    break;
                case 1:
                    channel = EnumCodec<Channel>.Read(ref reader, e.Where);
                    break;
                case 2:
                    category = EnumCodec<ComplaintCategory>.Read(ref reader, e.Where);
                    break;
                case 3:
                    severity = EnumCodec<Severity>.Read(ref reader, e.Where);
                    break;
                case 4:
                    claimedLoss = ValueCodecs.ReadNullableMoney(ref reader, e.Where);
                    break;
                case 5:
                    againstStaff = Ids.ReadNullableStaff(ref reader, e.Where);
                    break;
                case 6:
                    againstDepartment = JsonValues.ReadNullableId(ref reader, e.Where, Ids.Department);
                    break;
                case 7:
                    relatedTicket = JsonValues.ReadNullableId(ref reader, e.Where, Ids.Ticket);
                    break;
                case 8:
                    callbackRequired = JsonValues.ReadBoolean(ref reader, e.Where);
                    break;
                case 9:
                    tier = ValueCodecs.ReadNullableTier(ref reader, e.Where);
                    break;
                case 10:
                    agreement = ValueCodecs.ReadNullableReference(ref reader, e.Where);
                    break;
                default:
                    others = ValueCodecs.ReadArray(ref reader, e.Where, ValueCodecs.ReadReference);
                    break;
            }
        }

        return new ComplaintReceived(e.Id, e.At, customer, channel, category, severity, claimedLoss, againstStaff, againstDepartment, relatedTicket, callbackRequired)
        {
            CustomerTier = tier,
            Agreement = agreement,
            OtherAgreements = others,
        };
    }

    private static void Begin(JsonOut writer, EventShape shape, ComplaintEvent e) => EventFormat.Begin(writer, shape, e.ComplaintId.Value, e.OccurredAt);
}
