using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>What a tier of customer is owed.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Agreement">The agreement its cases fall under, if a specific one.</param>
/// <param name="DedicatedAccountManager">Whether each customer has a dedicated account manager.</param>
/// <param name="GreenChannelLevels">How many priority levels the green channel raises its tickets (0 for none).</param>
/// <param name="OnSiteService">Whether on-site service is included.</param>
/// <param name="SeniorVisitsPerYear">How many visits by senior staff each customer gets a year, at least.</param>
/// <param name="ReviewEvery">How often a periodic account review is held (for example every 3 months), or null for none.</param>
public sealed record TierEntitlements(
    ServiceTier Tier, AgreementId? Agreement, bool DedicatedAccountManager, int GreenChannelLevels, bool OnSiteService, int SeniorVisitsPerYear, Period? ReviewEvery)
{
    /// <summary>Nothing beyond the standard service.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>Entitlements with no extras.</returns>
    public static TierEntitlements Standard(ServiceTier tier) => new(tier, null, false, 0, false, 0, null);

    /// <summary>The priority a ticket gets through the green channel: raised by <see cref="GreenChannelLevels"/>, never above P1.</summary>
    /// <param name="priority">The priority as reported.</param>
    /// <returns>The raised priority.</returns>
    public Priority RaisePriority(Priority priority) => (Priority)Math.Max((int)Priority.P1, (int)priority - GreenChannelLevels);
}
