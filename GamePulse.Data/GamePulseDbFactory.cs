using LinqToDB;
using LinqToDB.DataProvider.PostgreSQL;
using Npgsql;

namespace GamePulse.Data;

/// <summary>
/// Opens <see cref="GamePulseDb"/> units of work over the process's one <see cref="NpgsqlDataSource"/>, so linq2db and
/// every plain Npgsql use (LISTEN, advisory locks, COPY) share one pool and its auto-prepared statements.
/// </summary>
public sealed class GamePulseDbFactory(NpgsqlDataSource dataSource)
{
    // The provider is fixed rather than detected: detection would open a connection at start-up, before the database
    // may be up, and every deployment runs PostgreSQL 15 or later.
    private readonly DataOptions options = new DataOptions()
        .UseConnectionFactory(PostgreSQLTools.GetDataProvider(PostgreSQLVersion.v15), _ => dataSource.CreateConnection());

    public NpgsqlDataSource DataSource => dataSource;

    public GamePulseDb Open() => new(options);
}
