using FluentMigrator.Runner;
using GamePulse.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.Data.Migrations;

/// <summary>A database migrated by the runner before FluentMigrator (<c>schema_migrations</c>) upgrades with one <c>migrate</c>.</summary>
[TestClass]
public sealed class LegacyUpgradeTests
{
    // Row versions and contents of every table that holds data: "no data touched" means no row was rewritten either.
    private const string DataFingerprint = """
        SELECT concat_ws(' ; ',
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM leagues t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM conferences t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM teams t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY team_id, name) FROM team_aliases t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM games t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM game_snapshots t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM ingest_runs t),
            (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM users t))
        """;

    private const string OldHistory = "SELECT version, name, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM schema_migrations ORDER BY version";

    private const string NewHistory = "SELECT version, description, to_char(applied_on, 'YYYY-MM-DD HH24:MI:SS.US') FROM version_info ORDER BY version";

    [TestMethod]
    public async Task A_database_of_the_old_runner_upgrades_with_one_migrate_that_applies_nothing_and_touches_no_data()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await OldRunnerDatabase.ApplyAsync(database.DataSource);
        await LoadDataAsync(database);
        var data = await database.ScalarAsync<string>(DataFingerprint);
        var history = await database.RowsAsync(OldHistory);
        var checksums = await database.RowsAsync("SELECT version, checksum FROM schema_migrations ORDER BY version");

        var applied = await database.Migrator().MigrateAsync();

        Assert.IsEmpty(applied, "nothing is applied again");
        Assert.AreEqual(data, await database.ScalarAsync<string>(DataFingerprint), "no row of any table was written");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE display_name = 'Renamed By Hand'"), "the seed did not run again over an edited team");
        Assert.IsFalse(await database.TableExistsAsync("schema_migrations"), "the old table is dropped");
        CollectionAssert.AreEqual(history, await database.RowsAsync(NewHistory), "version_info records each old version with its name and when it was applied");
        CollectionAssert.AreEqual(checksums, await database.RowsAsync("SELECT version, checksum FROM migration_checksums ORDER BY version"), "the checksums are carried over");
        Assert.IsTrue(await database.Migrator().IsUpToDateAsync(), "the readiness check is satisfied");
        Assert.IsEmpty(await database.Migrator().MigrateAsync(), "the next migrate has nothing to do");
    }

    [TestMethod]
    public async Task A_database_the_old_runner_left_at_an_older_release_gets_only_the_newer_migrations()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await OldRunnerDatabase.ApplyAsync(database.DataSource, lastVersion: 301);
        await LoadDataAsync(database);
        var data = await database.ScalarAsync<string>(DataFingerprint);

        var applied = await database.Migrator().MigrateAsync();

        var shipped = database.Migrator().Shipped.Select(m => m.Version).ToList();
        CollectionAssert.AreEqual(shipped.Where(v => v > 301).ToList(), applied.Select(m => m.Version).ToList(), "only the migrations the old runner never applied");
        Assert.AreEqual(data, await database.ScalarAsync<string>(DataFingerprint), "adding columns, indexes and tables rewrote no row");
        Assert.IsFalse(await database.TableExistsAsync("schema_migrations"), "the old table is dropped");
        Assert.AreEqual((long)shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM version_info"), "every migration is recorded once");
        Assert.AreEqual((long)shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM migration_checksums"), "with its checksum");
    }

    [TestMethod]
    public async Task An_old_database_whose_recorded_checksum_is_not_the_shipped_scripts_is_refused_and_left_as_it_was()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await OldRunnerDatabase.ApplyAsync(database.DataSource);
        await database.ExecuteAsync($"UPDATE schema_migrations SET checksum = '{OldRunnerDatabase.ScriptChecksum("an edited script")}' WHERE version = 100");

        var error = await Assert.ThrowsExactlyAsync<MigrationChecksumException>(() => database.Migrator().MigrateAsync());

        StringAssert.Contains(error.Message, "0100_ingest_runs", "the message names the migration");
        StringAssert.Contains(error.Message, "schema_migrations", "and the table it was recorded in");
        StringAssert.Contains(error.Message, "never be edited", "and what to do");
        Assert.AreEqual((long)database.Migrator().Shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"), "the old table is kept whole");
        Assert.IsFalse(await database.TableExistsAsync("version_info"), "FluentMigrator's table was not created");
        Assert.IsFalse(await database.TableExistsAsync("migration_checksums"), "nor the checksum table");
        Assert.IsFalse(await database.Migrator().IsUpToDateAsync(), "the database is not ready");
    }

    [TestMethod]
    public async Task An_upgrade_interrupted_after_FluentMigrator_created_its_table_completes_on_the_next_migrate()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        await OldRunnerDatabase.ApplyAsync(database.DataSource);
        await using (var services = DatabaseMigrator.CreateServices(database.DataSource))
        using (var scope = services.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<IVersionLoader>(); // creates an empty version_info, as an interrupted run leaves it
        }

        var history = await database.RowsAsync(OldHistory);
        Assert.IsFalse(await database.Migrator().IsUpToDateAsync(), "while schema_migrations remains, the database is not ready");
        Assert.IsTrue((await database.Migrator().ListAsync()).InPreviousRunnersTable, "--list reads the old table while it remains");

        Assert.IsEmpty(await database.Migrator().MigrateAsync(), "nothing is applied again");
        CollectionAssert.AreEqual(history, await database.RowsAsync(NewHistory), "the history is moved");
        Assert.IsFalse(await database.TableExistsAsync("schema_migrations"), "and the old table dropped");
    }

    private static Task LoadDataAsync(MigrationTestDatabase database) => database.ExecuteAsync("""
        UPDATE teams SET display_name = 'Renamed By Hand' WHERE id = (SELECT min(id) FROM teams WHERE league_id = 1);
        INSERT INTO games (league_id, espn_id, start_time, game_date, state, home_team_id, away_team_id, home_score, away_score, season)
        SELECT 1, '401700001', timestamptz '2025-03-01 23:00Z', date '2025-03-01', 'final', min(id), max(id), 71, 65, 2025 FROM teams WHERE league_id = 1;
        INSERT INTO game_snapshots (game_id, observed_at, state, home_score, away_score) SELECT id, now(), 'final', 71, 65 FROM games;
        INSERT INTO ingest_runs (job, league_id, game_date, source, started_at, finished_at, games_seen, games_inserted, duration_ms, outcome)
        VALUES ('manual', 1, date '2025-03-01', 'espn', now(), now(), 1, 1, 12, 'succeeded');
        INSERT INTO users (email, security_stamp) VALUES ('fan@example.test', gen_random_uuid());
        """);
}
