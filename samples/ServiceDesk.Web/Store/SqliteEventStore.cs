using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Web.Store;

/// <summary>
/// The store on a SQLite file, created with its table on first use. SQLite has one writer at a time, so the process has
/// one writer too: a dedicated thread on one connection with its statements prepared once takes every append waiting
/// and writes them in one transaction (group commit), each append inside its own savepoint, so a stale one is refused
/// alone and the others still commit. Every append is on disk (the write-ahead log, synced at each commit) before its
/// caller hears it succeeded; a batch costs one sync instead of one per command. Readers use their own pooled
/// connections and never wait for the writer (write-ahead log).
/// </summary>
internal sealed class SqliteEventStore : EventStore, IDisposable
{
    /// <summary>The most appends written in one transaction (a bound on the latency a batch adds to its first append).</summary>
    private const int MaxBatch = 256;

    private const int SqliteConstraint = 19;

    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private Thread? _writer;

    public SqliteEventStore(string file)
    {
        File = Path.GetFullPath(file);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string File { get; }

    public override string Description => $"SQLite {File}";

    /// <summary>Stops the writer after it wrote every append already handed to it.</summary>
    public void Dispose()
    {
        _pending.Writer.TryComplete();
        Thread? writer;
        lock (_gate)
        {
            writer = _writer;
        }

        writer?.Join();
    }

    /// <inheritdoc/>
    public override Task AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        var pending = new PendingAppend(appends);
        StartWriter();
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteEventStore), "The store is shutting down; nothing was written.");
        }

        // A caller that stops waiting does not withdraw its append: it is written or refused like any other.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Readers do not wait for the writer, and the setting stays with the file.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    private void StartWriter()
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                _writer = new Thread(WriteLoop) { IsBackground = true, Name = "SQLite event writer" };
                _writer.Start();
            }
        }
    }

    private void WriteLoop()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        Writer? writer = null;
        while (_pending.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                writer ??= new Writer(_connectionString);
                writer.Write(batch);
            }
#pragma warning disable CA1031 // The writer outlives a failed batch: each caller of the batch hears the failure, and the next batch opens a new connection.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }

                writer?.Dispose();
                writer = null;
            }
        }

        writer?.Dispose();
    }

    /// <summary>One caller's append, and the task it waits on.</summary>
    private sealed class PendingAppend(IReadOnlyList<StreamAppend> appends)
    {
        public IReadOnlyList<StreamAppend> Appends { get; } = appends;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The writer's connection and its two statements, prepared once.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _version;
        private readonly SqliteCommand _insert;

        public Writer(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _version = _connection.CreateCommand();
            _version.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $stream";
            _version.Parameters.Add("$stream", SqliteType.Text);
            _insert = _connection.CreateCommand();
            _insert.CommandText = "INSERT INTO events (stream, version, family, occurred_at, data) VALUES ($stream, $version, $family, $occurred, $data)";
            _insert.Parameters.Add("$stream", SqliteType.Text);
            _insert.Parameters.Add("$version", SqliteType.Integer);
            _insert.Parameters.Add("$family", SqliteType.Text);
            _insert.Parameters.Add("$occurred", SqliteType.Integer);
            _insert.Parameters.Add("$data", SqliteType.Text);
        }

        public void Dispose()
        {
            _version.Dispose();
            _insert.Dispose();
            _connection.Dispose();
        }

        /// <summary>Writes a batch in one transaction; each append is all or nothing on its own (a savepoint).</summary>
        public void Write(List<PendingAppend> batch)
        {
            var written = new List<PendingAppend>(batch.Count);
            using (var transaction = _connection.BeginTransaction())
            {
                _version.Transaction = transaction;
                _insert.Transaction = transaction;
                foreach (var pending in batch)
                {
                    transaction.Save("append");
                    try
                    {
                        foreach (var append in pending.Appends)
                        {
                            WriteOne(append);
                        }

                        transaction.Release("append");
                        written.Add(pending);
                    }
#pragma warning disable CA1031 // One append's failure (a stale version, above all) is its caller's alone.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        transaction.Rollback("append");
                        pending.Done.TrySetException(e);
                    }
                }

                transaction.Commit();
            }

            foreach (var pending in written)
            {
                pending.Done.TrySetResult();
            }
        }

        private void WriteOne(StreamAppend append)
        {
            _version.Parameters[0].Value = append.Stream;
            var current = Convert.ToInt32(_version.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current != append.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(append.Stream, append.ExpectedVersion, current);
            }

            var version = append.ExpectedVersion;
            foreach (var stored in append.Events)
            {
                _insert.Parameters[0].Value = append.Stream;
                _insert.Parameters[1].Value = ++version;
                _insert.Parameters[2].Value = append.Family;
                _insert.Parameters[3].Value = stored.OccurredAtUnixMilliseconds;
                _insert.Parameters[4].Value = stored.Data;
                try
                {
                    _insert.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
                {
                    // Another process wrote this version between our check and our insert.
                    throw new ConcurrencyConflictException(append.Stream, append.ExpectedVersion, null, e);
                }
            }
        }
    }
}
