using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Converters;

/// <summary>Strict readers and writers of an agreement's terms: target cells, pause rules, applicability and KPI objectives.</summary>
internal static class AgreementCodecs
{
    // "deadline" and "start" came later: optional, so stored targets keep reading; written only when not the default.
    private static readonly JsonProperties TargetProperties = new(nameof(ServiceTarget), ["metric", "priority", "tier", "target", "basis", "deadline", "start"], 0b110_0000);
    private static readonly JsonProperties DeadlineProperties = new(nameof(BusinessDayDeadline), ["kind", "businessDays", "at", "cutOff", "afterCutOff"], 0b1_1100);
    private static readonly LocalTimePattern TimeFormat = LocalTimePattern.ExtendedIso;
    private static readonly JsonProperties PauseProperties = new(nameof(PauseRule), "reason", "metrics");
    // The conditions on customers, severities, sites and teams came later: optional, written only when set.
    private static readonly JsonProperties ApplicabilityProperties = new(
        nameof(Applicability), ["tiers", "kinds", "channels", "priorities", "categories", "customers", "severities", "sites", "teams"], 0b1111_00000);
    private static readonly JsonProperties ObjectiveProperties = new(nameof(KpiObjective), "kpi", "comparison", "thresholdPercent");
    private static readonly JsonProperties LossReportingProperties = new(nameof(LossReporting), "threshold", "level");
    private static readonly JsonProperties SourceProperties = new(nameof(CalendarSource), "hours", "zone");

    /// <summary>
    /// <c>{"metric": "Resolution", "priority": "P1", "tier": null, "target": "4:00:00", "basis": "BusinessTime"}</c>, with
    /// optionally <c>"deadline": {"kind": "AtTime", "businessDays": 1, "at": "12:00:00", "cutOff": "16:00:00"}</c> (then
    /// the target is <c>"0:00:00"</c> in business time) and <c>"start": "Retroactive"</c>.
    /// </summary>
    public static ServiceTarget ReadTarget(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, TargetProperties);
        var (metric, priority, tier, target, basis) = (default(Metric), (Priority?)null, (ServiceTier?)null, Duration.Zero, default(TimeBasis));
        var (deadline, start) = ((BusinessDayDeadline?)null, TargetStart.Opening);
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
                case 4:
                    basis = EnumCodec<TimeBasis>.Read(ref reader, properties.Where);
                    break;
                case 5:
                    deadline = ReadNullableDeadline(ref reader, properties.Where);
                    break;
                default:
                    start = EnumCodec<TargetStart>.Read(ref reader, properties.Where);
                    break;
            }
        }

        // The agreement checks the cell (a deadline cell has a zero target in business time) when the event is replayed.
        return deadline is null
            ? new ServiceTarget(metric, priority, tier, target, basis) { Start = start }
            : new ServiceTarget(metric, priority, tier, deadline, start) with { Target = target, Basis = basis };
    }

    /// <summary>
    /// <c>{"kind": "EndOfDay", "businessDays": 0, "at": null, "cutOff": "16:00:00", "afterCutOff": {"kind": "AtTime", "businessDays": 0, "at": "12:00:00"}}</c>,
    /// or null; times of day as <c>HH:mm:ss.FFFFFFFFF</c>; <c>at</c>, <c>cutOff</c> and <c>afterCutOff</c> may be left out.
    /// </summary>
    private static BusinessDayDeadline? ReadNullableDeadline(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var properties = new ObjectReader(ref reader, DeadlineProperties);
        var (kind, days, at, cutOff, after) = (default(BusinessDayDeadlineKind), 0, (LocalTime?)null, (LocalTime?)null, (BusinessDayDeadline?)null);
        while (properties.Next(ref reader))
        {
            switch (properties.Index)
            {
                case 0:
                    kind = EnumCodec<BusinessDayDeadlineKind>.Read(ref reader, properties.Where);
                    break;
                case 1:
                    days = JsonValues.ReadInt32(ref reader, properties.Where);
                    break;
                case 2:
                    at = ReadNullableTime(ref reader, properties.Where);
                    break;
                case 3:
                    cutOff = ReadNullableTime(ref reader, properties.Where);
                    break;
                default:
                    after = ReadNullableDeadline(ref reader, properties.Where);
                    break;
            }
        }

        var min = kind == BusinessDayDeadlineKind.SameTimeOfDay ? 1 : 0;
        if (days < min || days > BusinessDayDeadline.MaxBusinessDays)
        {
            throw JsonErrors.Invalid(new Where(DeadlineProperties, 1), $"{days} business days is outside {min} to {BusinessDayDeadline.MaxBusinessDays}.");
        }

        if ((kind == BusinessDayDeadlineKind.AtTime) != (at is not null))
        {
            throw JsonErrors.Invalid(what, $"a {kind} deadline {(kind == BusinessDayDeadlineKind.AtTime ? "needs" : "takes no")} \"at\".");
        }

        if ((cutOff is null && after is not null) || (cutOff is not null && kind == BusinessDayDeadlineKind.SameTimeOfDay)
            || after is { CutOff: not null } or { Kind: BusinessDayDeadlineKind.SameTimeOfDay })
        {
            throw JsonErrors.Invalid(
                what, "a cut-off belongs to an EndOfDay or AtTime deadline, and \"afterCutOff\" to a cut-off, as an EndOfDay or AtTime deadline without a cut-off of its own.");
        }

        var deadline = kind switch
        {
            BusinessDayDeadlineKind.EndOfDay => BusinessDayDeadline.EndOfBusinessDay(days),
            BusinessDayDeadlineKind.AtTime => BusinessDayDeadline.OnBusinessDayAt(days, at!.Value),
            _ => BusinessDayDeadline.WithinBusinessDays(days),
        };
        return cutOff is { } c ? deadline.WithCutOff(c, after) : deadline;
    }

    private static void WriteDeadline(JsonOut writer, BusinessDayDeadline deadline, Where what)
    {
        writer.WriteStartObject();
        EnumCodec<BusinessDayDeadlineKind>.Write(writer, DeadlineProperties[0], deadline.Kind, what);
        writer.WriteNumber(DeadlineProperties[1], deadline.BusinessDays);
        WriteNullableTime(writer, DeadlineProperties[2], deadline.At);
        WriteNullableTime(writer, DeadlineProperties[3], deadline.CutOff);
        if (deadline.AfterCutOff is { } after)
        {
            writer.WritePropertyName(DeadlineProperties[4]);
            WriteDeadline(writer, after, what);
        }

        writer.WriteEndObject();
    }

    private static LocalTime? ReadNullableTime(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = JsonValues.ReadString(ref reader, what);
        var parsed = TimeFormat.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw JsonErrors.Invalid(what, $"'{JsonErrors.Quote(text)}' is not a time of day written as HH:mm:ss.FFFFFFFFF, such as 16:00:00.", parsed.Exception);
    }

    private static void WriteNullableTime(JsonOut writer, JsonName name, LocalTime? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, TimeFormat.Format(time));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteTarget(JsonOut writer, ServiceTarget? value, Where what)
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
        if (value.Deadline is { } deadline)
        {
            writer.WritePropertyName(TargetProperties[5]);
            WriteDeadline(writer, deadline, what);
        }

        if (value.Start != TargetStart.Opening)
        {
            EnumCodec<TargetStart>.Write(writer, TargetProperties[6], value.Start, what);
        }

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

    public static void WritePause(JsonOut writer, PauseRule? value, Where what)
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
        var (customers, severities, sites, teams) = (any.Customers, any.Severities, any.Sites, any.Teams);
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
                case 4:
                    categories = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<ComplaintCategory>.Read);
                    break;
                case 5:
                    customers = ValueCodecs.ReadArray(ref reader, properties.Where, static (ref Utf8JsonReader r, Where w) => JsonValues.ReadId(ref r, w, Ids.Customer));
                    break;
                case 6:
                    severities = ValueCodecs.ReadArray(ref reader, properties.Where, EnumCodec<Severity>.Read);
                    break;
                case 7:
                    sites = ValueCodecs.ReadArray(ref reader, properties.Where, static (ref Utf8JsonReader r, Where w) => JsonValues.ReadString(ref r, w));
                    break;
                default:
                    teams = ValueCodecs.ReadArray(ref reader, properties.Where, static (ref Utf8JsonReader r, Where w) => JsonValues.ReadId(ref r, w, Ids.Department));
                    break;
            }
        }

        return new Applicability(tiers, kinds, channels, priorities, categories) { Customers = customers, Severities = severities, Sites = sites, Teams = teams };
    }

    public static void WriteApplicability(JsonOut writer, Applicability? value, Where what)
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
        WriteCondition(writer, 5, value.Customers, what, static (w, v, _) => w.WriteStringValue(v.Value));
        WriteCondition(writer, 6, value.Severities, what, EnumCodec<Severity>.WriteItem);
        WriteCondition(writer, 7, value.Sites, what, static (w, v, _) => w.WriteStringValue(v));
        WriteCondition(writer, 8, value.Teams, what, static (w, v, _) => w.WriteStringValue(v.Value));
        writer.WriteEndObject();
    }

    /// <summary>Writes a later condition only when it holds values, so that applicabilities without it keep their shape.</summary>
    private static void WriteCondition<T>(JsonOut writer, int property, IReadOnlyList<T>? values, Where what, Action<JsonOut, T, Where> writeItem)
    {
        if (values is { Count: > 0 })
        {
            writer.WritePropertyName(ApplicabilityProperties[property]);
            ValueCodecs.WriteArray(writer, values, what, writeItem);
        }
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

    public static void WriteObjective(JsonOut writer, KpiObjective? value, Where what)
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

    public static void WriteNullableLossReporting(JsonOut writer, LossReporting? value, Where what)
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

    public static void WriteCalendarSource(JsonOut writer, CalendarSource? value, Where what)
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
    public static void WriteDecimal(JsonOut writer, decimal value, Where what) => writer.WriteNumberValue(value);
}
