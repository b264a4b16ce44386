using ServiceDesk.Orleans.Grains;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceDesk.Orleans.Client;

/// <summary>The cases as the cluster's read model holds them, gathered from every partition and rebuilt with <c>FromHistory</c>.</summary>
internal static class ClusterCases
{
    private const int PageSize = 500;

    public static async Task<Cases> CollectAsync(IGrainFactory grains)
    {
        var copies = new List<StreamCopy>();
        for (var shard = 0; shard < Streams.ShardCount; shard++)
        {
            var partition = grains.GetGrain<IReadModelShard>(shard);
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await Replay.Retried(() => partition.Page(skip, PageSize));
                copies.AddRange(page);
                if (page.Count < PageSize)
                {
                    break;
                }
            }
        }

        var families = copies.ToLookup(c => Streams.FamilyOf(c.Stream));
        return Cases.Of(
            Rebuild<CustomerEvent, Customer>(families[Streams.Customers], Customer.FromHistory),
            Rebuild<TicketEvent, Ticket>(families[Streams.Tickets], Ticket.FromHistory),
            Rebuild<ComplaintEvent, Complaint>(families[Streams.Complaints], Complaint.FromHistory),
            Rebuild<VisitEvent, VisitRecord>(families[Streams.Visits], VisitRecord.FromHistory));
    }

    private static List<TAggregate> Rebuild<TEvent, TAggregate>(IEnumerable<StreamCopy> streams, Func<IEnumerable<TEvent>, TAggregate> fromHistory) =>
        [.. streams.Select(s => fromHistory(s.Events.Select(Streams.Read<TEvent>)))];
}
