using System.Collections;
using System.Reflection;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>Definitions cannot change after they are built: no mutable collection members, and the lists they are given are copied.</summary>
public sealed class DefinitionImmutabilityTests
{
    /// <summary>The value types definitions are made of: the records of the agreements namespace, outside its events.</summary>
    private static IEnumerable<Type> DefinitionTypes() =>
        typeof(Applicability).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Applicability).Namespace && t.GetMethod("<Clone>$") is not null)
            .Append(typeof(AgreementVersion));

    [Fact]
    public void DefinitionTypes_ExposeNoMutableCollection()
    {
        var types = DefinitionTypes().ToList();
        Assert.Contains(typeof(Applicability), types);
        Assert.Contains(typeof(PauseRule), types);
        Assert.Contains(typeof(AgreementVersion), types);

        var mutable = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(x.Property.PropertyType)
                && (x.Property.PropertyType.IsArray
                    || (x.Property.PropertyType.IsGenericType && x.Property.PropertyType.GetGenericTypeDefinition() is var d
                        && (d == typeof(List<>) || d == typeof(Dictionary<,>) || d == typeof(HashSet<>) || d == typeof(IList<>) || d == typeof(ICollection<>)))))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}");

        Assert.Empty(mutable);
    }

    [Fact]
    public void Applicability_CopiesTheListsItIsGiven_AlsoThroughWith()
    {
        var tiers = new List<ServiceTier> { ServiceTier.Key };
        var sites = new List<string> { "estate-a" };
        var applicability = new Applicability(tiers, [], [], [], []) with { Sites = sites, Customers = [new CustomerId("acme")] };
        var equal = new Applicability([ServiceTier.Key], [], [], [], []) with { Sites = ["estate-a"], Customers = [new CustomerId("acme")] };

        tiers.Add(ServiceTier.Gold);
        sites.Clear();

        Assert.Equal([ServiceTier.Key], applicability.Tiers);
        Assert.Equal(["estate-a"], applicability.Sites);
        Assert.Equal(equal, applicability);
        Assert.Equal(equal.GetHashCode(), applicability.GetHashCode());
        Assert.False(applicability.Tiers is IList<ServiceTier> { IsReadOnly: false });
    }

    [Fact]
    public void PauseRule_CopiesItsMetrics()
    {
        var metrics = new List<Metric> { Metric.Resolution };
        var rule = new PauseRule(HoldReason.WaitingForCustomer, metrics);

        metrics.Add(Metric.FirstResponse);

        Assert.Equal([Metric.Resolution], rule.Metrics);
        Assert.Equal(new PauseRule(HoldReason.WaitingForCustomer, [Metric.Resolution]), rule);
    }
}
