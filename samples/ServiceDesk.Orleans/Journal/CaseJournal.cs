using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Orleans.Journal;

/// <summary>
/// The sample's durable store, one SQLite file that every silo opens: the event streams of the cases (one row per event,
/// the library's event JSON, primary key (stream, version) — a second writer of a version is refused) and the reminder
/// table. It outlives any silo, which is what lets a case's grain and its reminder move to a survivor without losing an
/// event. Writes are group-committed: each silo's writes queue to one connection that commits whatever is waiting in
/// one transaction, each write in its own savepoint so a refused one fails alone. Thread-safe.
/// </summary>
/// <remarks>
/// Orleans ships no SQLite storage or reminder provider, and the ADO.NET ones need a database server this machine does not
/// run; this store is the sample's choice, small enough to read (see README.md). A deployment uses a shared database
/// (the ADO.NET providers on PostgreSQL or SQL Server, Azure Table, Cosmos DB) in its place.
/// </remarks>
internal sealed class CaseJournal : IAsyncDisposable
{
    private const int MaxBatch = 1024;

    private readonly string _connectionString;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>The journals open in this process, by file: silos in one process share one writer (see <see cref="Open(string)"/>).</summary>
    private static readonly Dictionary<string, CaseJournal> Opened = new(StringComparer.Ordinal);

    private int _users;

    private CaseJournal(string file)
    {
        File = file;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = File, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 60 }.ToString();
        using (var connection = Connect())
        {
            Execute(connection, null, """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS events (
                    stream  TEXT    NOT NULL,
                    version INTEGER NOT NULL,
                    shard   INTEGER NOT NULL,
                    data    TEXT    NOT NULL,
                    PRIMARY KEY (stream, version)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS events_shard ON events (shard, stream, version);
                CREATE TABLE IF NOT EXISTS reminders (
                    grain    TEXT    NOT NULL,
                    name     TEXT    NOT NULL,
                    hash     INTEGER NOT NULL,
                    start_at INTEGER NOT NULL,
                    period   INTEGER NOT NULL,
                    etag     INTEGER NOT NULL,
                    PRIMARY KEY (grain, name)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS reminders_hash ON reminders (hash);
                """);
        }

        _writer = Task.Run(WriteLoopAsync);
    }

    public string File { get; }

    /// <summary>
    /// Opens the journal on <paramref name="file"/> (created with its tables if missing). Silos of one process share one
    /// instance, and so one writer: two writers on one SQLite file would wait on each other's locks. Dispose each.
    /// </summary>
    public static CaseJournal Open(string file)
    {
        var path = Path.GetFullPath(file);
        lock (Opened)
        {
            if (!Opened.TryGetValue(path, out var journal))
            {
                Opened[path] = journal = new CaseJournal(path);
            }

            journal._users++;
            return journal;
        }
    }

    /// <summary>The events of one stream, oldest first (empty when there is none).</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(string stream)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, "SELECT data FROM events WHERE stream = $stream ORDER BY version", ("$stream", stream));
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<string>();
        while (await reader.ReadAsync())
        {
            events.Add(reader.GetString(0));
        }

        return events;
    }

    /// <summary>Every stream of one read-model shard with its events, stream by stream (what a shard rebuilds from).</summary>
    public async IAsyncEnumerable<(string Stream, List<string> Events)> ReadShardAsync(int shard, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, "SELECT stream, data FROM events WHERE shard = $shard ORDER BY stream, version", ("$shard", shard));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (string Stream, List<string> Events)? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = reader.GetString(0);
            if (current is { } done && done.Stream != stream)
            {
                yield return done;
                current = null;
            }

            current ??= (stream, []);
            current.Value.Events.Add(reader.GetString(1));
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// Appends events to a stream that must still be at <paramref name="expectedVersion"/>; all or nothing.
    /// </summary>
    /// <exception cref="JournalConflictException">The stream has moved on (another writer, or a retried write that got through).</exception>
    public Task AppendAsync(string stream, int shard, int expectedVersion, IReadOnlyList<string> events) => WriteAsync(writer =>
    {
        var version = Convert.ToInt32(writer.Scalar("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $stream", ("$stream", stream)), CultureInfo.InvariantCulture);
        if (version != expectedVersion)
        {
            throw new JournalConflictException(stream, expectedVersion, version);
        }

        for (var i = 0; i < events.Count; i++)
        {
            writer.Scalar("INSERT INTO events (stream, version, shard, data) VALUES ($stream, $version, $shard, $data)",
                ("$stream", stream), ("$version", expectedVersion + i + 1), ("$shard", shard), ("$data", events[i]));
        }

        return 0;
    });

    /// <summary>Reminder rows: (grain, name, hash, start, period, etag), for the reminder table.</summary>
    public async Task<List<ReminderRow>> ReadRemindersAsync(string where, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, $"SELECT grain, name, start_at, period, etag FROM reminders WHERE {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    /// <summary>Inserts or replaces a reminder row; returns its new etag.</summary>
    public Task<long> UpsertReminderAsync(string grain, string name, uint hash, long startAt, long period) => WriteAsync(writer => Convert.ToInt64(writer.Scalar("""
        INSERT INTO reminders (grain, name, hash, start_at, period, etag) VALUES ($grain, $name, $hash, $start, $period, 1)
        ON CONFLICT (grain, name) DO UPDATE SET start_at = excluded.start_at, period = excluded.period, etag = reminders.etag + 1
        RETURNING etag
        """, ("$grain", grain), ("$name", name), ("$hash", (long)hash), ("$start", startAt), ("$period", period)), CultureInfo.InvariantCulture));

    /// <summary>Removes a reminder row if it still has <paramref name="etag"/>.</summary>
    public Task<bool> RemoveReminderAsync(string grain, string name, long etag) => WriteAsync(writer =>
        writer.Scalar("DELETE FROM reminders WHERE grain = $grain AND name = $name AND etag = $etag RETURNING 1", ("$grain", grain), ("$name", name), ("$etag", etag)) is not null);

    public Task ClearRemindersAsync() => WriteAsync(writer => writer.Scalar("DELETE FROM reminders"));

    /// <summary>How many events the journal holds.</summary>
    public async Task<long> CountAsync()
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        lock (Opened)
        {
            if (--_users > 0)
            {
                return;
            }

            Opened.Remove(File);
        }

        _writes.Writer.TryComplete();
        await _writer;
    }

    private Task<T> WriteAsync<T>(Func<Writer, T> apply)
    {
        var write = new Write(w => apply(w), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);
        return Completed<T>(write.Done.Task);
    }

    private static async Task<T> Completed<T>(Task<object?> done) => (T)(await done)!;

    /// <summary>
    /// Commits whatever writes are waiting in one transaction. A write that fails (a version conflict) fails before it
    /// changes anything, so it fails alone and the others commit.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        await using var connection = Connect();
        using var writer = new Writer(connection);
        var batch = new List<(Write Write, object? Result, Exception? Error)>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            try
            {
                using var transaction = connection.BeginTransaction();
                writer.Begin(transaction);
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
                {
                    try
                    {
                        batch.Add((write, write.Apply(writer), null));
                    }
                    catch (JournalConflictException e)
                    {
                        batch.Add((write, null, e));
                    }
                }

                transaction.Commit();
                foreach (var (write, result, error) in batch)
                {
                    _ = error is null ? write.Done.TrySetResult(result) : write.Done.TrySetException(error);
                }
            }
#pragma warning disable CA1031 // A failed commit fails every write of the batch, and the loop serves the next ones.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var (write, _, _) in batch)
                {
                    write.Done.TrySetException(e);
                }
            }
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private sealed record Write(Func<Writer, object?> Apply, TaskCompletionSource<object?> Done);

    /// <summary>The writer's statements, each prepared once on its connection and reused with new values.</summary>
    private sealed class Writer(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
        private SqliteTransaction? _transaction;

        public void Begin(SqliteTransaction transaction) => _transaction = transaction;

        public object? Scalar(string sql, params (string Name, object Value)[] parameters)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                _prepared[sql] = command = Command(connection, null, sql, parameters);
            }
            else
            {
                foreach (var (name, value) in parameters)
                {
                    command.Parameters[name].Value = value;
                }
            }

            command.Transaction = _transaction;
            return command.ExecuteScalar();
        }

        public void Dispose()
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }
        }
    }
}

/// <summary>One row of the reminder table (instants and periods in ticks, UTC).</summary>
internal sealed record ReminderRow(string Grain, string Name, long StartAt, long Period, long ETag);

/// <summary>A stream was not at the version its writer read: nothing was written.</summary>
internal sealed class JournalConflictException(string stream, int expected, int actual)
    : Exception($"The stream {stream} is at version {actual}, not {expected}: nothing was written.")
{
    public string Stream { get; } = stream;

    public int Expected { get; } = expected;

    public int Actual { get; } = actual;
}
