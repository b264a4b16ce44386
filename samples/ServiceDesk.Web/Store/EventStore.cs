using System.Data.Common;
using System.Runtime.CompilerServices;

namespace ServiceDesk.Web.Store;

/// <summary>
/// An append-only event store on one table, the same for SQLite and PostgreSQL: each row is one event of one stream at one
/// version, and the table's primary key on (stream, version) is what refuses a second writer of the same version, so two
/// commands that read the same version cannot both append — the later one fails with a
/// <see cref="ConcurrencyConflictException"/> and nothing is lost or written twice. Thread-safe: every call opens its own
/// connection (pooled by the provider).
/// </summary>
internal abstract class EventStore
{
    /// <summary>The schema, identical on both databases.</summary>
    public static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS events (
            stream      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            family      TEXT    NOT NULL,
            occurred_at BIGINT  NOT NULL,
            data        TEXT    NOT NULL,
            CONSTRAINT events_stream_version PRIMARY KEY (stream, version)
        )
        """,
        "CREATE INDEX IF NOT EXISTS events_family ON events (family, stream, version)",
    ];

    /// <summary>Which database this is, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>Creates the table if it is missing (the first run on a new database).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await PrepareDatabaseAsync(connection, cancellationToken);
        foreach (var statement in Schema)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Appends the new events of one or more streams in one transaction: all or nothing. Each stream must still be at the
    /// version its writer read (<see cref="StreamAppend.ExpectedVersion"/>); otherwise nothing is written.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">A stream has moved on since it was read.</exception>
    public virtual Task AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        AppendInTransactionAsync(appends, cancellationToken);

    private async Task AppendInTransactionAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var append in appends)
        {
            var current = await CurrentVersionAsync(connection, transaction, append.Stream, cancellationToken);
            if (current != append.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(append.Stream, append.ExpectedVersion, current);
            }

            var version = append.ExpectedVersion;
            foreach (var stored in append.Events)
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO events (stream, version, family, occurred_at, data) VALUES (@stream, @version, @family, @occurred, @data)";
                Add(insert, "stream", append.Stream);
                Add(insert, "version", ++version);
                Add(insert, "family", append.Family);
                Add(insert, "occurred", stored.OccurredAtUnixMilliseconds);
                Add(insert, "data", stored.Data);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException e) when (IsUniqueViolation(e))
                {
                    // Another writer appended this version between our check and our insert (possible on PostgreSQL).
                    throw new ConcurrencyConflictException(append.Stream, append.ExpectedVersion, null, e);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The events of one stream, oldest first (empty when the stream does not exist).</summary>
    public async Task<IReadOnlyList<string>> ReadStreamAsync(string stream, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM events WHERE stream = @stream ORDER BY version";
        Add(command, "stream", stream);
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(reader.GetString(0));
        }

        return events;
    }

    /// <summary>The versions stored for one stream, in order (for checks: 1..n without gaps).</summary>
    public async Task<IReadOnlyList<int>> ReadVersionsAsync(string stream, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM events WHERE stream = @stream ORDER BY version";
        Add(command, "stream", stream);
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    /// <summary>Every stream of one family with its events, oldest first, stream by stream.</summary>
    public async IAsyncEnumerable<(string Stream, IReadOnlyList<string> Events)> ReadFamilyAsync(
        string family, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream, data FROM events WHERE family = @family ORDER BY stream, version";
        Add(command, "family", family);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? stream = null;
        var events = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var next = reader.GetString(0);
            if (stream is not null && next != stream)
            {
                yield return (stream, events);
                events = [];
            }

            stream = next;
            events.Add(reader.GetString(1));
        }

        if (stream is not null)
        {
            yield return (stream, events);
        }
    }

    /// <summary>How many events the store holds.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When the newest stored event happened, or null for an empty store.</summary>
    public async Task<NodaTime.Instant?> NewestEventAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(occurred_at) FROM events";
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? NodaTime.Instant.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Opens a connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Database settings applied once, before the schema (SQLite's write-ahead log).</summary>
    protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the error is the primary key refusing a second (stream, version).</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, string stream, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = @stream";
        Add(command, "stream", stream);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
