using System.Data.Common;
using Npgsql;

namespace ServiceDesk.Web.Store;

/// <summary>The store on PostgreSQL (Npgsql), the same table as on SQLite.</summary>
internal sealed class PostgresEventStore(string connectionString) : EventStore, IDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public override string Description => $"PostgreSQL database {new NpgsqlConnectionStringBuilder(connectionString).Database} on {new NpgsqlConnectionStringBuilder(connectionString).Host}";

    public void Dispose() => _source.Dispose();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    protected override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
