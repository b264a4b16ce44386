// The other half of the deliberate cycle: Beta reaches Alpha only inside a method body.
namespace ServiceQuality.Domain.Tests.Conventions.BadCycle.Beta;

public sealed class UsesAlpha
{
    public static object Make() => new Alpha.UsesBeta();
}
