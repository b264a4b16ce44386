using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers;

/// <summary>A tier given to a customer from a date on.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="EffectiveFrom">The first local date on which the tier applies.</param>
/// <param name="Reason">Why it was given, for audit (for example "annual re-selection 2025").</param>
public sealed record TierAssignment(ServiceTier Tier, LocalDate EffectiveFrom, string Reason)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Tier = {Tier}, EffectiveFrom = {EffectiveFrom}, Reason = {PersonalData.Text(Reason)}");
        return true;
    }
}
