namespace ServiceQuality.Tests;

/// <summary>
/// How the repository's own property tests run: every one from the same fixed seed, so each run checks the same cases
/// and a failure replays as it happened (FsCheck.Xunit's message names the seed it started from). Each
/// <c>[Property]</c> states its own number of cases (<c>MaxTest</c>).
/// </summary>
internal static class PropertyRuns
{
    /// <summary>
    /// <see cref="Seed"/> and <see cref="Gamma"/> as <c>[Property(Replay = …)]</c> takes them: the seed
    /// <c>ServiceQuality.Testing.PropertyChecks</c> uses by default and the golden-ratio gamma.
    /// </summary>
    public const string Replay = "20250128,11400714819323198485";

    /// <summary>The seed of FsCheck's random generator.</summary>
    public const ulong Seed = 20250128;

    /// <summary>The gamma of FsCheck's random generator.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>
    /// Draws <paramref name="count"/> values of <paramref name="generator"/> from the fixed seed, at sizes spread over
    /// 0–100 as a property's cases are, for checks on what a generator covers (a property checks each case alone;
    /// coverage is about all of them).
    /// </summary>
    public static T[] Sample<T>(FsCheck.Gen<T> generator, int count) =>
        FsCheck.Fluent.Gen.Sample(
            FsCheck.Fluent.Gen.SelectMany(FsCheck.Fluent.Gen.Choose(0, 100), size => FsCheck.Fluent.Gen.Resize(generator, size)),
            count,
            new FsCheck.Rnd(Seed, Gamma),
            100);
}
