using Orleans.Placement;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// One partition of the read model (see <see cref="IReadModelShard"/>): the streams hashing to it, as the library's event
/// JSON, and the SLA compliance of its tickets and complaints at the cluster's cut (<see cref="ReadModelCut"/>), both in
/// memory. The grains send every change; the partition evaluates the one case that changed at the cut, takes away what it
/// counted for that case before and adds what it counts now. A partition that moves to another silo — its silo died —
/// rebuilds both from the journal's rows of its partition (an indexed query), so the report after a silo's death still
/// sees every case. It calls no grain (it reads a complaint's customer from the journal), so no call ever waits on a cycle.
/// </summary>
[HashBasedPlacement]
internal sealed class ReadModelShard(CaseJournal journal, Centre centre, ReadModelCut cut) : Grain, IReadModelShard
{
    private readonly SortedDictionary<string, List<string>> _streams = new(StringComparer.Ordinal);

    /// <summary>What each case counted for when it was last evaluated (cases opened after the cut count for nothing).</summary>
    private readonly Dictionary<string, CaseCompliance> _counted = new(StringComparer.Ordinal);

    private readonly ComplianceCounts _compliance = new();

    private readonly SlaStatus[] _buffer = CaseCompliance.Buffer(centre);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await foreach (var (stream, events) in journal.ReadShardAsync((int)this.GetPrimaryKeyLong(), cancellationToken))
        {
            _streams[stream] = events;
        }

        foreach (var stream in _streams.Keys)
        {
            await CountAsync(stream);
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
        else
        {
            return; // already held (a change sent again after a retried import)
        }

        await CountAsync(stream);
    }

    public async Task CustomerChanged(string complaintStream)
    {
        if (_streams.ContainsKey(complaintStream))
        {
            await CountAsync(complaintStream);
        }
    }

    public Task<IReadOnlyList<StreamCopy>> Page(int skip, int take) =>
        Task.FromResult<IReadOnlyList<StreamCopy>>([.. _streams.Skip(skip).Take(take).Select(s => new StreamCopy(s.Key, [.. s.Value]))]);

    public Task<(int Streams, long Events)> Size() => Task.FromResult((_streams.Count, _streams.Values.Sum(s => (long)s.Count)));

    public Task<ComplianceTally> Compliance() => Task.FromResult(_compliance.ToTally(cut.At));

    /// <summary>Evaluates one case at the cut and replaces what it counted for; customers and visits count for nothing.</summary>
    private async Task CountAsync(string stream)
    {
        var events = _streams[stream];
        CaseCompliance? part;
        switch (Streams.FamilyOf(stream))
        {
            case Streams.Tickets:
                part = CaseCompliance.Of(Ticket.FromHistory(events.Select(Streams.Read<TicketEvent>)), centre, cut.At, _buffer);
                break;
            case Streams.Complaints:
                var complaint = Complaint.FromHistory(events.Select(Streams.Read<ComplaintEvent>));
                part = complaint.History[0].OccurredAt > cut.At ? null : CaseCompliance.Of(complaint, await TierAtCutAsync(complaint), centre, cut.At, _buffer);
                break;
            default:
                return;
        }

        if (_counted.Remove(stream, out var before))
        {
            _compliance.Remove(before);
        }

        if (part is not null)
        {
            _counted[stream] = part;
            _compliance.Add(part);
        }
    }

    /// <summary>
    /// The complaint's customer's tier on the cut's date, from their history up to the cut as the journal has it (the
    /// report's rule); the tier the complaint recorded, or ordinary, for a customer with no history by then.
    /// </summary>
    private async Task<ServiceTier> TierAtCutAsync(Complaint complaint)
    {
        var history = (await journal.ReadAsync(Streams.Name(Streams.Customers, complaint.Customer.Value)))
            .Select(Streams.Read<CustomerEvent>).TakeWhile(e => e.OccurredAt <= cut.At).ToList();
        return history.Count > 0
            ? Customer.FromHistory(history).TierOn(cut.At.InZone(centre.Zone).Date)
            : complaint.CustomerTier ?? ServiceTier.Ordinary;
    }
}
