using System.Text.Json;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Events;

/// <summary>The service-level agreement's events as JSON.</summary>
internal sealed class AgreementEvents : EventFamily<AgreementEvent>
{
    private const string Id = "agreementId";

    private static readonly EventShape Drafted = new(
        nameof(AgreementDrafted), Id, ["version", "name", "kind", "calendarName", "targets", "pauses", "warningStages", "reopen", "applicability", "objectives"], ["lossReporting", "calendarSource", "team"]);

    private static readonly EventShape CalendarSet = new(nameof(AgreementCalendarSet), Id, "calendarName");
    private static readonly EventShape Target = new(nameof(TargetAdded), Id, "target");
    private static readonly EventShape Pause = new(nameof(PauseRuleSet), Id, "reason", "metrics");
    private static readonly EventShape Stages = new(nameof(WarningStagesSet), Id, "stages");
    private static readonly EventShape Reopen = new(nameof(ReopenBehaviourSet), Id, "reopen");
    private static readonly EventShape Coverage = new(nameof(ApplicabilitySet), Id, "applicability");
    private static readonly EventShape Objective = new(nameof(KpiObjectiveAdded), Id, "objective");
    private static readonly EventShape Published = new(nameof(AgreementPublished), Id, ["effectiveFrom"], ["effectiveUntil"]);
    private static readonly EventShape Retired = new(nameof(AgreementRetired), Id);
    private static readonly EventShape LossReport = new(nameof(LossReportingSet), Id, "lossReporting");
    private static readonly EventShape Source = new(nameof(CalendarSourceSet), Id, "source");
    private static readonly EventShape TeamSet = new(nameof(AgreementTeamSet), Id, "team");

    public AgreementEvents()
        : base("agreement event", [Drafted, CalendarSet, Target, Pause, Stages, Reopen, Coverage, Objective, Published, Retired, LossReport, Source, TeamSet])
    {
    }

    protected override AgreementEvent Read(ref Utf8JsonReader reader, int shape)
    {
        var e = new EventReader<AgreementId>(ref reader, Shapes[shape], Ids.Agreement);
        switch (shape)
        {
            case 0:
                return ReadDrafted(ref reader, ref e);
            case 1:
            {
                var calendar = e.Single(ref reader, JsonValues.ReadNullableString);
                return new AgreementCalendarSet(e.Id, e.At, calendar);
            }

            case 2:
            {
                var target = e.Single(ref reader, AgreementCodecs.ReadTarget);
                return new TargetAdded(e.Id, e.At, target);
            }

            case 3:
            {
                var (reason, metrics) = (default(HoldReason), Array.Empty<Metric>());
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        reason = JsonValues.ReadId(ref reader, e.Where, Ids.Hold);
                    }
                    else
                    {
                        metrics = ValueCodecs.ReadArray(ref reader, e.Where, EnumCodec<Metric>.Read);
                    }
                }

                return new PauseRuleSet(e.Id, e.At, reason, metrics);
            }

            case 4:
            {
                var stages = e.Single(ref reader, ReadDecimals);
                return new WarningStagesSet(e.Id, e.At, stages);
            }

            case 5:
            {
                var reopen = e.Single(ref reader, EnumCodec<ReopenBehaviour>.Read);
                return new ReopenBehaviourSet(e.Id, e.At, reopen);
            }

            case 6:
            {
                var applicability = e.Single(ref reader, AgreementCodecs.ReadApplicability);
                return new ApplicabilitySet(e.Id, e.At, applicability);
            }

            case 7:
            {
                var objective = e.Single(ref reader, AgreementCodecs.ReadObjective);
                return new KpiObjectiveAdded(e.Id, e.At, objective);
            }

            case 8:
            {
                var (effectiveFrom, effectiveUntil) = (default(NodaTime.Instant), (NodaTime.Instant?)null);
                while (e.Next(ref reader))
                {
                    if (e.Field == 0)
                    {
                        effectiveFrom = JsonValues.ReadInstant(ref reader, e.Where);
                    }
                    else
                    {
                        effectiveUntil = reader.TokenType == JsonTokenType.Null ? null : JsonValues.ReadInstant(ref reader, e.Where);
                    }
                }

                return new AgreementPublished(e.Id, e.At, effectiveFrom) { EffectiveUntil = effectiveUntil };
            }

            case 9:
                e.End(ref reader);
                return new AgreementRetired(e.Id, e.At);

            case 10:
            {
                var lossReporting = e.Single(ref reader, AgreementCodecs.ReadNullableLossReporting);
                return new LossReportingSet(e.Id, e.At, lossReporting);
            }

            case 11:
            {
                var source = e.Single(ref reader, AgreementCodecs.ReadCalendarSource);
                return new CalendarSourceSet(e.Id, e.At, source);
            }

            default:
            {
                var team = e.Single(ref reader, static (ref Utf8JsonReader r, Where w) => JsonValues.ReadNullableId(ref r, w, Ids.Department));
                return new AgreementTeamSet(e.Id, e.At, team);
            }
        }
    }

    protected override void WriteEvent(JsonOut writer, AgreementEvent value)
    {
        switch (value)
        {
            case AgreementDrafted e:
                Begin(writer, Drafted, e);
                writer.WriteNumber(Drafted.Field(0), e.Version);
                JsonValues.WriteString(writer, Drafted.Field(1), e.Name, Drafted.Where(1));
                EnumCodec<AgreementKind>.Write(writer, Drafted.Field(2), e.Kind, Drafted.Where(2));
                JsonValues.WriteNullableString(writer, Drafted.Field(3), e.CalendarName, Drafted.Where(3));
                writer.WritePropertyName(Drafted.Field(4));
                ValueCodecs.WriteArray(writer, e.Targets, Drafted.Where(4), AgreementCodecs.WriteTarget);
                writer.WritePropertyName(Drafted.Field(5));
                ValueCodecs.WriteArray(writer, e.Pauses, Drafted.Where(5), AgreementCodecs.WritePause);
                writer.WritePropertyName(Drafted.Field(6));
                ValueCodecs.WriteArray(writer, e.WarningStages, Drafted.Where(6), AgreementCodecs.WriteDecimal);
                EnumCodec<ReopenBehaviour>.Write(writer, Drafted.Field(7), e.Reopen, Drafted.Where(7));
                writer.WritePropertyName(Drafted.Field(8));
                AgreementCodecs.WriteApplicability(writer, e.Applicability, Drafted.Where(8));
                writer.WritePropertyName(Drafted.Field(9));
                ValueCodecs.WriteArray(writer, e.Objectives, Drafted.Where(9), AgreementCodecs.WriteObjective);
                if (e.LossReporting is not null)
                {
                    // Written only when set, so that versions drafted without one keep the shape they always had.
                    writer.WritePropertyName(Drafted.Field(10));
                    AgreementCodecs.WriteNullableLossReporting(writer, e.LossReporting, Drafted.Where(10));
                }

                if (e.CalendarSource is not null)
                {
                    writer.WritePropertyName(Drafted.Field(11));
                    AgreementCodecs.WriteCalendarSource(writer, e.CalendarSource, Drafted.Where(11));
                }

                if (e.Team is { } team)
                {
                    JsonValues.WriteId(writer, Drafted.Field(12), team.Value, Drafted.Where(12));
                }

                break;
            case AgreementCalendarSet e:
                Begin(writer, CalendarSet, e);
                JsonValues.WriteNullableString(writer, CalendarSet.Field(0), e.CalendarName, CalendarSet.Where(0));
                break;
            case TargetAdded e:
                Begin(writer, Target, e);
                writer.WritePropertyName(Target.Field(0));
                AgreementCodecs.WriteTarget(writer, e.Target, Target.Where(0));
                break;
            case PauseRuleSet e:
                Begin(writer, Pause, e);
                JsonValues.WriteId(writer, Pause.Field(0), e.Reason.Code, Pause.Where(0));
                writer.WritePropertyName(Pause.Field(1));
                ValueCodecs.WriteArray(writer, e.Metrics, Pause.Where(1), EnumCodec<Metric>.WriteItem);
                break;
            case WarningStagesSet e:
                Begin(writer, Stages, e);
                writer.WritePropertyName(Stages.Field(0));
                ValueCodecs.WriteArray(writer, e.Stages, Stages.Where(0), AgreementCodecs.WriteDecimal);
                break;
            case ReopenBehaviourSet e:
                Begin(writer, Reopen, e);
                EnumCodec<ReopenBehaviour>.Write(writer, Reopen.Field(0), e.Reopen, Reopen.Where(0));
                break;
            case ApplicabilitySet e:
                Begin(writer, Coverage, e);
                writer.WritePropertyName(Coverage.Field(0));
                AgreementCodecs.WriteApplicability(writer, e.Applicability, Coverage.Where(0));
                break;
            case KpiObjectiveAdded e:
                Begin(writer, Objective, e);
                writer.WritePropertyName(Objective.Field(0));
                AgreementCodecs.WriteObjective(writer, e.Objective, Objective.Where(0));
                break;
            case AgreementPublished e:
                Begin(writer, Published, e);
                JsonValues.WriteInstant(writer, Published.Field(0), e.EffectiveFrom);
                if (e.EffectiveUntil is { } until)
                {
                    JsonValues.WriteInstant(writer, Published.Field(1), until);
                }

                break;
            case AgreementTeamSet e:
                Begin(writer, TeamSet, e);
                JsonValues.WriteNullableId(writer, TeamSet.Field(0), e.Team?.Value, e.Team is not null, TeamSet.Where(0));
                break;
            case AgreementRetired e:
                Begin(writer, Retired, e);
                break;
            case CalendarSourceSet e:
                Begin(writer, Source, e);
                writer.WritePropertyName(Source.Field(0));
                AgreementCodecs.WriteCalendarSource(writer, e.Source, Source.Where(0));
                break;
            case LossReportingSet e:
                Begin(writer, LossReport, e);
                writer.WritePropertyName(LossReport.Field(0));
                AgreementCodecs.WriteNullableLossReporting(writer, e.LossReporting, LossReport.Where(0));
                break;
            default:
                throw UnknownType(value);
        }

        writer.WriteEndObject();
    }

    private static AgreementDrafted ReadDrafted(ref Utf8JsonReader reader, ref EventReader<AgreementId> e)
    {
        var (version, name, kind, calendar) = (0, (string?)null, default(AgreementKind), (string?)null);
        var (targets, pauses, stages) = (Array.Empty<ServiceTarget>(), Array.Empty<PauseRule>(), Array.Empty<decimal>());
        var (reopen, applicability, objectives) = (default(ReopenBehaviour), (Applicability?)null, Array.Empty<KpiObjective>());
        var (lossReporting, source, team) = ((LossReporting?)null, (CalendarSource?)null, (DepartmentId?)null);
        while (e.Next(ref reader))
        {
            switch (e.Field)
            {
                case 0:
                    version = JsonValues.ReadInt32(ref reader, e.Where);
                    break;
                case 1:
                    name = JsonValues.ReadString(ref reader, e.Where);
                    break;
                case 2:
                    kind = EnumCodec<AgreementKind>.Read(ref reader, e.Where);
                    break;
                case 3:
                    calendar = JsonValues.ReadNullableString(ref reader, e.Where);
                    break;
                case 4:
                    targets = ValueCodecs.ReadArray(ref reader, e.Where, AgreementCodecs.ReadTarget);
                    break;
                case 5:
                    pauses = ValueCodecs.ReadArray(ref reader, e.Where, AgreementCodecs.ReadPause);
                    break;
                case 6:
                    stages = ReadDecimals(ref reader, e.Where);
                    break;
                case 7:
                    reopen = EnumCodec<ReopenBehaviour>.Read(ref reader, e.Where);
                    break;
                case 8:
                    applicability = AgreementCodecs.ReadApplicability(ref reader, e.Where);
                    break;
                case 9:
                    objectives = ValueCodecs.ReadArray(ref reader, e.Where, AgreementCodecs.ReadObjective);
                    break;
                case 10:
                    lossReporting = AgreementCodecs.ReadNullableLossReporting(ref reader, e.Where);
                    break;
                case 11:
                    source = reader.TokenType == JsonTokenType.Null ? null : AgreementCodecs.ReadCalendarSource(ref reader, e.Where);
                    break;
                default:
                    team = JsonValues.ReadNullableId(ref reader, e.Where, Ids.Department);
                    break;
            }
        }

        return new AgreementDrafted(e.Id, e.At, version, name!, kind, calendar, targets, pauses, stages, reopen, applicability!, objectives)
        {
            LossReporting = lossReporting,
            CalendarSource = source,
            Team = team,
        };
    }

    private static decimal[] ReadDecimals(ref Utf8JsonReader reader, Where what) => ValueCodecs.ReadArray(ref reader, what, JsonValues.ReadDecimal);

    private static void Begin(JsonOut writer, EventShape shape, AgreementEvent e) => EventFormat.Begin(writer, shape, e.AgreementId.Value, e.OccurredAt);
}
