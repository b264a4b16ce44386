using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;

namespace ServiceQuality.Testing;

/// <summary>
/// Runs FsCheck properties from any test framework with a fixed seed, so that every run checks the same cases and a
/// failure can be replayed. Set the environment variable <c>SQ_PROPERTY_SEED</c> to explore other cases; a failure
/// always names the seed that produced it.
/// </summary>
public static class PropertyChecks
{
    /// <summary>The seed used when <c>SQ_PROPERTY_SEED</c> is not set.</summary>
    public const ulong DefaultSeed = 20250128;

    /// <summary>The environment variable that overrides the seed.</summary>
    public const string SeedVariable = "SQ_PROPERTY_SEED";

    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>The seed in force: <c>SQ_PROPERTY_SEED</c> when set, else <see cref="DefaultSeed"/>.</summary>
    public static ulong Seed =>
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;

    /// <summary>Checks <paramref name="property"/> on <paramref name="count"/> generated cases.</summary>
    /// <param name="property">The property.</param>
    /// <param name="count">How many cases to run; at least 1.</param>
    /// <param name="name">The property's name for messages (the calling member by default).</param>
    /// <exception cref="PropertyCheckFailedException">A case falsified the property; the message has the seed and the case.</exception>
    public static void Check(Property property, int count, [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
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
        catch (Exception failure) when (failure is not PropertyCheckFailedException)
        {
            throw new PropertyCheckFailedException(
                string.Create(CultureInfo.InvariantCulture, $"Property '{name}' failed with seed {seed}; replay with {SeedVariable}={seed}.{Environment.NewLine}{failure.Message}"), seed, failure);
        }
    }
}
