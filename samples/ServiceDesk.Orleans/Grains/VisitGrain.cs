using Orleans.Placement;
using ServiceDesk.Orleans.Journal;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceDesk.Orleans.Grains;

/// <summary>A callback or visit as a grain: its history, which the report reads.</summary>
[HashBasedPlacement]
internal sealed class VisitGrain(CaseJournal journal) : StreamGrain<VisitRecord, VisitEvent>(journal), IVisitGrain
{
    protected override string Family => Streams.Visits;

    protected override VisitRecord Rebuild(IEnumerable<VisitEvent> history) => VisitRecord.FromHistory(history);
}
