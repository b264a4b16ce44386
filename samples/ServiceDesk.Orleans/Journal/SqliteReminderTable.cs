using System.Globalization;

namespace ServiceDesk.Orleans.Journal;

/// <summary>
/// Orleans' reminder table on the journal's SQLite file: a reminder outlives the silo that registered it, and when a silo
/// dies the survivors read the rows of the hash range they take over (an indexed range query — the reminder service's own
/// mechanism, not a scan of the cases) and fire them.
/// </summary>
internal sealed class SqliteReminderTable(CaseJournal journal) : IReminderTable
{
    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Table(await journal.ReadRemindersAsync("grain = $grain", ("$grain", grainId.ToString())));

    /// <summary>The rows in the ring range (begin, end]; a range with begin at or after end wraps around; begin = end is the whole ring.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end) => Table(begin < end
        ? await journal.ReadRemindersAsync("hash > $begin AND hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : begin == end
            ? await journal.ReadRemindersAsync("1 = 1")
            : await journal.ReadRemindersAsync("hash > $begin OR hash <= $end", ("$begin", (long)begin), ("$end", (long)end)));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await journal.ReadRemindersAsync("grain = $grain AND name = $name", ("$grain", grainId.ToString()), ("$name", reminderName))).Select(Entry).FirstOrDefault();

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = await journal.UpsertReminderAsync(
            entry.GrainId.ToString(), entry.ReminderName, entry.GrainId.GetUniformHashCode(), DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc).Ticks, entry.Period.Ticks);
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag) ? journal.RemoveReminderAsync(grainId.ToString(), reminderName, etag) : Task.FromResult(false);

    public Task TestOnlyClearTable() => journal.ClearRemindersAsync();

    private static ReminderTableData Table(IEnumerable<ReminderRow> rows) => new(rows.Select(Entry));

    private static ReminderEntry Entry(ReminderRow row) => new()
    {
        GrainId = GrainId.Parse(row.Grain, CultureInfo.InvariantCulture),
        ReminderName = row.Name,
        StartAt = new DateTime(row.StartAt, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(row.Period),
        ETag = row.ETag.ToString(CultureInfo.InvariantCulture),
    };
}
