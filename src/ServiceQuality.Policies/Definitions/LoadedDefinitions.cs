using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Policies.Definitions;

/// <summary>What a definitions file defines: named calendars and published agreement versions, all valid.</summary>
/// <param name="Calendars">The calendars, by id.</param>
/// <param name="Agreements">The agreements, by id (each at the version the file gives).</param>
public sealed record LoadedDefinitions(IReadOnlyDictionary<string, BusinessCalendar> Calendars, IReadOnlyDictionary<string, ServiceLevelAgreement> Agreements);
