using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using Xunit.Sdk;

namespace ServiceQuality.Domain.Tests.TestSupport;

/// <summary>
/// Runs FsCheck properties from ordinary xunit tests (FsCheck.Xunit cannot be restored here) with a fixed
/// seed, so every run checks the same cases and a failure can be replayed. Set SQ_PROPERTY_SEED to explore
/// other cases; a failure message always names the seed that produced it.
/// </summary>
public static class Properties
{
    public const ulong DefaultSeed = 20250128;
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static ulong Seed =>
        Environment.GetEnvironmentVariable("SQ_PROPERTY_SEED") is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;

    public static void Check(Property property, int count, [CallerMemberName] string name = "")
    {
        var seed = Seed;
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithName(name)
            .WithQuietOnSuccess(true)
            .WithReplay(seed, Gamma);
        try
        {
            FsCheck.Check.One(config, property);
        }
        catch (Exception failure) when (failure is not XunitException)
        {
            throw new XunitException(
                $"Property '{name}' failed with seed {seed}; replay with SQ_PROPERTY_SEED={seed}.{Environment.NewLine}{failure.Message}");
        }
    }
}
