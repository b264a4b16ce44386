using System.Text.Json;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Common;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// The common part of every grain that holds an aggregate: the stream is loaded from the journal when the grain activates
/// (<c>FromHistory</c>), and every change is appended to the journal after the version it was read at, then sent to the
/// read model's partition. Orleans runs one call of a grain at a time, so the aggregate needs no lock.
/// </summary>
internal abstract class StreamGrain<TAggregate, TEvent>(CaseJournal journal) : Grain, IStreamGrain<TEvent>
    where TAggregate : AggregateRoot<TEvent>
    where TEvent : class, IDomainEvent
{
    /// <summary>The aggregate, or null while the stream is empty.</summary>
    protected TAggregate? Aggregate { get; private set; }

    /// <summary>The stream's family: ticket, complaint, customer or visit.</summary>
    protected abstract string Family { get; }

    protected string Id => this.GetPrimaryKeyString();

    protected string Stream => Streams.Name(Family, Id);

    protected CaseJournal Journal => journal;

    protected abstract TAggregate Rebuild(IEnumerable<TEvent> history);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await journal.ReadAsync(Stream);
        Aggregate = stored.Count == 0 ? null : Rebuild(stored.Select(Streams.Read<TEvent>));
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<int> Import(IReadOnlyList<TEvent> events, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(events);
        var version = Aggregate?.StreamVersion ?? 0;
        if (version != expectedVersion)
        {
            // The same import retried after a lost answer (a silo died after writing): it is already there. What follows a
            // write is done again — the silo may have died before it — and is harmless if it was done: the read model
            // ignores a change it holds, and a case sets the reminder it would set anyway.
            if (version >= expectedVersion + events.Count && Aggregate!.History.Skip(expectedVersion).Take(events.Count).SequenceEqual(events))
            {
                await NotifyReadModelAsync(expectedVersion, [.. events.Select(e => JsonSerializer.Serialize(e, Centre.Json))]);
                await AfterImportAsync(expectedVersion);
                return version;
            }

            throw new JournalConflictException(Stream, expectedVersion, version);
        }

        if (events.Count == 0)
        {
            return version;
        }

        // The aggregate's replay rules check the new events exactly as they check a stored history.
        var imported = Rebuild([.. Aggregate?.History ?? [], .. events]);
        await PersistAsync(imported, version, events);
        await AfterImportAsync(version);
        return imported.StreamVersion;
    }

    public Task<IReadOnlyList<TEvent>> History() => Task.FromResult(Aggregate?.History ?? []);

    /// <summary>What a grain does once history was imported (a case schedules its next look).</summary>
    protected virtual Task AfterImportAsync(int previousVersion) => Task.CompletedTask;

    /// <summary>Persists the events <paramref name="changed"/> holds after <paramref name="fromVersion"/>; on failure the grain drops its state and reloads.</summary>
    protected async Task PersistChangesAsync(TAggregate changed, int fromVersion)
    {
        List<TEvent> events = [.. changed.History.Skip(fromVersion)];
        if (events.Count > 0)
        {
            await PersistAsync(changed, fromVersion, events);
        }

        changed.TakeUncommittedEvents();
    }

    private async Task PersistAsync(TAggregate changed, int fromVersion, IReadOnlyList<TEvent> events)
    {
        var data = events.Select(e => JsonSerializer.Serialize(e, Centre.Json)).ToList();
        try
        {
            await journal.AppendAsync(Stream, Streams.Shard(Stream), fromVersion, data);
        }
        catch
        {
            // The aggregate in memory may be ahead of the journal: the next call starts from what is stored.
            Aggregate = null;
            DeactivateOnIdle();
            throw;
        }

        Aggregate = changed;
        await NotifyReadModelAsync(fromVersion, data);
    }

    /// <summary>Sends the events after <paramref name="fromVersion"/> to the stream's read-model partition.</summary>
    private Task NotifyReadModelAsync(int fromVersion, IReadOnlyList<string> data) =>
        GrainFactory.GetGrain<IReadModelShard>(Streams.Shard(Stream)).Changed(Stream, fromVersion, data);
}
