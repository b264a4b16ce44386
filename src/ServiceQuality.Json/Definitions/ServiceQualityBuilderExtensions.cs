using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.DependencyInjection;

namespace ServiceQuality.Json;

/// <summary>Applies a loaded definitions file to a service registration.</summary>
public static class ServiceQualityBuilderExtensions
{
    /// <summary>
    /// Applies what a definitions file defines (see <see cref="ServiceQualityBuilder.UseDefinitions(IReadOnlyDictionary{string, Domain.Calendars.BusinessCalendar}, Policies.Definitions.PolicyDefinitions)"/>):
    /// its calendars join the registered ones and each policy section it has replaces the registered default.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="definitions">What <see cref="DefinitionsFile.Load(string)"/> returned.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDefinitionException">The options the definitions lead to are invalid; nothing is changed.</exception>
    public static ServiceQualityBuilder UseDefinitions(this ServiceQualityBuilder builder, LoadedDefinitions definitions)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(definitions);
        return builder.UseDefinitions(definitions.Calendars, definitions.Policies);
    }
}
