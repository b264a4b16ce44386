using System.Text.Json;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>The ticket's events as JSON.</summary>
internal sealed class TicketEvents : EventFamily<TicketEvent>
{
    private const string Id = "ticketId";

    private static readonly EventShape Opened = new(
        nameof(TicketOpened), Id, ["customer", "kind", "channel", "priority", "firstContactOwner", "customerTier", "agreement", "requiresOnSiteVisit"], ["claimedLoss", "otherAgreements"]);

    private static readonly EventShape Assigned = new(nameof(TicketAssigned), Id, "assignee", "department");
    private static readonly EventShape Transferred = new(nameof(TicketTransferred), Id, "from", "to", "department");
    private static readonly EventShape Responded = new(nameof(ResponseRecorded), Id, "by", "isPublic");
    private static readonly EventShape WorkStarted = new(nameof(TicketWorkStarted), Id);
    private static readonly EventShape OnHold = new(nameof(TicketOnHold), Id, "reason");
    private static readonly EventShape Resumed = new(nameof(TicketResumed), Id);
    private static readonly EventShape Referred = new(nameof(ReferredToThirdParty), Id, "party");
    private static readonly EventShape Returned = new(nameof(ThirdPartyReturned), Id, "result");
    private static readonly EventShape Arrived = new(nameof(OnSiteArrived), Id, "by");
    private static readonly EventShape Reprioritised = new(nameof(PriorityChanged), Id, "from", "to");
    private static readonly EventShape Resolved = new(nameof(TicketResolved), Id, "by");
    private static readonly EventShape Reopened = new(nameof(TicketReopened), Id, "reason");
    private static readonly EventShape Closed = new(nameof(TicketClosed), Id);
    private static readonly EventShape Cancelled = new(nameof(TicketCancelled), Id, "reason");
    private static readonly EventShape Escalated = new(nameof(TicketEscalated), Id, "level", "target", "reason");
    private static readonly EventShape Reselected = new(nameof(TicketAgreementsReselected), Id, ["customerTier", "agreement", "reason"], ["otherAgreements"]);

    public TicketEvents()
        : base("ticket event", [Opened, Assigned, Transferred, Responded, WorkStarted, OnHold, Resumed, Referred, Returned, Arrived, Reprioritised, Resolved, Reopened, Closed, Cancelled, Escalated, Reselected])
    {
    }

    protected override TicketEvent Read(ref Utf8JsonReader reader, int shape)
    {
        var e = new EventReader<TicketId>(ref reader, Shapes[shape], Ids.Ticket);
        switch (shape)
        {
            case 0:
                return ReadOpened(ref reader, ref e);
            case 1:
            {
                var (assignee, department) = (default(StaffId), (DepartmentId?)null);
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        assignee = Ids.ReadStaff(ref reader, e.Where);
                    }
                    else
                    {
                        department = JsonValues.ReadNullableId(ref reader, e.Where, Ids.Department);
                    }
                }

                return new TicketAssigned(e.Id, e.At, assignee, department);
            }

            case 2:
            {
                var (from, to, department) = (default(StaffId), default(StaffId), (DepartmentId?)null);
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            from = Ids.ReadStaff(ref reader, e.Where);
                            break;
                        case 1:
                            to = Ids.ReadStaff(ref reader, e.Where);
                            break;
                        default:
                            department = JsonValues.ReadNullableId(ref reader, e.Where, Ids.Department);
                            break;
                    }
                }

                return new TicketTransferred(e.Id, e.At, from, to, department);
            }

            case 3:
            {
                var (by, isPublic) = (default(StaffId), false);
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        by = Ids.ReadStaff(ref reader, e.Where);
                    }
                    else
                    {
                        isPublic = JsonValues.ReadBoolean(ref reader, e.Where);
                    }
                }

                return new ResponseRecorded(e.Id, e.At, by, isPublic);
            }

            case 4:
                e.End(ref reader);
                return new TicketWorkStarted(e.Id, e.At);
            case 5:
            {
                var reason = e.Single(ref reader, static (ref Utf8JsonReader r, Where w) => JsonValues.ReadId(ref r, w, Ids.Hold));
                return new TicketOnHold(e.Id, e.At, reason);
            }

            case 6:
                e.End(ref reader);
                return new TicketResumed(e.Id, e.At);
            case 7:
            {
                var party = e.Single(ref reader, JsonValues.ReadString);
                return new ReferredToThirdParty(e.Id, e.At, party);
            }

            case 8:
            {
                var result = e.Single(ref reader, JsonValues.ReadString);
                return new ThirdPartyReturned(e.Id, e.At, result);
            }

            case 9:
            {
                var by = e.Single(ref reader, Ids.ReadStaff);
                return new OnSiteArrived(e.Id, e.At, by);
            }

            case 10:
            {
                var (from, to) = (default(Priority), default(Priority));
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        from = EnumCodec<Priority>.Read(ref reader, e.Where);
                    }
                    else
                    {
                        to = EnumCodec<Priority>.Read(ref reader, e.Where);
                    }
                }

                return new PriorityChanged(e.Id, e.At, from, to);
            }

            case 11:
            {
                var by = e.Single(ref reader, Ids.ReadStaff);
                return new TicketResolved(e.Id, e.At, by);
            }

            case 12:
            {
                var reason = e.Single(ref reader, JsonValues.ReadString);
                return new TicketReopened(e.Id, e.At, reason);
            }

            case 13:
                e.End(ref reader);
                return new TicketClosed(e.Id, e.At);
            case 14:
            {
                var reason = e.Single(ref reader, JsonValues.ReadString);
                return new TicketCancelled(e.Id, e.At, reason);
            }

            case 15:
            {
                var (level, target, reason) = e.Escalation(ref reader);
                return new TicketEscalated(e.Id, e.At, level, target, reason);
            }

            default:
            {
                var (tier, agreement, reason, others) = e.Reselection(ref reader);
                return new TicketAgreementsReselected(e.Id, e.At, tier, agreement, reason) { OtherAgreements = others };
            }
        }
    }

    protected override void WriteEvent(JsonOut writer, TicketEvent value)
    {
        switch (value)
        {
            case TicketOpened e:
                Begin(writer, Opened, e);
                JsonValues.WriteId(writer, Opened.Field(0), e.Customer.Value, Opened.Where(0));
                EnumCodec<TicketKind>.Write(writer, Opened.Field(1), e.Kind, Opened.Where(1));
                EnumCodec<Channel>.Write(writer, Opened.Field(2), e.Channel, Opened.Where(2));
                EnumCodec<Priority>.Write(writer, Opened.Field(3), e.Priority, Opened.Where(3));
                JsonValues.WriteId(writer, Opened.Field(4), e.FirstContactOwner.Value, Opened.Where(4));
                writer.WritePropertyName(Opened.Field(5));
                ValueCodecs.WriteTier(writer, e.CustomerTier, Opened.Where(5));
                writer.WritePropertyName(Opened.Field(6));
                ValueCodecs.WriteNullableReference(writer, e.Agreement, Opened.Where(6));
                writer.WriteBoolean(Opened.Field(7), e.RequiresOnSiteVisit);
                if (e.ClaimedLoss is { } loss)
                {
                    // Written only when set, so that tickets opened without one keep the shape they always had.
                    writer.WritePropertyName(Opened.Field(8));
                    ValueCodecs.WriteMoney(writer, loss, Opened.Where(8));
                }

                if (e.OtherAgreements is { Count: > 0 } others)
                {
                    writer.WritePropertyName(Opened.Field(9));
                    ValueCodecs.WriteArray(writer, others, Opened.Where(9), ValueCodecs.WriteReference);
                }

                break;
            case TicketAssigned e:
                Begin(writer, Assigned, e);
                JsonValues.WriteId(writer, Assigned.Field(0), e.Assignee.Value, Assigned.Where(0));
                JsonValues.WriteNullableId(writer, Assigned.Field(1), e.Department?.Value, e.Department is not null, Assigned.Where(1));
                break;
            case TicketTransferred e:
                Begin(writer, Transferred, e);
                JsonValues.WriteId(writer, Transferred.Field(0), e.From.Value, Transferred.Where(0));
                JsonValues.WriteId(writer, Transferred.Field(1), e.To.Value, Transferred.Where(1));
                JsonValues.WriteNullableId(writer, Transferred.Field(2), e.Department?.Value, e.Department is not null, Transferred.Where(2));
                break;
            case ResponseRecorded e:
                Begin(writer, Responded, e);
                JsonValues.WriteId(writer, Responded.Field(0), e.By.Value, Responded.Where(0));
                writer.WriteBoolean(Responded.Field(1), e.IsPublic);
                break;
            case TicketWorkStarted e:
                Begin(writer, WorkStarted, e);
                break;
            case TicketOnHold e:
                Begin(writer, OnHold, e);
                JsonValues.WriteId(writer, OnHold.Field(0), e.Reason.Code, OnHold.Where(0));
                break;
            case TicketResumed e:
                Begin(writer, Resumed, e);
                break;
            case ReferredToThirdParty e:
                Begin(writer, Referred, e);
                JsonValues.WriteString(writer, Referred.Field(0), e.Party, Referred.Where(0));
                break;
            case ThirdPartyReturned e:
                Begin(writer, Returned, e);
                JsonValues.WriteString(writer, Returned.Field(0), e.Result, Returned.Where(0));
                break;
            case OnSiteArrived e:
                Begin(writer, Arrived, e);
                JsonValues.WriteId(writer, Arrived.Field(0), e.By.Value, Arrived.Where(0));
                break;
            case PriorityChanged e:
                Begin(writer, Reprioritised, e);
                EnumCodec<Priority>.Write(writer, Reprioritised.Field(0), e.From, Reprioritised.Where(0));
                EnumCodec<Priority>.Write(writer, Reprioritised.Field(1), e.To, Reprioritised.Where(1));
                break;
            case TicketResolved e:
                Begin(writer, Resolved, e);
                JsonValues.WriteId(writer, Resolved.Field(0), e.By.Value, Resolved.Where(0));
                break;
            case TicketReopened e:
                Begin(writer, Reopened, e);
                JsonValues.WriteString(writer, Reopened.Field(0), e.Reason, Reopened.Where(0));
                break;
            case TicketClosed e:
                Begin(writer, Closed, e);
                break;
            case TicketCancelled e:
                Begin(writer, Cancelled, e);
                JsonValues.WriteString(writer, Cancelled.Field(0), e.Reason, Cancelled.Where(0));
                break;
            case TicketEscalated e:
                Begin(writer, Escalated, e);
                writer.WriteNumber(Escalated.Field(0), e.Level);
                JsonValues.WriteString(writer, Escalated.Field(1), e.Target, Escalated.Where(1));
                JsonValues.WriteString(writer, Escalated.Field(2), e.Reason, Escalated.Where(2));
                break;
            case TicketAgreementsReselected e:
                Begin(writer, Reselected, e);
                EventFormat.WriteReselection(writer, Reselected, e.CustomerTier, e.Agreement, e.Reason, e.OtherAgreements);
                break;
            default:
                throw UnknownType(value);
        }

        writer.WriteEndObject();
    }


    private static TicketOpened ReadOpened(ref Utf8JsonReader reader, ref EventReader<TicketId> e)
    {
        var (customer, kind, channel, priority) = (default(CustomerId), default(TicketKind), default(Channel), default(Priority));
        var (owner, tier, agreement, onSite) = (default(StaffId), default(ServiceTier), (AgreementReference?)null, false);
        var (claimedLoss, others) = ((Money?)null, Array.Empty<AgreementReference>());
        while (e.Next(ref reader))
        {
            switch (e.Field)
            {
                case 0:
                    customer = JsonValues.ReadId(ref reader, e.Where, Ids.Customer);
                    break;
                case 1:
                    kind = EnumCodec<TicketKind>.Read(ref reader, e.Where);
                    break;
                case 2:
                    channel = EnumCodec<Channel>.Read(ref reader, e.Where);
                    break;
                case 3:
                    priority = EnumCodec<Priority>.Read(ref reader, e.Where);
                    break;
                case 4:
                    owner = Ids.ReadStaff(ref reader, e.Where);
                    break;
                case 5:
                    tier = ValueCodecs.ReadTier(ref reader, e.Where);
                    break;
                case 6:
                    agreement = ValueCodecs.ReadNullableReference(ref reader, e.Where);
                    break;
                case 7:
                    onSite = JsonValues.ReadBoolean(ref reader, e.Where);
                    break;
                case 8:
                    claimedLoss = ValueCodecs.ReadNullableMoney(ref reader, e.Where);
                    break;
                default:
                    others = ValueCodecs.ReadArray(ref reader, e.Where, ValueCodecs.ReadReference);
                    break;
            }
        }

        return new TicketOpened(e.Id, e.At, customer, kind, channel, priority, owner, tier, agreement, onSite) { ClaimedLoss = claimedLoss, OtherAgreements = others };
    }

    private static void Begin(JsonOut writer, EventShape shape, TicketEvent e) => EventFormat.Begin(writer, shape, e.TicketId.Value, e.OccurredAt);
}
