namespace ServiceDesk.Web.Scheduling;

/// <summary>Whether the scheduler runs its own loop (the host) or only steps when called (tests driving a fake clock).</summary>
internal sealed record SchedulerSettings(bool RunInBackground);
