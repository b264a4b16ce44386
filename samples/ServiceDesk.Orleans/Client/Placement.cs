using System.Globalization;

namespace ServiceDesk.Orleans.Client;

/// <summary>How the grains are spread over the silos, from Orleans' management grain.</summary>
internal static class Placement
{
    public static async Task<string> DescribeAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var bySilo = statistics.Where(s => s.GrainType.Contains("ServiceDesk.Orleans", StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} holds {g.Sum(s => s.ActivationCount):N0} grains"));
        return string.Join(", ", bySilo);
    }
}
