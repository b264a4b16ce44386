using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// What every status measured under one agreement version shares — the version's reference, kind and warning stages — made
/// once per version, so that a status holds one reference instead of three: each reference a status holds is a store the
/// garbage collector must be told of whenever a status is written to the heap.
/// </summary>
internal class StatusSource(AgreementReference agreement, AgreementKind kind, IReadOnlyList<decimal> stagePercents)
{
    public AgreementReference Agreement { get; } = agreement;

    /// <summary>The kind of agreement the version is.</summary>
    public AgreementKind Kind { get; } = kind;

    /// <summary>The warning stages, in percent, that a status's stage instants stand for.</summary>
    public IReadOnlyList<decimal> StagePercents { get; } = stagePercents;

    /// <summary>
    /// The source of a status whose instants cannot all be positions (a deadline set on a case far in the future): the
    /// same, plus the instants themselves. Rare, so made per status.
    /// </summary>
    internal sealed class WithInstants(StatusSource source, Instant? dueAt, Instant? breachedAt, Instant? startedAt, Instant? stoppedAt)
        : StatusSource(source.Agreement, source.Kind, source.StagePercents)
    {
        public Instant? DueAt { get; } = dueAt;

        public Instant? BreachedAt { get; } = breachedAt;

        public Instant? StartedAt { get; } = startedAt;

        public Instant? StoppedAt { get; } = stoppedAt;
    }
}
