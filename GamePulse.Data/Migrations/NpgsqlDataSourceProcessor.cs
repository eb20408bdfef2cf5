using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// FluentMigrator's PostgreSQL 15 processor on a connection of the process's one <see cref="NpgsqlDataSource"/>, instead
/// of a connection it would build from a connection string itself: the pool, its settings and its credentials stay in
/// one place. The connection opens when FluentMigrator first uses it, so resolving the runner touches no database.
/// </summary>
internal sealed class NpgsqlDataSourceProcessor : Postgres15_0Processor
{
    public NpgsqlDataSourceProcessor(
        NpgsqlDataSource dataSource,
        PostgresDbFactory factory,
        Postgres15_0Generator generator,
        ILogger<Postgres15_0Processor> logger,
        IOptionsSnapshot<ProcessorOptions> options,
        IConnectionStringAccessor connectionStringAccessor,
        PostgresOptions pgOptions)
        : base(factory, generator, logger, options, connectionStringAccessor, pgOptions)
    {
        Connection = dataSource.CreateConnection();
    }
}
