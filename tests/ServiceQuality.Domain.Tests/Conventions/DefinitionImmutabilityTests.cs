using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.DependencyInjection;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Kpis;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>Definitions cannot change after they are built: no mutable collection members, and the lists they are given are copied.</summary>
public sealed class DefinitionImmutabilityTests
{
    /// <summary>The Domain namespaces whose types are definitions or the values definitions are made of.</summary>
    private static readonly Type[] DomainDefinitionNamespaces = [typeof(Applicability), typeof(BusinessCalendar)];

    /// <summary>
    /// The Policies namespaces that hold no definitions: the host's services and the options it fills in (mutable by design).
    /// Every other namespace of Policies, including one added later, is searched for definitions.
    /// </summary>
    private static readonly Type[] PolicyNamespacesWithoutDefinitions = [typeof(ServiceQualityOptions), typeof(CaseAssessor)];

    /// <summary>Definition types outside those namespaces.</summary>
    private static readonly Type[] AlsoDefinitions = [typeof(EscalationTrack), typeof(Money), typeof(Ratio)];

    /// <summary>
    /// Every definition type of the library, by a rule a new one cannot escape: each exported class or struct of the
    /// Domain's definition namespaces and of every Policies namespace but the host's, plus <see cref="AlsoDefinitions"/>,
    /// except what is mutable by design or not a value — builders, aggregates, domain events, exceptions, static classes,
    /// and the engines that accumulate (<see cref="ScoringEngine"/>, <see cref="KpiMeasurement"/>).
    /// </summary>
    internal static IEnumerable<Type> DefinitionTypes()
    {
        var domain = DomainDefinitionNamespaces.Select(t => t.Namespace).ToHashSet();
        var notPolicies = PolicyNamespacesWithoutDefinitions.Select(t => t.Namespace).ToHashSet();
        return typeof(Applicability).Assembly.GetExportedTypes().Where(t => domain.Contains(t.Namespace))
            .Concat(typeof(EscalationLadder).Assembly.GetExportedTypes().Where(t => !notPolicies.Contains(t.Namespace)))
            .Where(t => (t.IsClass || t.IsValueType) && !t.IsEnum && !(t.IsAbstract && t.IsSealed))
            .Where(t => !t.Name.EndsWith("Builder", StringComparison.Ordinal)
                && !typeof(IDomainEvent).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t) && !IsAggregate(t)
                && t != typeof(ScoringEngine) && t != typeof(KpiMeasurement))
            .Concat(AlsoDefinitions)
            .Distinct();

        static bool IsAggregate(Type? t)
        {
            for (; t is not null; t = t.BaseType)
            {
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
                {
                    return true;
                }
            }

            return false;
        }
    }

    [Fact]
    public void DefinitionTypes_IncludeEveryKnownDefinition()
    {
        var types = DefinitionTypes().ToHashSet();

        Type[] known =
        [
            typeof(BusinessCalendar), typeof(AgreementVersion), typeof(AgreementCatalog), typeof(Applicability), typeof(PauseRule),
            typeof(ServiceTarget), typeof(KpiObjective), typeof(BusinessDayDeadline), typeof(LossReporting), typeof(CalendarSource),
            typeof(EscalationLadder), typeof(EscalationStep), typeof(ScorecardDefinition), typeof(ScoreSection), typeof(StandingRules),
            typeof(TierEntitlements), typeof(EntitlementCatalog), typeof(CreditBand), typeof(CreditLimits), typeof(RecurringSchedule),
            typeof(TrustModel), typeof(TrustLabel), typeof(TrustBand), typeof(TrustPolicy), typeof(PolicyDefinitions), typeof(EscalationTrack),
        ];

        Assert.All(known, t => Assert.Contains(t, types));
        Assert.DoesNotContain(typeof(ServiceLevelAgreement), types);
        Assert.DoesNotContain(typeof(BusinessCalendarBuilder), types);
        Assert.DoesNotContain(typeof(AgreementVersionBuilder), types);
    }

    [Fact]
    public void DefinitionTypes_HaveValueEquality()
    {
        var byReference = DefinitionTypes()
            .Where(t => !t.GetInterfaces().Contains(typeof(IEquatable<>).MakeGenericType(t)))
            .Select(t => t.Name);

        Assert.Empty(byReference);
    }

    [Fact]
    public void DefinitionTypes_ExposeNoMutableCollection()
    {
        var mutable = DefinitionTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, p.Name, Member: p.PropertyType))
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (Type: t, f.Name, Member: f.FieldType))))
            .Where(x => x.Member.IsByRefLike is false && IsMutableCollection(x.Member))
            .Select(x => $"{x.Type.Name}.{x.Name}: {x.Member}");

        Assert.Empty(mutable);
    }

    [Theory]
    [InlineData(typeof(int[]))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(IList<int>))]
    [InlineData(typeof(ICollection<int>))]
    [InlineData(typeof(ISet<int>))]
    [InlineData(typeof(HashSet<int>))]
    [InlineData(typeof(Dictionary<string, int>))]
    [InlineData(typeof(IDictionary<string, int>))]
    [InlineData(typeof(IEnumerable<int>))]
    [InlineData(typeof(System.Collections.ObjectModel.ReadOnlyCollection<int>))]
    [InlineData(typeof(ArrayList))]
    [InlineData(typeof(IReadOnlyList<int[]>))]
    [InlineData(typeof(IReadOnlyDictionary<string, List<int>>))]
    [InlineData(typeof(ImmutableArray<int>?))]
    public void IsMutableCollection_WhenTheCollectionCanChangeOrIsNotKnownNotTo_IsTrue(Type type) =>
        Assert.True(IsMutableCollection(type) != (type == typeof(ImmutableArray<int>?)));

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(int))]
    [InlineData(typeof(IReadOnlyList<int>))]
    [InlineData(typeof(IReadOnlyCollection<int>))]
    [InlineData(typeof(IReadOnlyDictionary<string, int>))]
    [InlineData(typeof(IReadOnlySet<int>))]
    [InlineData(typeof(ImmutableArray<int>))]
    [InlineData(typeof(ImmutableSortedSet<string>))]
    [InlineData(typeof(ImmutableDictionary<string, IReadOnlyList<int>>))]
    [InlineData(typeof(System.Collections.Frozen.FrozenSet<int>))]
    public void IsMutableCollection_WhenTheCollectionCannotChange_IsFalse(Type type) => Assert.False(IsMutableCollection(type));

    /// <summary>
    /// Whether a member of this type could be a collection that changes: an array, or any enumerable (a list, set,
    /// dictionary, <see cref="IEnumerable{T}"/>, a read-only wrapper of a list) other than the read-only interfaces and
    /// the immutable and frozen collections — checked to the element types, so a read-only list of arrays counts.
    /// </summary>
    private static bool IsMutableCollection(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return true;
        }

        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        var readOnly = type.IsGenericType
            && (ReadOnlyInterfaces.Contains(type.GetGenericTypeDefinition())
                || type.Namespace is "System.Collections.Immutable" or "System.Collections.Frozen");
        return !readOnly || type.GetGenericArguments().Any(IsMutableCollection);
    }

    private static readonly Type[] ReadOnlyInterfaces =
        [typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(IReadOnlySet<>)];

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
