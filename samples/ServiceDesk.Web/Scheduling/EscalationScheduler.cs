using NodaTime;
using ServiceDesk.Web.Store;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web.Scheduling;

/// <summary>
/// Wakes open cases only when something about them can change. At start it fills the board from the store and schedules
/// every open case by the assessor's next-change instant (a case whose escalation is already due is scheduled at once); then
/// it sleeps until the earliest scheduled instant or until a command changes a case, assesses only the due cases, records
/// the escalations the policy decides (<c>EscalationDecision.ApplyTo</c>) in the store, and schedules each case again.
/// Time comes only from the injected <see cref="IClock"/>, and one step is <see cref="RunDueAsync"/>, which tests call
/// directly with a fake clock.
/// </summary>
internal sealed partial class EscalationScheduler(Desk desk, CaseQueue queue, SchedulerSettings settings, ILogger<EscalationScheduler> logger) : BackgroundService
{
    /// <summary>The longest sleep: the head of the queue is checked at least this often (a wall clock may jump).</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _step = new(1, 1);

    public int Scheduled => queue.Count;

    public Instant? NextDueAt => queue.NextDueAt;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RebuildAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Fills the board from the store and schedules every open case: what a restart does.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var repository = desk.Repository;
        await repository.Store.InitializeAsync(cancellationToken);
        await foreach (var customer in repository.AllCustomersAsync(cancellationToken))
        {
            desk.Board.Put(customer);
        }

        await foreach (var complaint in repository.AllComplaintsAsync(cancellationToken))
        {
            desk.Board.Put(complaint);
        }

        await foreach (var ticket in repository.AllTicketsAsync(cancellationToken))
        {
            desk.Board.Put(ticket);
        }

        var now = desk.Now;
        foreach (var ticket in desk.Board.Tickets().Where(t => !t.IsFinal))
        {
            queue.Schedule(CaseRepository.StreamOf(ticket.Id), FirstLook(ticket.LastEventAt, now, () => desk.Assess(ticket, now)));
        }

        foreach (var complaint in desk.Board.Complaints().Where(c => !c.IsFinal))
        {
            queue.Schedule(CaseRepository.StreamOf(complaint.Id), FirstLook(complaint.LastEventAt, now, () => desk.Assess(complaint, now)));
        }

        LogRebuilt(logger, queue.Count, repository.Store.Description);
    }

    /// <summary>
    /// One step: assesses every case due at or before <paramref name="now"/>, records the escalations the policy decides,
    /// and schedules each case for its next change.
    /// </summary>
    /// <returns>How many escalations were recorded.</returns>
    public async Task<int> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        await _step.WaitAsync(cancellationToken);
        try
        {
            var recorded = 0;
            foreach (var stream in queue.TakeDue(now))
            {
                recorded += await AssessAsync(stream, now, cancellationToken);
            }

            return recorded;
        }
        finally
        {
            _step.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(desk.Now, stoppingToken);
                var wait = queue.NextDueAt is { } next ? (next - desk.Now).ToTimeSpan() : MaxSleep;
                await queue.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxSleep ? MaxSleep : wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives one bad step: it is logged and the next step tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogStepFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: {Count} open cases scheduled from {Store}.")]
    private static partial void LogRebuilt(ILogger logger, int count, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler step failed; the next step tries again.")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);

    private static Instant? FirstLook(Instant lastEventAt, Instant now, Func<CaseAssessment> assess)
    {
        if (lastEventAt > now)
        {
            return lastEventAt;
        }

        var assessment = assess();
        return assessment.Escalation.Fires ? now : assessment.NextChangeAt;
    }

    private async Task<int> AssessAsync(string stream, Instant now, CancellationToken cancellationToken)
    {
        var (family, id) = (stream[..stream.IndexOf('/', StringComparison.Ordinal)], stream[(stream.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return family == CaseRepository.Tickets
                    ? await AssessTicketAsync(new TicketId(id), stream, now, cancellationToken)
                    : await AssessComplaintAsync(new ComplaintId(id), stream, now, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // A command changed the case meanwhile: assess the new state.
            }
        }

        queue.Schedule(stream, now);
        return 0;
    }

    private async Task<int> AssessTicketAsync(TicketId id, string stream, Instant now, CancellationToken cancellationToken)
    {
        if (await desk.Repository.FindAsync(id, cancellationToken) is not { IsFinal: false } ticket)
        {
            return 0;
        }

        if (ticket.LastEventAt > now)
        {
            queue.Schedule(stream, ticket.LastEventAt);
            return 0;
        }

        var assessment = desk.Assess(ticket, now);
        var recorded = 0;
        if (assessment.Escalation.Fires && assessment.Escalation.ApplyTo(ticket, now))
        {
            await desk.Repository.SaveAsync(ticket, cancellationToken);
            desk.Board.Put(ticket);
            assessment = desk.Assess(ticket, now);
            recorded = 1;
        }

        queue.Schedule(stream, Later(assessment.NextChangeAt, now));
        return recorded;
    }

    private async Task<int> AssessComplaintAsync(ComplaintId id, string stream, Instant now, CancellationToken cancellationToken)
    {
        if (await desk.Repository.FindAsync(id, cancellationToken) is not { IsFinal: false } complaint)
        {
            return 0;
        }

        if (complaint.LastEventAt > now)
        {
            queue.Schedule(stream, complaint.LastEventAt);
            return 0;
        }

        var assessment = desk.Assess(complaint, now);
        var recorded = 0;
        if (assessment.Escalation.Fires && assessment.Escalation.ApplyTo(complaint, now))
        {
            await desk.Repository.SaveAsync(complaint, cancellationToken);
            desk.Board.Put(complaint);
            assessment = desk.Assess(complaint, now);
            recorded = 1;
        }

        queue.Schedule(stream, Later(assessment.NextChangeAt, now));
        return recorded;
    }

    /// <summary>The next look, strictly after now (the assessor promises that; a case never spins the loop).</summary>
    private static Instant? Later(Instant? next, Instant now) => next is { } at && at <= now ? now + Duration.FromMinutes(1) : next;
}
