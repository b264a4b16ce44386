using System.Collections.Frozen;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// The stock trust policy: good behaviour raises the score by <see cref="Reward"/> per weight, bad lowers it by
/// <see cref="Penalty"/> per weight, and between observations the score decays toward <see cref="DefaultScore"/> by
/// <see cref="DecayPerDay"/> points a day. <see cref="Authorize"/> denies an operation below its threshold and any
/// operation without one; <see cref="Decide"/> asks the policy's <see cref="Model"/>. Immutable and thread-safe; two
/// policies with equal terms, thresholds and model are equal.
/// </summary>
public sealed class TrustPolicy : ITrustPolicy, IEquatable<TrustPolicy>
{
    private readonly FrozenDictionary<string, int> _thresholds;

    /// <summary>Creates the policy with <see cref="TrustModel.Empty"/> as its model (so <see cref="Decide"/> denies everything).</summary>
    /// <param name="reward">Points gained per weight of good behaviour; not negative.</param>
    /// <param name="penalty">Points lost per weight of bad behaviour; not negative.</param>
    /// <param name="decayPerDay">Points a day the score moves back toward <paramref name="defaultScore"/>; not negative.</param>
    /// <param name="defaultScore">The score the decay tends to, 0-100.</param>
    /// <param name="thresholds">The least score each operation needs, 0-100; <see cref="Authorize"/> denies any other operation.</param>
    /// <exception cref="ArgumentException">Listing every problem.</exception>
    public TrustPolicy(decimal reward, decimal penalty, decimal decayPerDay, int defaultScore, IReadOnlyDictionary<string, int> thresholds)
        : this(reward, penalty, decayPerDay, defaultScore, thresholds, TrustModel.Empty)
    {
    }

    /// <summary>Creates the policy.</summary>
    /// <param name="reward">Points gained per weight of good behaviour; not negative.</param>
    /// <param name="penalty">Points lost per weight of bad behaviour; not negative.</param>
    /// <param name="decayPerDay">Points a day the score moves back toward <paramref name="defaultScore"/>; not negative.</param>
    /// <param name="defaultScore">The score the decay tends to, 0-100.</param>
    /// <param name="thresholds">The least score each operation needs, 0-100; <see cref="Authorize"/> denies any other operation.</param>
    /// <param name="model">The labels and bands <see cref="Decide"/> weighs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> or <paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">Listing every problem.</exception>
    public TrustPolicy(decimal reward, decimal penalty, decimal decayPerDay, int defaultScore, IReadOnlyDictionary<string, int> thresholds, TrustModel model)
    {
        Guard.Against.Null(thresholds);
        Guard.Against.Null(model);
        var problems = new List<string>();
        if (reward < 0 || penalty < 0 || decayPerDay < 0)
        {
            problems.Add("reward, penalty and decay must not be negative");
        }

        if (defaultScore is < 0 or > 100)
        {
            problems.Add("the default score must lie in 0-100");
        }

        problems.AddRange(thresholds.Where(t => t.Value is < 0 or > 100 || string.IsNullOrWhiteSpace(t.Key)).Select(t => $"the threshold of '{t.Key}' must lie in 0-100"));
        Guard.Against.Problems(problems, "trust policy", nameof(thresholds));

        (Reward, Penalty, DecayPerDay, DefaultScore) = (reward, penalty, decayPerDay, defaultScore);
        _thresholds = thresholds.ToFrozenDictionary(StringComparer.Ordinal);
        Model = model;
    }

    /// <summary>
    /// Defaults: +2 per good weight, -10 per bad weight, decay of 0.5 a day toward <see cref="Customer.DefaultTrustScore"/>;
    /// "refund" needs 40, "credit-purchase" 60, "self-service-reset" 30; the model <see cref="TrustModel.Standard"/>.
    /// </summary>
    public static TrustPolicy Standard { get; } = new(2m, 10m, 0.5m, Customer.DefaultTrustScore, new Dictionary<string, int>
    {
        ["refund"] = 40,
        ["credit-purchase"] = 60,
        ["self-service-reset"] = 30,
    }, TrustModel.Standard);

    /// <summary>Points gained per weight of good behaviour.</summary>
    public decimal Reward { get; }

    /// <summary>Points lost per weight of bad behaviour.</summary>
    public decimal Penalty { get; }

    /// <summary>Points a day the score moves back toward <see cref="DefaultScore"/>.</summary>
    public decimal DecayPerDay { get; }

    /// <summary>The score the decay tends to.</summary>
    public int DefaultScore { get; }

    /// <summary>The labels and bands <see cref="Decide"/> weighs.</summary>
    public TrustModel Model { get; }

    /// <summary>The operations <see cref="Authorize"/> knows, with the least score each needs.</summary>
    public IReadOnlyDictionary<string, int> Thresholds => _thresholds;

    /// <inheritdoc/>
    public int Update(int score, Instant since, IEnumerable<TrustObservation> observations, Instant now)
    {
        Guard.Against.LessThan(score, 0);
        Guard.Against.GreaterThan(score, 100);
        Guard.Against.Null(observations);
        decimal value = score;
        var at = since;
        foreach (var observation in observations.Where(o => o.At <= now && o.At >= since).OrderBy(o => o.At))
        {
            value = Decay(value, observation.At - at);
            value = Math.Clamp(value + ((observation.Good ? Reward : -Penalty) * Math.Max(1, observation.Weight)), 0m, 100m);
            at = observation.At;
        }

        return (int)Math.Round(Decay(value, now - at), MidpointRounding.AwayFromZero);
    }

    /// <inheritdoc/>
    public AccessDecision Authorize(int score, string operation)
    {
        Guard.Against.NullOrWhiteSpace(operation);
        if (!_thresholds.TryGetValue(operation, out var threshold))
        {
            return new AccessDecision(operation, false, TrustReasons.UnknownOperation, score, 0, $"the policy does not know the operation '{operation}'");
        }

        return score >= threshold
            ? new AccessDecision(operation, true, TrustReasons.Allowed, score, threshold, $"trust {score} meets {threshold}")
            : new AccessDecision(operation, false, TrustReasons.BelowThreshold, score, threshold, $"trust {score} is below the {threshold} that '{operation}' needs");
    }

    /// <inheritdoc/>
    public AccessDecision Decide(string operation, IEnumerable<string> subjectLabels, IEnumerable<string> objectLabels, int score) =>
        Model.Decide(operation, subjectLabels, objectLabels, score);

    private decimal Decay(decimal value, Duration elapsed)
    {
        if (elapsed <= Duration.Zero)
        {
            return value;
        }

        var step = DecayPerDay * (decimal)elapsed.TotalDays;
        return value > DefaultScore ? Math.Max(DefaultScore, value - step) : Math.Min(DefaultScore, value + step);
    }

    /// <summary>Whether <paramref name="other"/> has the same reward, penalty, decay, default score, thresholds and model.</summary>
    /// <param name="other">The other policy, or null.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TrustPolicy? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Reward == other.Reward && Penalty == other.Penalty && DecayPerDay == other.DecayPerDay
            && DefaultScore == other.DefaultScore && Model.Equals(other.Model) && _thresholds.Count == other._thresholds.Count
            && _thresholds.All(p => other._thresholds.TryGetValue(p.Key, out var theirs) && p.Value == theirs));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TrustPolicy);

    /// <summary>A hash code consistent with <see cref="Equals(TrustPolicy)"/>, independent of the order of the thresholds.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Reward, Penalty, DecayPerDay, DefaultScore, Model, _thresholds.Aggregate(_thresholds.Count, (sum, p) => unchecked(sum + HashCode.Combine(p.Key, p.Value))));
}
