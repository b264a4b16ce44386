using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Web.Store;

/// <summary>The store on a SQLite file, created with its table on first use.</summary>
internal sealed class SqliteEventStore(string file) : EventStore, IDisposable
{
    /// <summary>SQLite has one writer at a time: the host's writers queue here rather than sleep and retry on a busy database.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    private const int SqliteConstraint = 19;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string File { get; } = Path.GetFullPath(file);

    public override string Description => $"SQLite {File}";

    public void Dispose() => _writer.Dispose();

    protected override Task EnterWriteAsync(CancellationToken cancellationToken) => _writer.WaitAsync(cancellationToken);

    protected override void ExitWrite() => _writer.Release();

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
}
