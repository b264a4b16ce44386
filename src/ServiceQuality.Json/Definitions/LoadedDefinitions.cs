using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Policies.Definitions;

namespace ServiceQuality.Json;

/// <summary>What a definitions file defines: named calendars, published agreement versions and policies, all valid.</summary>
/// <param name="Calendars">The calendars, by id.</param>
/// <param name="Agreements">
/// The agreements, by id, each at the highest version number the file gives (published and in force from its
/// <c>effectiveFrom</c>); every version is in <see cref="Catalog"/>.
/// </param>
/// <param name="Policies">The policies the file sets.</param>
public sealed record LoadedDefinitions(IReadOnlyDictionary<string, BusinessCalendar> Calendars, IReadOnlyDictionary<string, AgreementVersion> Agreements, PolicyDefinitions Policies)
{
    /// <summary>
    /// Every agreement version of the file, in file order (the catalogue's precedence), to select the agreements of a case
    /// with <see cref="AgreementCatalog.Select(CaseProfile, NodaTime.Instant)"/> and find the versions a case recorded;
    /// empty when the record was made by hand without one.
    /// </summary>
    public AgreementCatalog Catalog { get; init; } = new(Array.Empty<AgreementVersion>());
}
