using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Visits.Events;
using ServiceQuality.Domain.Visits.Rules;

namespace ServiceQuality.Domain.Visits;

/// <summary>
/// A callback, visit or survey (回访 / 走访 / 入户调查): planned with a due time, attempted up to a maximum number of
/// times, and completed with a five-point rating overall and per dimension, missed, or cancelled.
/// </summary>
/// <remarks>
/// Follow-up that means it: a visit whose attempts are recorded is completed only after one of them
/// <see cref="AttemptOutcome.Reached"/> the customer; a visit completed without any recorded attempt records by its
/// completion that the customer was reached (an on-site visit, a survey filled in at the door). A
/// <see cref="AttemptOutcome.Refused"/> attempt ends the attempts: neither another attempt nor a completion is accepted
/// after it (mark the visit missed or cancel it). A retry waits <see cref="RetryInterval"/> after the previous attempt.
/// </remarks>
/// <remarks>Create with <c>Plan</c> or rebuild with <see cref="FromHistory"/>. Not thread-safe.</remarks>
public sealed class VisitRecord : AggregateRoot<VisitEvent>
{
    private readonly List<VisitAttempt> _attempts = [];

    private VisitRecord() => Attempts = new ReadOnlyCollection<VisitAttempt>(_attempts);

    /// <summary>The visit's id.</summary>
    public VisitId Id { get; private set; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; private set; }

    /// <summary>What the visit follows up.</summary>
    public VisitSubject Subject { get; private set; } = VisitSubject.None;

    /// <summary>What kind of contact it is.</summary>
    public VisitKind Kind { get; private set; }

    /// <summary>When it is due.</summary>
    public Instant Due { get; private set; }

    /// <summary>How many attempts may be recorded.</summary>
    public int MaxAttempts { get; private set; }

    /// <summary>How long a retry waits after the previous attempt (elapsed time); zero lets a retry follow at once.</summary>
    public Duration RetryInterval { get; private set; }

    /// <summary>Whether a recorded attempt reached the customer.</summary>
    public bool CustomerReached { get; private set; }

    /// <summary>Whether the customer refused at a recorded attempt, which ends the attempts.</summary>
    public bool CustomerRefused { get; private set; }

    /// <summary>The earliest instant a retry is accepted (the last attempt plus <see cref="RetryInterval"/>); null before the first attempt.</summary>
    public Instant? NextAttemptAllowedAt => _attempts.Count == 0 ? null : _attempts[^1].At + RetryInterval;

    /// <summary>Where the visit is in its life.</summary>
    public VisitStatus Status { get; private set; }

    /// <summary>Every attempt, oldest first.</summary>
    public IReadOnlyList<VisitAttempt> Attempts { get; }

    /// <summary>The overall rating, once completed.</summary>
    public SatisfactionRating? Overall { get; private set; }

    /// <summary>Ratings per named dimension, once completed; empty before.</summary>
    public IReadOnlyDictionary<string, SatisfactionRating> Dimensions { get; private set; } = ReadOnlyDictionary<string, SatisfactionRating>.Empty;

    /// <summary>The customer's comment, if any.</summary>
    public string? Comment { get; private set; }

    /// <summary>Who performed it, once completed.</summary>
    public StaffId? PerformedBy { get; private set; }

    /// <summary>When it was completed, missed or cancelled.</summary>
    public Instant? EndedAt { get; private set; }

    /// <summary>Plans a visit.</summary>
    /// <param name="id">The visit's id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="subject">What it follows up.</param>
    /// <param name="kind">What kind of contact.</param>
    /// <param name="due">When it is due.</param>
    /// <param name="maxAttempts">How many attempts may be recorded; at least 1.</param>
    /// <param name="now">When it is planned.</param>
    /// <returns>The planned visit with one uncommitted event.</returns>
    /// <exception cref="ArgumentException">An argument is missing or out of range.</exception>
    public static VisitRecord Plan(VisitId id, CustomerId customer, VisitSubject subject, VisitKind kind, Instant due, int maxAttempts, Instant now) =>
        Plan(id, customer, subject, kind, due, maxAttempts, Duration.Zero, now);

    /// <summary>Plans a visit whose retries wait <paramref name="retryInterval"/> after the previous attempt.</summary>
    /// <param name="id">The visit's id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="subject">What it follows up.</param>
    /// <param name="kind">What kind of contact.</param>
    /// <param name="due">When it is due.</param>
    /// <param name="maxAttempts">How many attempts may be recorded; at least 1.</param>
    /// <param name="retryInterval">How long a retry waits after the previous attempt (elapsed time); zero or more.</param>
    /// <param name="now">When it is planned.</param>
    /// <returns>The planned visit with one uncommitted event.</returns>
    /// <exception cref="ArgumentException">An argument is missing or out of range.</exception>
    public static VisitRecord Plan(VisitId id, CustomerId customer, VisitSubject subject, VisitKind kind, Instant due, int maxAttempts, Duration retryInterval, Instant now)
    {
        CheckPlan(id, customer, subject, kind, maxAttempts, retryInterval);
        var visit = new VisitRecord();
        visit.Raise(new VisitPlanned(id, now, customer, subject, kind, due, maxAttempts) { RetryInterval = retryInterval });
        return visit;
    }

    /// <summary>Rebuilds a visit from its stored events.</summary>
    /// <param name="history">The events, oldest first, starting with <see cref="VisitPlanned"/>.</param>
    /// <returns>The visit as it was after the last event, with no uncommitted events.</returns>
    /// <exception cref="ArgumentException">
    /// The history is empty or, naming the index of the first bad event: an event is null, of another visit, earlier than the
    /// one before it, holds an empty id, an undefined enum value or a blank text, or is one the visit's commands would have
    /// refused there (the first is not the plan, a visit that has ended, an attempt beyond the maximum, after a refusal or
    /// before the retry interval, a completion no recorded attempt led to).
    /// </exception>
    public static VisitRecord FromHistory(IEnumerable<VisitEvent> history)
    {
        var visit = new VisitRecord();
        visit.Load(history, e => e is VisitPlanned, e => e.VisitId == visit.Id);
        return visit;
    }

    /// <summary>
    /// The visit's transition table: every (state, command, resulting state) row, ordered by state then command; only a
    /// planned visit accepts commands. A command absent for a state is refused there with
    /// <see cref="RuleCode.TransitionMustBeAllowed"/>. Immutable; docs/lifecycles.md is generated from it.
    /// </summary>
    public static IReadOnlyList<Transition<VisitStatus, VisitCommand>> Transitions => VisitTransitions.Table.Rows;

    /// <summary>
    /// The commands the visit's <see cref="Status"/> accepts, in declaration order (Stateless's <c>PermittedTriggers</c>):
    /// the state alone decides; argument rules and the attempt rules (maximum, refusal, retry interval, a reached customer
    /// before completion) aside, which the <c>CanX</c> methods also check. Empty once the visit has ended.
    /// </summary>
    public IReadOnlyList<VisitCommand> PermittedCommands => VisitTransitions.Table.Permitted(Status);

    /// <summary>Whether an attempt can be recorded (the retry interval aside: see <see cref="CanRecordAttempt(Instant)"/>).</summary>
    /// <returns>True while planned with attempts left and no refusal.</returns>
    public bool CanRecordAttempt() => Can(VisitCommand.RecordAttempt) && _attempts.Count < MaxAttempts && !CustomerRefused;

    /// <summary>Whether <see cref="RecordAttempt"/> would accept an attempt at <paramref name="now"/>.</summary>
    /// <param name="now">When the attempt would be made.</param>
    /// <returns>True while planned with attempts left and no refusal, at or after the last event and <see cref="NextAttemptAllowedAt"/>.</returns>
    public bool CanRecordAttempt(Instant now) => CanRecordAttempt() && now >= LastEventAt && !(now < NextAttemptAllowedAt);

    /// <summary>Whether the visit can be missed or cancelled now (<see cref="CanComplete"/> says whether it can be completed).</summary>
    /// <returns>True while planned: the same answer as <see cref="CanMarkMissed"/> and <see cref="CanCancel"/>.</returns>
    public bool CanEnd() => CanMarkMissed() && CanCancel();

    /// <summary>Whether <see cref="Complete"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while planned, without a refusal, and with no attempt recorded or one that reached the customer.</returns>
    public bool CanComplete() => Can(VisitCommand.Complete) && !CustomerRefused && (_attempts.Count == 0 || CustomerReached);

    /// <summary>Whether <see cref="MarkMissed"/> is allowed now.</summary>
    /// <returns>True while planned.</returns>
    public bool CanMarkMissed() => Can(VisitCommand.MarkMissed);

    /// <summary>Whether <see cref="Cancel"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while planned.</returns>
    public bool CanCancel() => Can(VisitCommand.Cancel);

    /// <summary>Records an attempt to reach the customer.</summary>
    /// <param name="outcome">How it went.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The time or transition rule, <see cref="RuleCode.RefusedVisitAcceptsNoFurtherContact"/>,
    /// <see cref="RuleCode.VisitAttemptsMustNotExceedMaximum"/> or <see cref="RuleCode.VisitRetryMustWaitInterval"/>.
    /// </exception>
    public void RecordAttempt(AttemptOutcome outcome, Instant now)
    {
        Guard.Against.UndefinedEnumValue(outcome);
        GuardCommand(VisitCommand.RecordAttempt, now);
        CheckAttempt(now);
        Raise(new VisitAttemptRecorded(Id, now, outcome));
    }

    /// <summary>Completes the visit with the customer's ratings.</summary>
    /// <param name="overall">The overall rating.</param>
    /// <param name="dimensions">Ratings per named dimension, or null for none; names must not be blank.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <param name="performedBy">Who performed it.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The time or transition rule, <see cref="RuleCode.RefusedVisitAcceptsNoFurtherContact"/> or
    /// <see cref="RuleCode.VisitCompletionRequiresReachedCustomer"/>.
    /// </exception>
    public void Complete(SatisfactionRating overall, IReadOnlyDictionary<string, SatisfactionRating>? dimensions, string? comment, StaffId performedBy, Instant now)
    {
        Guard.Against.UndefinedEnumValue(overall);
        Guard.Against.Default(performedBy);
        var copy = new SortedDictionary<string, SatisfactionRating>(StringComparer.Ordinal);
        foreach (var (name, rating) in dimensions ?? ReadOnlyDictionary<string, SatisfactionRating>.Empty)
        {
            CheckDimension(name, rating, nameof(dimensions));
            copy[name] = rating;
        }

        GuardCommand(VisitCommand.Complete, now);
        CheckCompletion();
        Raise(new VisitCompleted(Id, now, overall, new ReadOnlyDictionary<string, SatisfactionRating>(copy), comment, performedBy));
    }

    /// <summary>Marks the visit as missed.</summary>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time or transition rule.</exception>
    public void MarkMissed(Instant now)
    {
        GuardCommand(VisitCommand.MarkMissed, now);
        Raise(new VisitMissed(Id, now));
    }

    /// <summary>Cancels the visit.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time or transition rule.</exception>
    public void Cancel(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(VisitCommand.Cancel, now);
        Raise(new VisitCancelled(Id, now, reason));
    }

    /// <summary>Returns the id, kind, status and subject.</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() => $"Visit {Id} ({Kind}, {Status}, {Subject})";

    private bool Can(VisitCommand command) => VisitTransitions.Table.Allows(Status, command);

    private void MoveBy(VisitCommand command) => Status = VisitTransitions.Table.Target(Status, command);

    private void GuardCommand(VisitCommand command, Instant now)
    {
        EnsureTimeMovesForward(now);
        VisitRules.TransitionMustBeAllowed(Status, command);
    }

    private void CheckAttempt(Instant now)
    {
        VisitRules.RefusedVisitAcceptsNoFurtherContact(CustomerRefused);
        VisitRules.VisitAttemptsMustNotExceedMaximum(_attempts.Count, MaxAttempts);
        VisitRules.VisitRetryMustWaitInterval(NextAttemptAllowedAt, now);
    }

    private void CheckCompletion()
    {
        VisitRules.RefusedVisitAcceptsNoFurtherContact(CustomerRefused);
        VisitRules.VisitCompletionRequiresReachedCustomer(_attempts.Count > 0, CustomerReached);
    }

    private static void CheckPlan(VisitId id, CustomerId customer, VisitSubject subject, VisitKind kind, int maxAttempts, Duration retryInterval)
    {
        Guard.Against.Default(id);
        Guard.Against.Default(customer);
        Guard.Against.Null(subject);
        Guard.Against.UndefinedEnumValue(kind);
        Guard.Against.LessThan(maxAttempts, 1);
        Guard.Against.ArgumentOutOfRange(retryInterval < Duration.Zero, nameof(retryInterval), $"A retry interval cannot be negative; {retryInterval} given.");
    }

    private static void CheckDimension(string name, SatisfactionRating rating, string parameterName)
    {
        Guard.Against.NullOrWhiteSpace(name, parameterName);
        Guard.Against.UndefinedEnumValue(rating, parameterName);
    }

    /// <summary>The checks of the command that raises <paramref name="event"/>, in the visit's present state (time order aside).</summary>
    private protected override void CheckReplayed(VisitEvent @event)
    {
        switch (@event)
        {
            case VisitPlanned e:
                CheckPlan(e.VisitId, e.Customer, e.Subject, e.Kind, e.MaxAttempts, e.RetryInterval);
                break;
            case VisitAttemptRecorded e:
                Guard.Against.UndefinedEnumValue(e.Outcome, nameof(e.Outcome));
                VisitRules.TransitionMustBeAllowed(Status, VisitCommand.RecordAttempt);
                CheckAttempt(e.OccurredAt);
                break;
            case VisitCompleted e:
                Guard.Against.UndefinedEnumValue(e.Overall, nameof(e.Overall));
                Guard.Against.Default(e.PerformedBy, nameof(e.PerformedBy));
                Guard.Against.Null(e.Dimensions, nameof(e.Dimensions));
                foreach (var (name, rating) in e.Dimensions)
                {
                    CheckDimension(name, rating, nameof(e.Dimensions));
                }

                VisitRules.TransitionMustBeAllowed(Status, VisitCommand.Complete);
                CheckCompletion();
                break;
            case VisitMissed:
                VisitRules.TransitionMustBeAllowed(Status, VisitCommand.MarkMissed);
                break;
            case VisitCancelled e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                VisitRules.TransitionMustBeAllowed(Status, VisitCommand.Cancel);
                break;
            default:
                Guard.Against.UnknownEvent(@event, "visit", nameof(@event));
                break;
        }
    }

    private protected override void Apply(VisitEvent @event)
    {
        switch (@event)
        {
            case VisitPlanned e:
                (Id, Customer, Subject, Kind, Due, MaxAttempts, Status) = (e.VisitId, e.Customer, e.Subject, e.Kind, e.Due, e.MaxAttempts, VisitStatus.Planned);
                RetryInterval = e.RetryInterval;
                break;
            case VisitAttemptRecorded e:
                _attempts.Add(new VisitAttempt(e.Outcome, e.OccurredAt));
                CustomerReached |= e.Outcome == AttemptOutcome.Reached;
                CustomerRefused |= e.Outcome == AttemptOutcome.Refused;
                break;
            case VisitCompleted e:
                MoveBy(VisitCommand.Complete);
                (Overall, Dimensions, Comment, PerformedBy, EndedAt) = (e.Overall, e.Dimensions, e.Comment, e.PerformedBy, e.OccurredAt);
                break;
            case VisitMissed e:
                MoveBy(VisitCommand.MarkMissed);
                EndedAt = e.OccurredAt;
                break;
            case VisitCancelled e:
                MoveBy(VisitCommand.Cancel);
                EndedAt = e.OccurredAt;
                break;
            default:
                Guard.Against.UnknownEvent(@event, "visit", nameof(@event));
                break;
        }
    }
}
