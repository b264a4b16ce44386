namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>
/// Each target's tests run on that target's runtime: a misconfigured self-contained net8.0 run that rolled forward
/// to .NET 10 would otherwise test the net8.0 assemblies on the wrong runtime without anyone noticing.
/// </summary>
public sealed class RuntimeTests
{
#if NET10_0_OR_GREATER
    private const int TargetMajorVersion = 10;
#else
    private const int TargetMajorVersion = 8;
#endif

    [Fact]
    public void TestProcess_RunsOnTheRuntimeOfItsTargetFramework() =>
        Assert.True(
            Environment.Version.Major == TargetMajorVersion,
            $"built for .NET {TargetMajorVersion}, running on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})");
}
