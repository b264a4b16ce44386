using Orleans.Placement;
using ServiceDesk.Orleans.Journal;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// One partition of the read model (see <see cref="IReadModelShard"/>): the streams hashing to it, as the library's event
/// JSON, in memory. The grains send every change; a partition that moves to another silo rebuilds itself from the
/// journal's rows of its partition (an indexed query), so the report after a silo's death still sees every case.
/// </summary>
[HashBasedPlacement]
internal sealed class ReadModelShard(CaseJournal journal) : Grain, IReadModelShard
{
    private readonly SortedDictionary<string, List<string>> _streams = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await foreach (var (stream, events) in journal.ReadShardAsync((int)this.GetPrimaryKeyLong(), cancellationToken))
        {
            _streams[stream] = events;
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task Changed(string stream, int fromVersion, IReadOnlyList<string> events)
    {
        if (!_streams.TryGetValue(stream, out var held))
        {
            _streams[stream] = held = [];
        }

        if (held.Count == fromVersion)
        {
            held.AddRange(events);
        }
        else if (held.Count < fromVersion + events.Count)
        {
            // A gap (a change sent while this partition was moving): the journal has the whole stream.
            _streams[stream] = [.. await journal.ReadAsync(stream)];
        }
    }

    public Task<IReadOnlyList<StreamCopy>> Page(int skip, int take) =>
        Task.FromResult<IReadOnlyList<StreamCopy>>([.. _streams.Skip(skip).Take(take).Select(s => new StreamCopy(s.Key, [.. s.Value]))]);

    public Task<(int Streams, long Events)> Size() => Task.FromResult((_streams.Count, _streams.Values.Sum(s => (long)s.Count)));
}
