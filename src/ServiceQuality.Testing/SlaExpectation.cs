using System.Globalization;
using NodaTime;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Testing;

/// <summary>Expectations on one metric's status; each returns this for chaining and throws <see cref="SlaAssertionException"/> when it fails.</summary>
public sealed class SlaExpectation
{
    private readonly SlaOutcome _outcome;

    internal SlaExpectation(SlaStatus status, SlaOutcome outcome)
    {
        Status = status;
        _outcome = outcome;
    }

    /// <summary>The status examined.</summary>
    public SlaStatus Status { get; }

    /// <summary>Expects the clock to have stopped in time.</summary>
    /// <returns>This expectation.</returns>
    public SlaExpectation Met() => State(SlaState.Met);

    /// <summary>Expects the deadline to have passed.</summary>
    /// <returns>This expectation.</returns>
    public SlaExpectation Missed() => State(SlaState.Missed);

    /// <summary>Expects the clock to be paused by a hold.</summary>
    /// <returns>This expectation.</returns>
    public SlaExpectation Paused() => State(SlaState.Paused);

    /// <summary>Expects the clock to be running, deadline not passed.</summary>
    /// <returns>This expectation.</returns>
    public SlaExpectation Running() => State(SlaState.Running);

    /// <summary>Expects the deadline to have passed exactly at <paramref name="at"/> (local time).</summary>
    /// <param name="at">The expected breach, in the calendar's local time.</param>
    /// <returns>This expectation.</returns>
    public SlaExpectation BreachedAt(LocalDateTime at)
    {
        var expected = ToInstant(at);
        return Status.BreachedAt == expected ? this : throw Fail($"expected {Status.Metric} to be breached at {Text(expected)}, but {Describe(Status.BreachedAt, "it was not breached")}", expected);
    }

    /// <summary>Expects the deadline to be <paramref name="at"/> (local time).</summary>
    /// <param name="at">The expected deadline, in the calendar's local time.</param>
    /// <returns>This expectation.</returns>
    public SlaExpectation DueAt(LocalDateTime at)
    {
        var expected = ToInstant(at);
        return Status.DueAt == expected ? this : throw Fail($"expected {Status.Metric} to be due at {Text(expected)}, but {Describe(Status.DueAt, "it has no deadline now")}", expected);
    }

    /// <summary>Expects the warning stage <paramref name="percent"/> to have been reached at <paramref name="at"/> (local time).</summary>
    /// <param name="percent">The stage, in percent.</param>
    /// <param name="at">When, in the calendar's local time.</param>
    /// <returns>This expectation.</returns>
    public SlaExpectation StageReached(decimal percent, LocalDateTime at)
    {
        var expected = ToInstant(at);
        for (var i = 0; i < Status.StageCount; i++)
        {
            if (Status.GetStage(i) is { } stage && stage.Percent == percent)
            {
                return stage.At == expected ? this : throw Fail(string.Create(CultureInfo.InvariantCulture, $"expected {Status.Metric} to reach {percent} % at {Text(expected)}, but {Describe(stage.At, string.Empty)}"), expected);
            }
        }

        throw Fail(string.Create(CultureInfo.InvariantCulture, $"expected {Status.Metric} to reach {percent} % at {Text(expected)}, but it has not reached it ({StatusText})"), expected);
    }

    /// <summary>Expects the elapsed time to be <paramref name="elapsed"/>.</summary>
    /// <param name="elapsed">The expected elapsed time, in the target's basis.</param>
    /// <returns>This expectation.</returns>
    public SlaExpectation Elapsed(Duration elapsed) =>
        Status.Elapsed == elapsed ? this : throw Fail($"expected {Status.Metric} to have used {MessageText.Of(elapsed)}, but it used {MessageText.Of(Status.Elapsed)} ({StatusText})", _outcome.Now);

    private SlaExpectation State(SlaState expected) =>
        Status.State == expected ? this : throw Fail($"expected {Status.Metric} to be {expected}, but it is {Status.State} ({StatusText})", Status.DueAt ?? Status.BreachedAt ?? _outcome.Now);

    private SlaAssertionException Fail(string message, Instant around) => _outcome.Fail(message, around);

    private string StatusText => MessageText.Of(Status, _outcome.Zone);

    private string Describe(Instant? actual, string none) =>
        actual is { } at ? $"it was {Text(at)} ({StatusText})" : $"{none} ({StatusText})";

    private string Text(Instant instant) => MessageText.Of(instant, _outcome.Zone);

    private Instant ToInstant(LocalDateTime at) => _outcome.Zone.AtLeniently(at).ToInstant();
}
