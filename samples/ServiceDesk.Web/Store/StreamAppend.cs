namespace ServiceDesk.Web.Store;

/// <summary>One event as the store keeps it: its JSON document and when it happened (for queries by time).</summary>
internal sealed record NewEvent(long OccurredAtUnixMilliseconds, string Data);

/// <summary>The new events of one stream, to be appended after <paramref name="ExpectedVersion"/> (the version its writer read).</summary>
internal sealed record StreamAppend(string Stream, string Family, int ExpectedVersion, IReadOnlyList<NewEvent> Events);
