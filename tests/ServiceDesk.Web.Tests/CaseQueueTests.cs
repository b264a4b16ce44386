using NodaTime;
using ServiceDesk.Web.Scheduling;

namespace ServiceDesk.Web.Tests;

/// <summary>The scheduler's queue: a waiting case only ever moves earlier, and a due case is taken once.</summary>
public sealed class CaseQueueTests
{
    private static readonly Instant Nine = DeskFactory.Morning;

    [Fact]
    public void Schedule_WhenACaseWaitsForAnEarlierInstant_KeepsTheEarlierOne()
    {
        using var queue = new CaseQueue();
        queue.Schedule("ticket/T-1", Nine + Duration.FromMinutes(10));
        queue.Schedule("ticket/T-1", Nine + Duration.FromMinutes(30));
        queue.Schedule("ticket/T-1", null);

        Assert.Equal(Nine + Duration.FromMinutes(10), queue.NextDueAt);
        Assert.Empty(queue.TakeDue(Nine + Duration.FromMinutes(9)));
        Assert.Equal(["ticket/T-1"], queue.TakeDue(Nine + Duration.FromMinutes(10)));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Schedule_WhenEarlierThanTheWait_MovesTheCaseForward()
    {
        using var queue = new CaseQueue();
        queue.Schedule("ticket/T-1", Nine + Duration.FromMinutes(30));
        queue.Schedule("ticket/T-2", Nine + Duration.FromMinutes(20));
        queue.Wake("ticket/T-1", Nine);

        Assert.Equal(["ticket/T-1"], queue.TakeDue(Nine));

        // Taken, the case waits for nothing: the next schedule (the scheduler's, after assessing it) stands as given.
        queue.Schedule("ticket/T-1", Nine + Duration.FromHours(2));
        Assert.Equal(["ticket/T-2", "ticket/T-1"], queue.TakeDue(Nine + Duration.FromHours(3)));
    }

    [Fact]
    public void Remove_WhenACaseIsClosed_TakesItOutOfTheQueue()
    {
        using var queue = new CaseQueue();
        queue.Schedule("ticket/T-1", Nine);
        queue.Schedule("ticket/T-2", Nine);
        queue.Remove("ticket/T-1");

        Assert.Equal(1, queue.Count);
        Assert.Equal(["ticket/T-2"], queue.TakeDue(Nine));
    }
}
