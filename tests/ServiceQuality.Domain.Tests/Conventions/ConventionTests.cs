using System.Reflection;
using ServiceQuality.Domain.Tests.Conventions.BadTypes.Tickets;

namespace ServiceQuality.Domain.Tests.Conventions;

public sealed class ConventionTests
{
    private static readonly Assembly Domain = Assembly.Load("ServiceQuality.Domain");
    private static readonly Assembly Policies = Assembly.Load("ServiceQuality.Policies");
    private static readonly Assembly Testing = Assembly.Load("ServiceQuality.Testing");
    private static readonly Assembly ICalendar = Assembly.Load("ServiceQuality.Calendars.ICalendar");

    public static TheoryData<string> LibraryNames => new() { "ServiceQuality.Domain", "ServiceQuality.Policies", "ServiceQuality.Testing", "ServiceQuality.Calendars.ICalendar" };

    private static Type[] LibraryTypes(string name) => ConventionChecks.PublicTypes(Assembly.Load(name)).ToArray();

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void PublicClasses_InLibraries_AreSealedStaticOrAbstract(string library) =>
        Assert.Empty(ConventionChecks.ClassesNotSealedStaticOrAbstract(LibraryTypes(library)));

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void PublicStructs_InLibraries_AreReadOnly(string library) =>
        Assert.Empty(ConventionChecks.StructsNotReadOnly(LibraryTypes(library)));

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void AggregateTypes_InLibraries_HaveNoPublicSetters(string library) =>
        Assert.Empty(ConventionChecks.PublicSettersOnAggregates(LibraryTypes(library)));

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void PublicSignatures_InLibraries_UseNoBclTimeTypes(string library) =>
        Assert.Empty(ConventionChecks.BclTimeTypesInSignatures(LibraryTypes(library)));

    [Fact]
    public void DomainAssembly_References_OnlyNodaTimeArdalisGuardClausesAndTheBcl() =>
        Assert.Empty(ConventionChecks.ReferencesOtherThan(Domain, "NodaTime", "Ardalis.GuardClauses"));

    [Fact]
    public void PoliciesAndTesting_Reference_OnlyTheirDeclaredDependencies()
    {
        Assert.Empty(ConventionChecks.ReferencesOtherThan(
            Policies, "NodaTime", "Ardalis.GuardClauses", "ServiceQuality.Domain", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options"));
        Assert.Empty(ConventionChecks.ReferencesOtherThan(
            Testing, "NodaTime", "ServiceQuality.Domain", "ServiceQuality.Policies", "FsCheck", "FSharp.Core",
            "Microsoft.Extensions.DependencyInjection.Abstractions"));
    }

    [Fact]
    public void ICalendarAssembly_References_OnlyDomainIcalNetAndTheirDependencies() =>
        Assert.Empty(ConventionChecks.ReferencesOtherThan(ICalendar, "NodaTime", "Ardalis.GuardClauses", "ServiceQuality.Domain", "Ical.Net"));

    [Fact]
    public void SealedCheck_OnUnsealedClass_ReportsIt()
    {
        var violations = ConventionChecks.ClassesNotSealedStaticOrAbstract([typeof(UnsealedClass), typeof(AggregateWithSetter)]);

        Assert.Equal([typeof(UnsealedClass).FullName + " is a public class that is neither sealed, static nor abstract"], violations);
    }

    [Fact]
    public void ReadOnlyStructCheck_OnMutableStruct_ReportsIt()
    {
        var violations = ConventionChecks.StructsNotReadOnly([typeof(MutableStruct), typeof(int), typeof(DayOfWeek)]);

        Assert.Equal([typeof(MutableStruct).FullName + " is a public struct that is not readonly"], violations);
    }

    [Fact]
    public void SetterCheck_OnAggregateWithSetter_ReportsOnlyTheMutableProperty()
    {
        var violations = ConventionChecks.PublicSettersOnAggregates([typeof(AggregateWithSetter)]);

        Assert.Equal([typeof(AggregateWithSetter).FullName + ".Count has a public setter"], violations);
    }

    [Fact]
    public void SetterCheck_OutsideAggregateFolders_IgnoresSetters()
    {
        Assert.Empty(ConventionChecks.PublicSettersOnAggregates([typeof(ConventionTests), typeof(System.Text.StringBuilder)]));
    }

    [Fact]
    public void TimeTypeCheck_OnBclTimeTypes_ReportsPropertiesParametersGenericsAndDelegates()
    {
        var violations = ConventionChecks.BclTimeTypesInSignatures(
            [typeof(UsesDateTime), typeof(UsesTimeSpanParameter), typeof(UsesNullableDateTimeOffsetList), typeof(TimeSpanCallback)])
            .ToList();

        Assert.Contains(violations, v => v.StartsWith(typeof(UsesDateTime).FullName + ".When ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(UsesTimeSpanParameter).FullName + ".Wait(delay) ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(UsesNullableDateTimeOffsetList).FullName + ".Moments ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(TimeSpanCallback).FullName + ".Invoke ", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferenceCheck_OnAssemblyWithForeignReferences_ReportsThem()
    {
        var violations = ConventionChecks.ReferencesOtherThan(typeof(ConventionTests).Assembly, "NodaTime");

        Assert.Contains("ServiceQuality.Domain.Tests references xunit.core", violations);
    }

    [Fact]
    public void DomainNamespaces_DependOnEachOther_WithoutCycles() =>
        Assert.Empty(NamespaceGraph.Cycles(Domain.GetTypes(), "ServiceQuality.Domain"));

    [Fact]
    public void DomainNamespaces_Tickets_DoNotDependOnAgreements()
    {
        // The direction chosen when the Agreements ↔ Tickets cycle was broken: an agreement names the ticket vocabulary it
        // covers (kinds, hold reasons); a ticket keeps only an AgreementReference, which lives in Common.
        var edges = NamespaceGraph.Edges(Domain.GetTypes(), "ServiceQuality.Domain");

        Assert.True(edges["Agreements"].ContainsKey("Tickets"));
        Assert.False(edges["Tickets"].ContainsKey("Agreements"), edges["Tickets"].GetValueOrDefault("Agreements"));
    }

    [Fact]
    public void NamespaceCycleCheck_OnTwoNamespacesUsingEachOther_ReportsTheCycleWithItsReferences()
    {
        var types = typeof(ConventionTests).Assembly.GetTypes().Where(t => t.Namespace?.Contains(".BadCycle.", StringComparison.Ordinal) == true);

        var cycle = Assert.Single(NamespaceGraph.Cycles(types, "ServiceQuality.Domain.Tests.Conventions.BadCycle"));

        Assert.StartsWith("cycle between Alpha, Beta: ", cycle, StringComparison.Ordinal);
        Assert.Contains("Alpha → Beta (UsesBeta.", cycle, StringComparison.Ordinal);
        Assert.Contains("Beta → Alpha (UsesAlpha.Make body uses", cycle, StringComparison.Ordinal);
    }
}
