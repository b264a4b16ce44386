using NodaTime;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// Keeps a customer's trust score (0-100) from observed behaviour and decides access by it: by the score alone
/// (<see cref="Authorize"/>) or by the request, the subject's and the object's labels and the score together
/// (<see cref="Decide"/>). Both deny an operation they do not know. Pure and thread-safe.
/// </summary>
public interface ITrustPolicy
{
    /// <summary>The score after <paramref name="observations"/>, starting from <paramref name="score"/> as it stood at <paramref name="since"/>.</summary>
    /// <param name="score">The score at <paramref name="since"/>, 0-100.</param>
    /// <param name="since">When that score was computed.</param>
    /// <param name="observations">What happened since, in any order; those after <paramref name="now"/> are ignored.</param>
    /// <param name="now">The instant to compute the score at.</param>
    /// <returns>The new score, 0-100.</returns>
    int Update(int score, Instant since, IEnumerable<TrustObservation> observations, Instant now);

    /// <summary>Whether a customer with <paramref name="score"/> may perform <paramref name="operation"/>; an operation the policy does not know is denied.</summary>
    /// <param name="score">The trust score, 0-100.</param>
    /// <param name="operation">The operation, as the host names it.</param>
    /// <returns>The decision with its reason code and reason.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is blank.</exception>
    AccessDecision Authorize(int score, string operation);

    /// <summary>
    /// Whether a subject with <paramref name="subjectLabels"/> and trust <paramref name="score"/> may perform
    /// <paramref name="operation"/> on an object with <paramref name="objectLabels"/> (see <see cref="TrustModel"/>).
    /// </summary>
    /// <param name="operation">The operation, as the host names it.</param>
    /// <param name="subjectLabels">The labels of who asks.</param>
    /// <param name="objectLabels">The labels of what is touched.</param>
    /// <param name="score">The subject's current trust score, 0-100.</param>
    /// <returns>The decision with its reason code (<see cref="TrustReasons"/>) and reason.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is blank, or a label is null.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-100.</exception>
    AccessDecision Decide(string operation, IEnumerable<string> subjectLabels, IEnumerable<string> objectLabels, int score);
}
