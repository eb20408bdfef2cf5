using GamePulse.Data.Migrations;
using Npgsql;

namespace GamePulse.Tests.Data.Migrations;

[TestClass]
public sealed class DatabaseMigratorTests
{
    [TestMethod]
    public async Task Applies_every_migration_to_an_empty_database_in_order_and_records_it()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        var migrator = database.Migrator();

        var applied = await migrator.MigrateAsync();

        CollectionAssert.AreEqual(migrator.Shipped.Select(m => m.Version).ToList(), applied.Select(m => m.Version).ToList(), "every shipped migration, in version order");
        CollectionAssert.AreEqual(migrator.Shipped.Select(m => $"{m.Version}|{m.Name}").ToList(),
            await database.RowsAsync("SELECT version, description FROM version_info ORDER BY version"), "FluentMigrator's version table records each by name");
        CollectionAssert.AreEqual(migrator.Shipped.Select(m => $"{m.Version}|{m.Checksum}").ToList(),
            await database.RowsAsync("SELECT version, checksum FROM migration_checksums ORDER BY version"), "each checksum is recorded with it");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM version_info WHERE applied_on IS NULL OR applied_on < (now() AT TIME ZONE 'UTC') - interval '5 minutes'"), "applied_on is the UTC time of the run");
        Assert.IsTrue(await database.Migrator().IsUpToDateAsync(), "a new process sees the database up to date");
        Assert.IsEmpty(await database.Migrator().MigrateAsync(), "a second run has nothing to apply");
    }

    [TestMethod]
    public async Task Two_runners_started_at_once_apply_each_migration_exactly_once()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);
        var (one, two) = (database.Migrator(first), database.Migrator(second));

        var results = await Task.WhenAll(Task.Run(() => one.MigrateAsync()), Task.Run(() => two.MigrateAsync()));

        Assert.HasCount(one.Shipped.Count, results.SelectMany(r => r), "between them the two runs applied each migration once");
        Assert.AreEqual(one.Shipped.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM version_info"), "one version row per migration");
    }

    [TestMethod]
    public async Task A_runner_waiting_for_the_lock_does_not_block_the_other_ones_create_index_concurrently()
    {
        // A waiter blocked in pg_advisory_lock would hold a snapshot that CREATE INDEX CONCURRENTLY waits for: a deadlock.
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);
        var anchor = typeof(Sets.Concurrently.M0001SlowThings);
        var (one, two) = (database.Migrator(first, anchor), database.Migrator(second, anchor));

        var results = await Task.WhenAll(Task.Run(() => one.MigrateAsync()), Task.Run(() => two.MigrateAsync())).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsFalse(one.Shipped[1].Transactional, "the index migration runs without a transaction");
        Assert.HasCount(2, results.SelectMany(r => r), "each migration applied once between the two runs");
        Assert.IsTrue(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'slow_things_id'::regclass"), "the concurrently built index is valid");
        string[] expected = ["1", "2"];
        CollectionAssert.AreEqual(expected, await database.RowsAsync("SELECT version FROM migration_checksums ORDER BY version"), "both checksums recorded");
    }

    [TestMethod]
    public async Task A_migration_changed_after_it_was_applied_stops_the_runner_with_a_clear_error()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await database.Migrator(typeof(Sets.Original.M0001CreateThings)).MigrateAsync();

        var edited = database.Migrator(typeof(Sets.Edited.M0001CreateThings));
        var error = await Assert.ThrowsExactlyAsync<MigrationChecksumException>(() => edited.MigrateAsync());

        StringAssert.Contains(error.Message, "0001_create_things", "the message names the edited migration");
        StringAssert.Contains(error.Message, "never be edited", "and says what to do instead");
        Assert.IsFalse(await database.TableExistsAsync("more_things"), "nothing after the refusal is applied");
        Assert.AreEqual("integer", await database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'things'"), "the applied migration is left as it was");
    }

    [TestMethod]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        var migrator = database.Migrator(typeof(Sets.Failing.M0001Good));

        var error = await Assert.ThrowsExactlyAsync<MigrationFailedException>(() => migrator.MigrateAsync());

        StringAssert.Contains(error.Message, "0002_bad", "the message names the failed migration");
        StringAssert.Contains(error.Message, "42P01", "and what PostgreSQL said");
        Assert.DoesNotContain("SELECT * FROM no_such_table", error.Message, "without FluentMigrator's copy of the script");
        string[] recorded = ["1|good"];
        CollectionAssert.AreEqual(recorded, await database.RowsAsync("SELECT version, description FROM version_info ORDER BY version"), "only the good migration is recorded");
        string[] checksums = ["1"];
        CollectionAssert.AreEqual(checksums, await database.RowsAsync("SELECT version FROM migration_checksums ORDER BY version"), "and only its checksum");
        Assert.IsFalse(await database.TableExistsAsync("half_done"), "the failed migration's first statement was rolled back with it");
        var listing = await migrator.ListAsync();
        Assert.IsTrue(listing.Migrations[0].Applied, "--list: the good one is applied");
        Assert.IsFalse(listing.Migrations[1].Applied, "--list: the bad one is pending");
    }

    [TestMethod]
    public async Task Listing_and_the_readiness_check_write_nothing_to_a_database_never_migrated()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        var migrator = database.Migrator();

        Assert.IsFalse(await migrator.IsUpToDateAsync(), "a database without a version table is not up to date");
        var listing = await migrator.ListAsync();

        Assert.IsTrue(listing.Migrations.All(m => !m.Applied), "everything is pending");
        Assert.HasCount(migrator.Shipped.Count, listing.Migrations);
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"), "no table, index or sequence was created");
    }

    [TestMethod]
    public async Task A_database_missing_one_migration_is_not_up_to_date()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await database.Migrator().MigrateAsync();
        await database.ExecuteAsync("DELETE FROM version_info WHERE version = 401");

        Assert.IsFalse(await database.Migrator().IsUpToDateAsync(), "0401 is not recorded");
        var listing = await database.Migrator().ListAsync();
        Assert.AreEqual("ingest_runs_by_league_outcome", listing.Migrations.Single(m => !m.Applied).Name, "--list shows it pending");
    }
}
