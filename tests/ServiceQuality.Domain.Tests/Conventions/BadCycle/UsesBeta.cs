// Two namespaces that depend on each other (Alpha by a property, Beta in a method body), for the namespace-cycle check.
namespace ServiceQuality.Domain.Tests.Conventions.BadCycle.Alpha;

public sealed class UsesBeta
{
    public Beta.UsesAlpha? Other { get; init; }
}
