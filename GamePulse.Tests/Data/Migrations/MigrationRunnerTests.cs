using GamePulse.Data.Migrations;
using GamePulse.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GamePulse.Tests.Data.Migrations;

[TestClass]
public sealed class MigrationRunnerTests
{
    private static MigrationRunner Runner(NpgsqlDataSource dataSource, IReadOnlyList<Migration>? migrations = null) =>
        new(dataSource, NullLogger<MigrationRunner>.Instance, migrations);

    [TestMethod]
    public async Task Applies_every_migration_to_an_empty_database_in_order_and_records_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync());

        var applied = await Runner(dataSource).MigrateAsync();

        CollectionAssert.AreEqual(MigrationCatalog.All.Select(m => m.Version).ToList(), applied.Select(m => m.Version).ToList());
        await using var connection = await dataSource.OpenConnectionAsync();
        var recorded = (await Dapper.SqlMapper.QueryAsync<(long Version, string Checksum)>(connection, "SELECT version, checksum FROM schema_migrations ORDER BY version")).ToList();
        CollectionAssert.AreEqual(MigrationCatalog.All.Select(m => (m.Version, m.Checksum)).ToList(), recorded);
        Assert.IsTrue(await Runner(dataSource).IsUpToDateAsync());
        Assert.IsEmpty(await Runner(dataSource).MigrateAsync(), "a second run has nothing to apply");
    }

    [TestMethod]
    public async Task Two_runners_started_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);

        var results = await Task.WhenAll(Task.Run(() => Runner(first).MigrateAsync()), Task.Run(() => Runner(second).MigrateAsync()));

        Assert.HasCount(MigrationCatalog.All.Count, results.SelectMany(r => r));
        await using var connection = await first.OpenConnectionAsync();
        Assert.AreEqual(MigrationCatalog.All.Count, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count(*) FROM schema_migrations"));
    }

    [TestMethod]
    public async Task A_migration_changed_after_it_was_applied_stops_the_runner_with_a_clear_error()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync());
        await Runner(dataSource, [new SqlMigration(1, "create_things", "CREATE TABLE things (id int)")]).MigrateAsync();

        var edited = new SqlMigration(1, "create_things", "CREATE TABLE things (id bigint)");
        var added = new SqlMigration(2, "more", "CREATE TABLE more_things (id int)");
        var error = await Assert.ThrowsExactlyAsync<MigrationChecksumException>(() => Runner(dataSource, [edited, added]).MigrateAsync());

        StringAssert.Contains(error.Message, "0001_create_things");
        StringAssert.Contains(error.Message, "never be edited");
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.IsFalse(await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection, "SELECT to_regclass('more_things') IS NOT NULL"), "nothing after the refusal is applied");
    }

    [TestMethod]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync());
        var good = new SqlMigration(1, "good", "CREATE TABLE good (id int)");
        var bad = new SqlMigration(2, "bad", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;");

        await Assert.ThrowsAsync<PostgresException>(() => Runner(dataSource, [good, bad]).MigrateAsync());

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.AreEqual(1, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count(*) FROM schema_migrations"));
        Assert.IsFalse(await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection, "SELECT to_regclass('half_done') IS NOT NULL"));
        var statuses = await Runner(dataSource, [good, bad]).ListAsync();
        Assert.IsTrue(statuses[0].Applied);
        Assert.IsFalse(statuses[1].Applied);
    }

    [TestMethod]
    public void The_catalog_holds_numbered_sql_scripts_and_code_steps_in_version_order()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToList();
        CollectionAssert.AreEqual(versions.Order().ToList(), versions);
        Assert.IsTrue(MigrationCatalog.All.OfType<SqlMigration>().Any(m => m.Name == "core_schema"));
        Assert.IsTrue(MigrationCatalog.All.OfType<CodeMigration>().Any(m => m.Name == "seed_conferences_and_teams"));
    }
}
