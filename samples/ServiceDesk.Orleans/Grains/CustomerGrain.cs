using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Orleans.Placement;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// A customer as a grain: their history (imported), and when each of their complaints was received, kept as a stream of
/// its own (<c>receipts/id</c>, one line per complaint) so that it survives the silo too.
/// </summary>
[HashBasedPlacement]
internal sealed class CustomerGrain(CaseJournal journal, Centre centre) : StreamGrain<Customer, CustomerEvent>(journal), ICustomerGrain
{
    private const string Receipts = "receipts";

    private readonly Dictionary<string, Instant> _receipts = new(StringComparer.Ordinal);

    protected override string Family => Streams.Customers;

    protected override Customer Rebuild(IEnumerable<CustomerEvent> history) => Customer.FromHistory(history);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        foreach (var line in await Journal.ReadAsync(Streams.Name(Receipts, Id)))
        {
            var (complaint, at) = Parse(line);
            _receipts[complaint] = at;
        }
    }

    public async Task NoteComplaint(string complaint, Instant receivedAt)
    {
        if (_receipts.ContainsKey(complaint))
        {
            return;
        }

        // Receipts are not part of the read model: shard -1 is no partition.
        await Journal.AppendAsync(Streams.Name(Receipts, Id), -1, _receipts.Count, [$"{complaint} {InstantPattern.ExtendedIso.Format(receivedAt)}"]);
        _receipts[complaint] = receivedAt;
        await RecountAsync(complaint);
    }

    /// <summary>The customer's history changed: the read model counts each of their complaints again (under the tier now in the journal).</summary>
    protected override async Task AfterImportAsync(int previousVersion)
    {
        foreach (var complaint in _receipts.Keys)
        {
            await RecountAsync(complaint);
        }
    }

    /// <summary>
    /// Asks the read model to count a complaint again. The complaint's partition reads this customer's history from the
    /// journal, so it must hear of every change after the change is written, and of every complaint noted after a change.
    /// </summary>
    private Task RecountAsync(string complaint)
    {
        var stream = Streams.Name(Streams.Complaints, complaint);
        return GrainFactory.GetGrain<IReadModelShard>(Streams.Shard(stream)).CustomerChanged(stream);
    }

    public Task<ComplaintContext> ForComplaint(string complaint, Instant at) => Task.FromResult(new ComplaintContext(
        Aggregate?.TierOn(at.InZone(centre.Zone).Date),
        [.. _receipts.Where(r => r.Key != complaint).Select(r => r.Value).Order()]));

    private static (string Complaint, Instant At) Parse(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var parsed = InstantPattern.ExtendedIso.Parse(line[(space + 1)..]);
        return parsed.Success ? (line[..space], parsed.Value) : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"A stored receipt is not 'id instant': {line}"));
    }
}
