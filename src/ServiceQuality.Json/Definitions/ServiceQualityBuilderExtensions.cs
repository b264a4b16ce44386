using Ardalis.GuardClauses;
using ServiceQuality.Policies.DependencyInjection;

namespace ServiceQuality.Json;

/// <summary>Applies a loaded definitions file to a service registration.</summary>
public static class ServiceQualityBuilderExtensions
{
    /// <summary>
    /// Applies what a definitions file defines (see <see cref="ServiceQualityBuilder.UseDefinitions(IReadOnlyDictionary{string, Domain.Calendars.BusinessCalendar}, Policies.Definitions.PolicyDefinitions)"/>):
    /// its calendars join the configuration's and each policy section it has replaces the configuration's default. The options
    /// it leads to are validated with the rest of the configuration's, when the host starts.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="definitions">What <see cref="DefinitionsFile.Load(string)"/> returned.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ServiceQualityBuilder UseDefinitions(this ServiceQualityBuilder builder, LoadedDefinitions definitions)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(definitions);
        return builder.UseDefinitions(definitions.Calendars, definitions.Policies);
    }
}
