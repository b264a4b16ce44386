using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Converters;

/// <summary>Strict readers and writers of an agreement's terms: target cells, pause rules, applicability and KPI objectives.</summary>
internal static class AgreementCodecs
{
    private static readonly JsonProperties TargetProperties = new(nameof(ServiceTarget), "metric", "priority", "tier", "target", "basis");
    private static readonly JsonProperties PauseProperties = new(nameof(PauseRule), "reason", "metrics");
    private static readonly JsonProperties ApplicabilityProperties = new(nameof(Applicability), "tiers", "kinds", "channels", "priorities", "categories");
    private static readonly JsonProperties ObjectiveProperties = new(nameof(KpiObjective), "kpi", "comparison", "thresholdPercent");
    private static readonly JsonProperties LossReportingProperties = new(nameof(LossReporting), "threshold", "level");
    private static readonly JsonProperties SourceProperties = new(nameof(CalendarSource), "hours", "zone");

    /// <summary><c>{"metric": "Resolution", "priority": "P1", "tier": null, "target": "4:00:00", "basis": "BusinessTime"}</c>.</summary>
    public static ServiceTarget ReadTarget(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, TargetProperties);
        var (metric, priority, tier, target, basis) = (default(Metric), (Priority?)null, (ServiceTier?)null, Duration.Zero, default(TimeBasis));
        while (properties.Next(ref reader))
        {
            switch (properties.Index)
            {
                case 0:
                    metric = EnumCodec<Metric>.Read(ref reader, properties.Where);
                    break;
                case 1:
                    priority = EnumCodec<Priority>.ReadNullable(ref reader, properties.Where);
                    break;
                case 2:
                    tier = ValueCodecs.ReadNullableTier(ref reader, properties.Where);
                    break;
                case 3:
                    target = JsonValues.ReadDuration(ref reader, properties.Where);
                    break;
                default:
                    basis = EnumCodec<TimeBasis>.Read(ref reader, properties.Where);
                    break;
            }
        }

        return new ServiceTarget(metric, priority, tier, target, basis);
    }

    public static void WriteTarget(Utf8JsonWriter writer, ServiceTarget? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the target is null.");
        }

        writer.WriteStartObject();
        EnumCodec<Metric>.Write(writer, TargetProperties[0], value.Metric, what);
        EnumCodec<Priority>.WriteNullable(writer, TargetProperties[1], value.Priority, what);
        writer.WritePropertyName(TargetProperties[2]);
        ValueCodecs.WriteNullableTier(writer, value.Tier, what);
        JsonValues.WriteDuration(writer, TargetProperties[3], value.Target);
        EnumCodec<TimeBasis>.Write(writer, TargetProperties[4], value.Basis, what);
        writer.WriteEndObject();
    }

    /// <summary><c>{"reason": "WaitingForCustomer", "metrics": ["Resolution"]}</c>.</summary>
    public static PauseRule ReadPause(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, PauseProperties);
        var (reason, metrics) = (default(HoldReason), Array.Empty<Metric>());
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                reason = JsonValues.ReadId(ref reader, properties.Where, Ids.Hold);
            }
            else
            {
                metrics = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<Metric>.Read);
            }
        }

        return new PauseRule(reason, metrics);
    }

    public static void WritePause(Utf8JsonWriter writer, PauseRule? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the pause rule is null.");
        }

        writer.WriteStartObject();
        JsonValues.WriteId(writer, PauseProperties[0], value.Reason.Code, what);
        writer.WritePropertyName(PauseProperties[1]);
        ValueCodecs.WriteArray(writer, value.Metrics, what, EnumCodec<Metric>.WriteItem);
        writer.WriteEndObject();
    }

    /// <summary><c>{"tiers": ["key"], "kinds": [], "channels": ["Hotline"], "priorities": [], "categories": []}</c>: an empty list is any value.</summary>
    public static Applicability ReadApplicability(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, ApplicabilityProperties);
        var any = Applicability.Any;
        var (tiers, kinds, channels, priorities, categories) = (any.Tiers, any.Kinds, any.Channels, any.Priorities, any.Categories);
        while (properties.Next(ref reader))
        {
            switch (properties.Index)
            {
                case 0:
                    tiers = ValueCodecs.ReadArray(ref reader, properties.Where, ValueCodecs.ReadTier);
                    break;
                case 1:
                    kinds = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<TicketKind>.Read);
                    break;
                case 2:
                    channels = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<Channel>.Read);
                    break;
                case 3:
                    priorities = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<Priority>.Read);
                    break;
                default:
                    categories = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<ComplaintCategory>.Read);
                    break;
            }
        }

        return new Applicability(tiers, kinds, channels, priorities, categories);
    }

    public static void WriteApplicability(Utf8JsonWriter writer, Applicability? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the applicability is null.");
        }

        writer.WriteStartObject();
        writer.WritePropertyName(ApplicabilityProperties[0]);
        ValueCodecs.WriteArray(writer, value.Tiers, what, ValueCodecs.WriteTier);
        writer.WritePropertyName(ApplicabilityProperties[1]);
        ValueCodecs.WriteArray(writer, value.Kinds, what, EnumCodec<TicketKind>.WriteItem);
        writer.WritePropertyName(ApplicabilityProperties[2]);
        ValueCodecs.WriteArray(writer, value.Channels, what, EnumCodec<Channel>.WriteItem);
        writer.WritePropertyName(ApplicabilityProperties[3]);
        ValueCodecs.WriteArray(writer, value.Priorities, what, EnumCodec<Priority>.WriteItem);
        writer.WritePropertyName(ApplicabilityProperties[4]);
        ValueCodecs.WriteArray(writer, value.Categories, what, EnumCodec<ComplaintCategory>.WriteItem);
        writer.WriteEndObject();
    }

    /// <summary><c>{"kpi": "SatisfactionRate", "comparison": "AtLeast", "thresholdPercent": 95}</c>.</summary>
    public static KpiObjective ReadObjective(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, ObjectiveProperties);
        var (kpi, comparison, threshold) = (default(Kpi), default(Comparison), 0m);
        while (properties.Next(ref reader))
        {
            switch (properties.Index)
            {
                case 0:
                    kpi = EnumCodec<Kpi>.Read(ref reader, properties.Where);
                    break;
                case 1:
                    comparison = EnumCodec<Comparison>.Read(ref reader, properties.Where);
                    break;
                default:
                    threshold = JsonValues.ReadDecimal(ref reader, properties.Where);
                    break;
            }
        }

        return new KpiObjective(kpi, comparison, threshold);
    }

    public static void WriteObjective(Utf8JsonWriter writer, KpiObjective? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the objective is null.");
        }

        writer.WriteStartObject();
        EnumCodec<Kpi>.Write(writer, ObjectiveProperties[0], value.Kpi, what);
        EnumCodec<Comparison>.Write(writer, ObjectiveProperties[1], value.Comparison, what);
        writer.WriteNumber(ObjectiveProperties[2], value.ThresholdPercent);
        writer.WriteEndObject();
    }

    /// <summary><c>{"threshold": {"amount": 10000, "currency": "CNY"}, "level": 3}</c>, or null.</summary>
    public static LossReporting? ReadNullableLossReporting(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var properties = new ObjectReader(ref reader, LossReportingProperties);
        var (threshold, level) = (default(Money), 0);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                threshold = ValueCodecs.ReadMoney(ref reader, properties.Where);
            }
            else
            {
                level = JsonValues.ReadInt32(ref reader, properties.Where);
            }
        }

        try
        {
            return new LossReporting(threshold, level);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.Invalid(what, $"not a valid loss report requirement: {e.Message}", e);
        }
    }

    public static void WriteNullableLossReporting(Utf8JsonWriter writer, LossReporting? value, Where what)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(LossReportingProperties[0]);
        ValueCodecs.WriteMoney(writer, value.Threshold, what);
        writer.WriteNumber(LossReportingProperties[1], value.Level);
        writer.WriteEndObject();
    }

    /// <summary><c>{"hours": "Customer", "zone": "Agreement"}</c>.</summary>
    public static CalendarSource ReadCalendarSource(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, SourceProperties);
        var (hours, zone) = (default(CalendarScope), default(CalendarScope));
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                hours = EnumCodec<CalendarScope>.Read(ref reader, properties.Where);
            }
            else
            {
                zone = EnumCodec<CalendarScope>.Read(ref reader, properties.Where);
            }
        }

        return new CalendarSource(hours, zone);
    }

    public static void WriteCalendarSource(Utf8JsonWriter writer, CalendarSource? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the calendar source is null.");
        }

        writer.WriteStartObject();
        EnumCodec<CalendarScope>.Write(writer, SourceProperties[0], value.Hours, what);
        EnumCodec<CalendarScope>.Write(writer, SourceProperties[1], value.Zone, what);
        writer.WriteEndObject();
    }

    /// <summary>Writes a decimal as an array item.</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, Where what) => writer.WriteNumberValue(value);
}
