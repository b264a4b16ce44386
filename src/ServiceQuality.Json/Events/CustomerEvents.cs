using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>The customer's events as JSON.</summary>
internal sealed class CustomerEvents : EventFamily<CustomerEvent>
{
    private const string Id = "customerId";

    private static readonly EventShape Registered = new(nameof(CustomerRegistered), Id, "displayName", "contact", "tier", "customerSince");
    private static readonly EventShape TierChange = new(nameof(TierChanged), Id, "tier", "effectiveFrom", "reason");
    private static readonly EventShape GradeChange = new(nameof(CreditGradeChanged), Id, "grade");
    private static readonly EventShape TrustUpdate = new(nameof(TrustScoreUpdated), Id, "score", "reason");
    private static readonly EventShape ManagerAssigned = new(nameof(AccountManagerAssigned), Id, "manager");
    private static readonly EventShape FlagsChange = new(nameof(CareFlagsChanged), Id, "flags");
    private static readonly EventShape Spend = new(nameof(SpendRecorded), Id, "year", "amount");
    private static readonly EventShape ContactChange = new(nameof(ContactDetailsChanged), Id, "contact");

    public CustomerEvents()
        : base("customer event", [Registered, TierChange, GradeChange, TrustUpdate, ManagerAssigned, FlagsChange, Spend, ContactChange])
    {
    }

    protected override CustomerEvent Read(ref Utf8JsonReader reader, int shape)
    {
        var e = new EventReader<CustomerId>(ref reader, Shapes[shape], Ids.Customer);
        switch (shape)
        {
            case 0:
            {
                var (name, contact, tier, since) = ((string?)null, (ContactDetails?)null, default(ServiceTier), default(LocalDate));
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            name = JsonValues.ReadString(ref reader, e.Where);
                            break;
                        case 1:
                            contact = ValueCodecs.ReadContact(ref reader, e.Where);
                            break;
                        case 2:
                            tier = ValueCodecs.ReadTier(ref reader, e.Where);
                            break;
                        default:
                            since = JsonValues.ReadDate(ref reader, e.Where);
                            break;
                    }
                }

                return new CustomerRegistered(e.Id, e.At, name!, contact!, tier, since);
            }

            case 1:
            {
                var (tier, from, reason) = (default(ServiceTier), default(LocalDate), (string?)null);
                while (e.Next(ref reader))
                {
                    switch (e.Field)
                    {
                        case 0:
                            tier = ValueCodecs.ReadTier(ref reader, e.Where);
                            break;
                        case 1:
                            from = JsonValues.ReadDate(ref reader, e.Where);
                            break;
                        default:
                            reason = JsonValues.ReadString(ref reader, e.Where);
                            break;
                    }
                }

                return new TierChanged(e.Id, e.At, tier, from, reason!);
            }

            case 2:
            {
                var grade = e.Single(ref reader, EnumCodec<CreditGrade>.Read);
                return new CreditGradeChanged(e.Id, e.At, grade);
            }

            case 3:
            {
                var (score, reason) = (0, (string?)null);
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        score = JsonValues.ReadInt32(ref reader, e.Where);
                    }
                    else
                    {
                        reason = JsonValues.ReadString(ref reader, e.Where);
                    }
                }

                return new TrustScoreUpdated(e.Id, e.At, score, reason!);
            }

            case 4:
            {
                var manager = e.Single(ref reader, Ids.ReadNullableStaff);
                return new AccountManagerAssigned(e.Id, e.At, manager);
            }

            case 5:
            {
                var flags = e.Single(ref reader, EnumCodec<CareFlags>.ReadFlags);
                return new CareFlagsChanged(e.Id, e.At, flags);
            }

            case 6:
            {
                var (year, amount) = (0, default(Money));
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        year = JsonValues.ReadInt32(ref reader, e.Where);
                    }
                    else
                    {
                        amount = ValueCodecs.ReadMoney(ref reader, e.Where);
                    }
                }

                return new SpendRecorded(e.Id, e.At, year, amount);
            }

            default:
            {
                var contact = e.Single(ref reader, ValueCodecs.ReadContact);
                return new ContactDetailsChanged(e.Id, e.At, contact);
            }
        }
    }

    protected override void WriteEvent(JsonOut writer, CustomerEvent value)
    {
        switch (value)
        {
            case CustomerRegistered e:
                Begin(writer, Registered, e);
                JsonValues.WriteString(writer, Registered.Field(0), e.DisplayName, Registered.Where(0));
                writer.WritePropertyName(Registered.Field(1));
                ValueCodecs.WriteContact(writer, e.Contact, Registered.Where(1));
                writer.WritePropertyName(Registered.Field(2));
                ValueCodecs.WriteTier(writer, e.Tier, Registered.Where(2));
                JsonValues.WriteDate(writer, Registered.Field(3), e.CustomerSince, Registered.Where(3));
                break;
            case TierChanged e:
                Begin(writer, TierChange, e);
                writer.WritePropertyName(TierChange.Field(0));
                ValueCodecs.WriteTier(writer, e.Tier, TierChange.Where(0));
                JsonValues.WriteDate(writer, TierChange.Field(1), e.EffectiveFrom, TierChange.Where(1));
                JsonValues.WriteString(writer, TierChange.Field(2), e.Reason, TierChange.Where(2));
                break;
            case CreditGradeChanged e:
                Begin(writer, GradeChange, e);
                EnumCodec<CreditGrade>.Write(writer, GradeChange.Field(0), e.Grade, GradeChange.Where(0));
                break;
            case TrustScoreUpdated e:
                Begin(writer, TrustUpdate, e);
                writer.WriteNumber(TrustUpdate.Field(0), e.Score);
                JsonValues.WriteString(writer, TrustUpdate.Field(1), e.Reason, TrustUpdate.Where(1));
                break;
            case AccountManagerAssigned e:
                Begin(writer, ManagerAssigned, e);
                JsonValues.WriteNullableId(writer, ManagerAssigned.Field(0), e.Manager?.Value, e.Manager is not null, ManagerAssigned.Where(0));
                break;
            case CareFlagsChanged e:
                Begin(writer, FlagsChange, e);
                writer.WritePropertyName(FlagsChange.Field(0));
                EnumCodec<CareFlags>.WriteFlags(writer, e.Flags, FlagsChange.Where(0));
                break;
            case SpendRecorded e:
                Begin(writer, Spend, e);
                writer.WriteNumber(Spend.Field(0), e.Year);
                writer.WritePropertyName(Spend.Field(1));
                ValueCodecs.WriteMoney(writer, e.Amount, Spend.Where(1));
                break;
            case ContactDetailsChanged e:
                Begin(writer, ContactChange, e);
                writer.WritePropertyName(ContactChange.Field(0));
                ValueCodecs.WriteContact(writer, e.Contact, ContactChange.Where(0));
                break;
            default:
                throw UnknownType(value);
        }

        writer.WriteEndObject();
    }

    private static void Begin(JsonOut writer, EventShape shape, CustomerEvent e) => EventFormat.Begin(writer, shape, e.CustomerId.Value, e.OccurredAt);
}
