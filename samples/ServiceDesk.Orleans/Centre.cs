using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Json;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies;

namespace ServiceDesk.Orleans;

/// <summary>
/// The definitions every silo shares read-only: the ServiceDesk sample's own centre (its calendar, its agreement catalogue
/// and the stock policies it registers), the assessor built from them, and the library's event JSON. Immutable and
/// thread-safe; one instance per silo process, built once at start.
/// </summary>
internal sealed class Centre : IDisposable
{
    private readonly ServiceProvider _provider;

    public Centre()
    {
        Catalog = new AgreementCatalog(ServiceCentre.Agreements());
        Default = Catalog.Versions[0];
        Calendars = new Dictionary<string, BusinessCalendar> { [ServiceCentre.CalendarName] = ServiceCentre.Calendar };
        Lookup = CalendarLookup.From(Calendars);
        // The same registration as the single-process sample's, so both assess a case alike.
        _provider = new ServiceCollection().AddServiceQuality(o =>
        {
            o.Calendars[ServiceCentre.CalendarName] = ServiceCentre.Calendar;
            o.NotificationCalendar = Default.CalendarName;
        }).Services.BuildServiceProvider();
        Assessor = _provider.GetRequiredService<CaseAssessor>();
    }

    public AgreementCatalog Catalog { get; }

    /// <summary>The agreement of a case that recorded none (and whose KPI objectives the report checks).</summary>
    public AgreementVersion Default { get; }

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    public CaseAssessor Assessor { get; }

    /// <summary>The calendars as the SLA clock looks them up.</summary>
    public ICalendarLookup Lookup { get; }

    public DateTimeZone Zone => ServiceCentre.Zone;

    /// <summary>The library's JSON for domain events, as an event store keeps them.</summary>
    public static JsonSerializerOptions Json { get; } = new JsonSerializerOptions().ConfigureForServiceQuality();

    /// <summary>The agreement a case recorded first, by which it is escalated (the sample's rule).</summary>
    public AgreementVersion MainAgreement(AgreementReference? recorded) =>
        recorded is { } reference ? Catalog.Find(reference) ?? Default : Default;

    public void Dispose() => _provider.Dispose();
}
