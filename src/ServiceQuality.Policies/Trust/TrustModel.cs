using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Trust;

/// <summary>
/// Trust-gated access by labels (信任值 with labels): a request to perform an operation is weighed with the subject's
/// labels, the object's labels, the model and the current trust score together. A subject label may touch only the
/// objects all of whose labels it lists in <see cref="TrustLabel.MayTouch"/> (a label match is necessary, not
/// sufficient); among the subject's labels in scope, their default permission sets are pooled; every trust band the
/// score is below narrows the pool to its operations (the dynamic set); an object with a critical label is denied while
/// the score is below that label's threshold; anything not granted is denied. Hence lowering trust never grants more,
/// removing a subject label never grants more, and an operation the model does not know is always denied. Labels the
/// model does not know grant nothing (an unknown object label puts the object out of every scope). Built by
/// <see cref="TrustModelBuilder"/>; immutable and thread-safe; equal models compare equal.
/// </summary>
public sealed class TrustModel : IEquatable<TrustModel>
{
    private readonly FrozenDictionary<string, TrustLabel> _byName;

    internal TrustModel(IReadOnlyList<TrustLabel> labels, IReadOnlyList<TrustBand> bands)
    {
        Labels = labels;
        Bands = bands;
        _byName = labels.ToFrozenDictionary(l => l.Name, StringComparer.Ordinal);
        Operations = labels.SelectMany(l => l.Permissions).ToImmutableSortedSet(StringComparer.Ordinal);
    }

    /// <summary>No labels and no bands: every request is denied (<see cref="TrustReasons.UnknownOperation"/>).</summary>
    public static TrustModel Empty { get; } = new TrustModelBuilder().Build();

    /// <summary>
    /// The practice's stock model for customers acting on their own account. Labels: <c>account-holder</c> may touch
    /// <c>account</c>, <c>ticket</c> and <c>payment-method</c> objects with <c>read</c>, <c>comment</c>,
    /// <c>self-service-reset</c>, <c>refund</c> and <c>credit-purchase</c>; <c>authorised-contact</c> (someone the
    /// holder named) may touch only <c>ticket</c> objects, to <c>read</c> and <c>comment</c>; <c>payment-method</c>
    /// objects are critical from 60. Bands: below 60 no <c>credit-purchase</c>; below 40 no <c>refund</c> either; below
    /// 30 only <c>read</c> and <c>comment</c> — the same thresholds as <see cref="TrustPolicy.Standard"/>'s operations.
    /// </summary>
    public static TrustModel Standard { get; } = new TrustModelBuilder()
        .AddLabel("account-holder", ["read", "comment", "self-service-reset", "refund", "credit-purchase"], ["account", "ticket", "payment-method"])
        .AddLabel("authorised-contact", ["read", "comment"], ["ticket"])
        .AddLabel("account", [], [])
        .AddLabel("ticket", [], [])
        .AddLabel("payment-method", [], [], criticalThreshold: 60)
        .AddBand(60, ["read", "comment", "self-service-reset", "refund"])
        .AddBand(40, ["read", "comment", "self-service-reset"])
        .AddBand(30, ["read", "comment"])
        .Build();

    /// <summary>The labels, in the order they were added.</summary>
    public IReadOnlyList<TrustLabel> Labels { get; }

    /// <summary>The trust bands, highest bound first.</summary>
    public IReadOnlyList<TrustBand> Bands { get; }

    /// <summary>The operations the model knows: those in some label's default permission set, in ordinal order.</summary>
    public ImmutableSortedSet<string> Operations { get; }

    /// <summary>Decides whether a subject may perform <paramref name="operation"/> on an object.</summary>
    /// <param name="operation">The operation asked for, compared ordinally.</param>
    /// <param name="subjectLabels">The labels of who asks (unknown ones grant nothing).</param>
    /// <param name="objectLabels">The labels of what is touched (an object without labels, or with a label no scope lists, is out of scope).</param>
    /// <param name="score">The subject's current trust score, 0-100.</param>
    /// <returns>
    /// The decision, refused for the first reason that applies, in the order of <see cref="TrustReasons"/>; its
    /// <see cref="AccessDecision.Threshold"/> is the least score at which the band and critical-object checks pass.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is blank, or a label is null.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-100.</exception>
    public AccessDecision Decide(string operation, IEnumerable<string> subjectLabels, IEnumerable<string> objectLabels, int score)
    {
        Guard.Against.NullOrWhiteSpace(operation);
        var (subjects, objects) = (Labelled(subjectLabels, nameof(subjectLabels)), Labelled(objectLabels, nameof(objectLabels)));
        Guard.Against.OutOfRange(score, nameof(score), 0, 100);
        if (!Operations.Contains(operation))
        {
            return new AccessDecision(operation, false, TrustReasons.UnknownOperation, score, 0, $"the trust model does not know the operation '{operation}'");
        }

        var (inScope, granted) = (false, false);
        foreach (var label in InScope(subjects, objects))
        {
            inScope = true;
            granted |= label.Permissions.Contains(operation);
        }

        if (!inScope)
        {
            return new AccessDecision(operation, false, TrustReasons.LabelScope, score, 0, "no label of the subject may touch every label of the object");
        }

        if (!granted)
        {
            return new AccessDecision(operation, false, TrustReasons.NotInDefaultSet, score, 0, $"'{operation}' is in no default permission set of the subject's labels that may touch the object");
        }

        var band = BandThreshold(operation);
        var critical = CriticalThreshold(objects);
        var threshold = Math.Max(band, critical);
        return score < band ? new AccessDecision(operation, false, TrustReasons.Band, score, threshold, string.Create(CultureInfo.InvariantCulture, $"trust {score} is in a band below {band}, which leaves out '{operation}'"))
            : score < critical ? new AccessDecision(operation, false, TrustReasons.CriticalObject, score, threshold, string.Create(CultureInfo.InvariantCulture, $"trust {score} is below the {critical} a critical object needs"))
            : new AccessDecision(operation, true, TrustReasons.Allowed, score, threshold, string.Create(CultureInfo.InvariantCulture, $"trust {score} meets {threshold}"));
    }

    /// <summary>
    /// The effective (dynamic) permission set: the operations <see cref="Decide"/> allows for these labels at this score —
    /// the default sets of the subject's labels in scope, narrowed by the bands the score is below, and nothing on a
    /// critical object below its threshold.
    /// </summary>
    /// <param name="subjectLabels">The labels of who asks.</param>
    /// <param name="objectLabels">The labels of what is touched.</param>
    /// <param name="score">The subject's current trust score, 0-100.</param>
    /// <returns>The operations allowed, in ordinal order.</returns>
    /// <exception cref="ArgumentException">A label is null.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-100.</exception>
    public ImmutableSortedSet<string> Permissions(IEnumerable<string> subjectLabels, IEnumerable<string> objectLabels, int score)
    {
        var (subjects, objects) = (Labelled(subjectLabels, nameof(subjectLabels)), Labelled(objectLabels, nameof(objectLabels)));
        Guard.Against.OutOfRange(score, nameof(score), 0, 100);
        if (score < CriticalThreshold(objects))
        {
            return [];
        }

        var pooled = InScope(subjects, objects).SelectMany(l => l.Permissions);
        return pooled.Where(operation => score >= BandThreshold(operation)).ToImmutableSortedSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="other"/> has the same labels and bands, in the same order.</summary>
    /// <param name="other">The other model.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TrustModel? other) => other is not null && Labels.SequenceEqual(other.Labels) && Bands.SequenceEqual(other.Bands);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TrustModel);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Labels.Count, Bands.Count, Operations.Count);

    private static string[] Labelled(IEnumerable<string> labels, string parameterName)
    {
        Guard.Against.Null(labels, parameterName);
        var array = labels.ToArray();
        Guard.Against.InvalidArgument(Array.IndexOf(array, null) >= 0, parameterName, "a label is null");
        return array;
    }

    private IEnumerable<TrustLabel> InScope(string[] subjects, string[] objects)
    {
        if (objects.Length == 0)
        {
            yield break;
        }

        foreach (var name in subjects.Distinct(StringComparer.Ordinal))
        {
            if (_byName.TryGetValue(name, out var label) && objects.All(label.MayTouch.Contains))
            {
                yield return label;
            }
        }
    }

    /// <summary>The least score at which no band leaves <paramref name="operation"/> out: the highest bound of the bands without it.</summary>
    private int BandThreshold(string operation)
    {
        foreach (var band in Bands)
        {
            if (!band.Operations.Contains(operation))
            {
                return band.Below;
            }
        }

        return 0;
    }

    private int CriticalThreshold(string[] objects) =>
        objects.Select(o => _byName.TryGetValue(o, out var label) ? label.CriticalThreshold ?? 0 : 0).DefaultIfEmpty(0).Max();
}
