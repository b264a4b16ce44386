using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Json.Converters;
using ServiceQuality.Json.Events;

namespace ServiceQuality.Json;

/// <summary>Configures System.Text.Json for ServiceQuality's values and domain events, in the spirit of NodaTime's <c>ConfigureForNodaTime</c>.</summary>
public static class JsonSerializerOptionsExtensions
{
    // Stateless, so shared by every options instance.
    private static readonly JsonConverter[] ServiceQualityConverters =
    [
        new EventConverterFactory(),
        new EnumConverterFactory(),
        new IdConverter<CustomerId>(Ids.Customer, static id => id.Value),
        new IdConverter<StaffId>(Ids.Staff, static id => id.Value),
        new IdConverter<DepartmentId>(Ids.Department, static id => id.Value),
        new IdConverter<TicketId>(Ids.Ticket, static id => id.Value),
        new IdConverter<ComplaintId>(Ids.Complaint, static id => id.Value),
        new IdConverter<VisitId>(Ids.Visit, static id => id.Value),
        new IdConverter<AgreementId>(Ids.Agreement, static id => id.Value),
        new ValueConverter<Money>(ValueCodecs.ReadMoney, ValueCodecs.WriteMoney),
        new ValueConverter<ServiceTier>(ValueCodecs.ReadTier, ValueCodecs.WriteTier),
        new ValueConverter<AgreementReference>(ValueCodecs.ReadReference, ValueCodecs.WriteReference),
        new ValueConverter<Ratio>(ValueCodecs.ReadRatio, static (writer, ratio, _) => ValueCodecs.WriteRatio(writer, ratio)),
        new ValueConverter<ContactDetails>(ValueCodecs.ReadContact, ValueCodecs.WriteContact),
        new ValueConverter<VisitSubject>(ValueCodecs.ReadSubject, ValueCodecs.WriteSubject),
        new ValueConverter<ServiceTarget>(AgreementCodecs.ReadTarget, AgreementCodecs.WriteTarget),
        new ValueConverter<PauseRule>(AgreementCodecs.ReadPause, AgreementCodecs.WritePause),
        new ValueConverter<Applicability>(AgreementCodecs.ReadApplicability, AgreementCodecs.WriteApplicability),
        new ValueConverter<KpiObjective>(AgreementCodecs.ReadObjective, AgreementCodecs.WriteObjective),
    ];

    /// <summary>
    /// Adds strict converters for ServiceQuality's values and for the domain events of its five aggregates (customers,
    /// tickets, complaints, visit records, service-level agreements), and configures NodaTime's converters with the TZDB
    /// time zone provider unless the options can already convert <see cref="Instant"/>. Serialising an aggregate's
    /// <c>History</c> and reading it back gives events equal to the originals, for <c>FromHistory</c> to rebuild the
    /// aggregate; serialising those again gives the same text.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The format (documented with examples in the repository's <c>docs/formats.md</c>): an event is an object
    /// <c>{"type": "TicketOpened", "v": 1, "ticketId": "T-1", "occurredAt": "2025-01-13T01:00:00Z", …}</c> whose
    /// <c>type</c> is the event type's name, whose <c>v</c> is the format version (1; any other version is refused), and
    /// whose other properties are the event's, in camel case. Typed ids are strings; enums their declared names
    /// (<c>"P1"</c>), and a flags enum an array of names (<c>["RedList"]</c>, <c>[]</c> for none); instants ISO-8601 UTC
    /// strings to the nanosecond; durations NodaTime's JSON round-trip pattern (<c>"4:00:00"</c>); dates
    /// <c>"2025-01-13"</c>; money <c>{"amount": 12.50, "currency": "CNY"}</c> with the decimal's exact digits; a stock
    /// tier its code (<c>"gold"</c>) and any other tier <c>{"code": "platinum", "rank": 7}</c>; an agreement reference
    /// <c>{"id": "PM-2025", "version": 1}</c>; a ratio <c>{"numerator": 45, "denominator": 50}</c>.
    /// </para>
    /// <para>
    /// Reading is strict: every property is required (a nullable one may be null), unknown and repeated properties are
    /// refused, names are matched exactly (case-sensitive), an enum is only one of its declared names (not a number, a
    /// comma list or another case), an id must be one its constructor accepts, and a number, instant or duration out of
    /// range is refused. Every refusal is a <see cref="JsonException"/> whose message names the property and whose
    /// <see cref="JsonException.Path"/> locates the value; no other exception type escapes for bad input. Properties may
    /// come in any order. Values the format cannot hold (an empty id, a default tier, an undefined enum value) are refused
    /// when written, with a <see cref="JsonException"/>. The format does not follow the options' naming policy or number
    /// handling.
    /// </para>
    /// <para>
    /// The converters are inserted first, so they take precedence over any the options already have for these types.
    /// Calling the method again on the same options changes nothing. Configure the options before their first use: System.Text.Json
    /// freezes options once they have been used. The converters are stateless and thread-safe.
    /// </para>
    /// </remarks>
    /// <param name="options">The options to configure.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> are read-only (already used for serialisation).</exception>
    public static JsonSerializerOptions ConfigureForServiceQuality(this JsonSerializerOptions options)
    {
        Guard.Against.Null(options);
        if (options.Converters.Any(c => c is EventConverterFactory))
        {
            return options;
        }

        if (!options.Converters.Any(c => c.CanConvert(typeof(Instant))))
        {
            options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        }

        for (var i = 0; i < ServiceQualityConverters.Length; i++)
        {
            options.Converters.Insert(i, ServiceQualityConverters[i]);
        }

        return options;
    }
}
