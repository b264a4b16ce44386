using NodaTime;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// A ticket or a complaint as a grain. After every change the case asks the assessor when anything about it can next
/// change and keeps one durable reminder for that instant (or none). When the reminder fires — on whichever silo then
/// holds the case — the case walks from that instant up to now, as a scheduler that never sleeps late would: assess,
/// record the escalation the policy decides (<c>EscalationDecision.ApplyTo</c>), look again at the next instant. A late
/// reminder (a silo died, the clock jumped) therefore records each escalation at the instant it fell due, and nothing
/// anywhere scans the cases.
/// </summary>
internal abstract class CaseGrain<TAggregate, TEvent>(CaseJournal journal, Centre centre, DeskClock clock)
    : StreamGrain<TAggregate, TEvent>(journal), ICaseGrain<TEvent>, IRemindable
    where TAggregate : AggregateRoot<TEvent>
    where TEvent : class, IDomainEvent
{
    public const string ReminderName = "escalation";

    /// <summary>
    /// How often a reminder fires again while its case has not moved it on (a lost tick, a failed walk); each tick sets it
    /// for the next look. Orleans skips the ticks a late reminder missed, so this is also how late a reminder can be.
    /// </summary>
    private static readonly TimeSpan Repeat = TimeSpan.FromMinutes(1);

    /// <summary>At most this many looks in one walk: a case escalates a handful of times in its life.</summary>
    private const int MaxLooks = 64;

    /// <summary>The next instant to look at the case (null: nothing can change until a command comes).</summary>
    private Instant? _look;

    /// <summary>The instant the registered reminder is for, if this activation registered one.</summary>
    private Instant? _reminderAt;

    private bool _reminderKnown;

    protected Centre Centre => centre;

    protected abstract int EscalationLevel(TAggregate aggregate);

    protected abstract bool IsFinal(TAggregate aggregate);

    protected abstract Task<CaseAssessment> AssessAsync(TAggregate aggregate, Instant at);

    protected abstract bool Apply(EscalationDecision decision, TAggregate aggregate, Instant at);

    /// <summary>Runs the aggregate's command for <paramref name="command"/>; returns the aggregate (a new one for the opening command).</summary>
    protected abstract TAggregate Run(TAggregate? aggregate, TEvent command);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _look = Aggregate?.LastEventAt;
    }

    public async Task<int> Execute(TEvent command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Aggregate is not null)
        {
            await WalkAsync(command.OccurredAt, inclusive: false);
        }

        var before = Aggregate?.StreamVersion ?? 0;
        var changed = Run(Aggregate, command);
        await PersistChangesAsync(changed, before);
        await OnChangedAsync(changed, before);
        await LookFromAsync(command.OccurredAt);
        await ScheduleAsync();
        return changed.StreamVersion;
    }

    public Task<CaseState> State() => Task.FromResult(new CaseState(
        Aggregate?.StreamVersion ?? 0, Aggregate is { } a && !IsFinal(a) ? _look : null, Aggregate is null ? 0 : EscalationLevel(Aggregate), RuntimeIdentity));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderKnown = false; // it fired and stays registered until ScheduleAsync moves it to the next look or removes it
        await ScheduleAsync();
    }

    protected override async Task AfterImportAsync(int previousVersion)
    {
        await OnChangedAsync(Aggregate!, previousVersion);
        await LookFromAsync(Aggregate!.LastEventAt);
        await ScheduleAsync();
    }

    /// <summary>
    /// The case changed at <paramref name="at"/>: it is looked at then. When that is still ahead of the clock (a replay
    /// writes history dated after the clock), the assessor is asked now, so the reminder is set for its next-change instant.
    /// </summary>
    private async Task LookFromAsync(Instant at)
    {
        _look = at;
        if (at > clock.Now && Aggregate is { } aggregate && !IsFinal(aggregate))
        {
            var assessment = await AssessAsync(aggregate, at);
            _look = assessment.Escalation.Fires ? at : Later(assessment.NextChangeAt, at);
        }
    }

    /// <summary>What else a change tells (a complaint tells its customer it was received).</summary>
    protected virtual Task OnChangedAsync(TAggregate aggregate, int previousVersion) => Task.CompletedTask;

    /// <summary>Catches up with now, then keeps one reminder at the next look, or none.</summary>
    private async Task ScheduleAsync()
    {
        var now = clock.Now;
        await WalkAsync(now, inclusive: true);
        await SetReminderAsync(Aggregate is { } a && !IsFinal(a) ? _look : null, now);
    }

    /// <summary>
    /// Looks at the case at each next-change instant up to <paramref name="until"/> (inclusive or not), recording the
    /// escalations the policy decides at the instants they fall due.
    /// </summary>
    private async Task WalkAsync(Instant until, bool inclusive)
    {
        for (var looks = 0; looks < MaxLooks && Aggregate is { } aggregate; looks++)
        {
            if (IsFinal(aggregate) || _look is not { } at || at > until || (!inclusive && at == until))
            {
                return;
            }

            // One escalation a look, then the next look where the assessor says, as a single-process scheduler does it.
            var assessment = await AssessAsync(aggregate, at);
            var before = aggregate.StreamVersion;
            if (assessment.Escalation.Fires && Apply(assessment.Escalation, aggregate, at))
            {
                await PersistChangesAsync(aggregate, before);
                assessment = await AssessAsync(aggregate, at);
            }

            _look = Later(assessment.NextChangeAt, at);
        }
    }

    private async Task SetReminderAsync(Instant? at, Instant now)
    {
        if (at == _reminderAt && _reminderKnown)
        {
            return;
        }

        if (at is { } due)
        {
            var wait = due > now ? (due - now).ToTimeSpan() : TimeSpan.Zero;
            await this.RegisterOrUpdateReminder(ReminderName, wait, Repeat);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        (_reminderAt, _reminderKnown) = (at, true);
    }

    /// <summary>The next look strictly after <paramref name="at"/> (the assessor promises that; a case never spins).</summary>
    private static Instant? Later(Instant? next, Instant at) => next is { } n && n <= at ? at + Duration.FromMinutes(1) : next;
}
