using NodaTime;

namespace ServiceQuality.Policies.Trust;

/// <summary>Keeps a customer's trust score (0-100) from observed behaviour and decides access by it. Pure and thread-safe.</summary>
public interface ITrustPolicy
{
    /// <summary>The score after <paramref name="observations"/>, starting from <paramref name="score"/> as it stood at <paramref name="since"/>.</summary>
    /// <param name="score">The score at <paramref name="since"/>, 0-100.</param>
    /// <param name="since">When that score was computed.</param>
    /// <param name="observations">What happened since, in any order; those after <paramref name="now"/> are ignored.</param>
    /// <param name="now">The instant to compute the score at.</param>
    /// <returns>The new score, 0-100.</returns>
    int Update(int score, Instant since, IEnumerable<TrustObservation> observations, Instant now);

    /// <summary>Whether a customer with <paramref name="score"/> may perform <paramref name="operation"/>.</summary>
    /// <param name="score">The trust score, 0-100.</param>
    /// <param name="operation">The operation, as the host names it.</param>
    /// <returns>The decision with its reason.</returns>
    AccessDecision Authorize(int score, string operation);
}
