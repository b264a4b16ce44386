using NodaTime;
using ServiceDesk.Orleans.Grains;
using ServiceQuality.Domain.Common;

namespace ServiceDesk.Orleans.Client;

/// <summary>
/// Replays recorded cases into the cluster as history: day by day in the centre's zone, each stream's events of the day
/// imported into its grain after the version the previous day left, many grains at once. A call that fails because a
/// silo went away is retried (an import that got through is answered, not repeated), so killing a silo mid-replay loses
/// nothing. The desk's clock is not moved: a replay writes the past, and every reminder it sets lies ahead.
/// </summary>
internal static class Replay
{
    private const int InFlight = 64;

    private const int Attempts = 8;

    /// <summary>Replays the cases; <paramref name="afterDay"/> runs after each day (a test kills a silo there).</summary>
    /// <returns>How many events were imported.</returns>
    public static async Task<long> RunAsync(IGrainFactory grains, Cases cases, DateTimeZone zone, Func<LocalDate, Task>? afterDay = null)
    {
        List<(LocalDate Day, Func<Task<int>> Import)[]> streams =
        [
            .. cases.Customers.Select(c => Split(c.History, zone, (e, v) => grains.GetGrain<ICustomerGrain>(c.Id.Value).Import(e, v))),
            .. cases.Tickets.Select(t => Split(t.History, zone, (e, v) => grains.GetGrain<ITicketGrain>(t.Id.Value).Import(e, v))),
            .. cases.Complaints.Select(c => Split(c.History, zone, (e, v) => grains.GetGrain<IComplaintGrain>(c.Id.Value).Import(e, v))),
            .. cases.Visits.Select(v => Split(v.History, zone, (e, version) => grains.GetGrain<IVisitGrain>(v.Id.Value).Import(e, version))),
        ];
        var byDay = streams.SelectMany(s => s).GroupBy(part => part.Day).OrderBy(g => g.Key).ToList();
        long events = cases.Customers.Sum(c => (long)c.History.Count) + cases.Tickets.Sum(t => (long)t.History.Count)
            + cases.Complaints.Sum(c => (long)c.History.Count) + cases.Visits.Sum(v => (long)v.History.Count);
        for (var day = 0; day < byDay.Count; day++)
        {
            await Parallel.ForEachAsync(byDay[day], new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (part, _) => await Retried(part.Import));
            if (afterDay is not null)
            {
                await afterDay(byDay[day].Key);
            }
        }

        return events;
    }

    /// <summary>Calls a grain, again after a failure of the cluster (a silo going away), up to a bound.</summary>
    public static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < Attempts && e is OrleansException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    /// <summary>A stream's history cut into days, each part imported after the versions before it.</summary>
    private static (LocalDate Day, Func<Task<int>> Import)[] Split<TEvent>(
        IReadOnlyList<TEvent> history, DateTimeZone zone, Func<IReadOnlyList<TEvent>, int, Task<int>> import)
        where TEvent : IDomainEvent
    {
        var parts = new List<(LocalDate, Func<Task<int>>)>();
        var start = 0;
        while (start < history.Count)
        {
            var day = history[start].OccurredAt.InZone(zone).Date;
            var end = start;
            while (end < history.Count && history[end].OccurredAt.InZone(zone).Date == day)
            {
                end++;
            }

            var (from, slice) = (start, history.Skip(start).Take(end - start).ToList());
            parts.Add((day, () => import(slice, from)));
            start = end;
        }

        return [.. parts];
    }
}
