using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Policies.Definitions;

namespace ServiceQuality.Json;

/// <summary>What a definitions file defines: named calendars, published agreement versions and policies, all valid.</summary>
/// <param name="Calendars">The calendars, by id.</param>
/// <param name="Agreements">The agreements, by id (each at the version the file gives, published and in force from its <c>effectiveFrom</c>).</param>
/// <param name="Policies">The policies the file sets.</param>
public sealed record LoadedDefinitions(IReadOnlyDictionary<string, BusinessCalendar> Calendars, IReadOnlyDictionary<string, ServiceLevelAgreement> Agreements, PolicyDefinitions Policies);
