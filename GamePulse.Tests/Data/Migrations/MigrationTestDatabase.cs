using GamePulse.Data.Migrations;
using GamePulse.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamePulse.Tests.Data.Migrations;

/// <summary>A database of the test cluster with no tables, migrators over it as a fresh process would build them, and plain reads.</summary>
internal sealed class MigrationTestDatabase : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];

    private MigrationTestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<MigrationTestDatabase> CreateEmptyAsync() => new(await PostgresServer.CreateEmptyDatabaseAsync());

    /// <summary>The migrator over the shipped migrations, or over a test set (the namespace of <paramref name="anchor"/>).</summary>
    public DatabaseMigrator Migrator(Type? anchor = null) => Migrator(DataSource, anchor);

    public DatabaseMigrator Migrator(NpgsqlDataSource dataSource, Type? anchor = null)
    {
        var provider = anchor is null ? DatabaseMigrator.CreateServices(dataSource) : DatabaseMigrator.CreateServices(dataSource, anchor);
        providers.Add(provider);
        return provider.GetRequiredService<DatabaseMigrator>();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public Task<bool> TableExistsAsync(string table) => ScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL");

    /// <summary>The rows of a two-column query, as "first|second" strings, in the query's order.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await DataSource.DisposeAsync();
    }
}
