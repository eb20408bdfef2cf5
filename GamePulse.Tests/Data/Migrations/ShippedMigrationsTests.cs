using System.Security.Cryptography;
using System.Text;
using GamePulse.Data.Migrations;
using GamePulse.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamePulse.Tests.Data.Migrations;

[TestClass]
public sealed class ShippedMigrationsTests
{
    private static readonly string[] VersionsAndNames =
    [
        "1|core_schema", "2|seed_conferences_and_teams", "100|ingest_runs", "200|accounts", "300|pulse", "301|game_odds",
        "400|email_outbox_trace_id", "401|ingest_runs_by_league_outcome", "510|game_detail", "511|summary_fetches",
    ];

    [TestMethod]
    public async Task The_shipped_migrations_keep_the_versions_and_names_of_the_runner_before_FluentMigrator()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresServer.ConnectionString(PostgresServer.TemplateDatabase));
        await using var services = DatabaseMigrator.CreateServices(dataSource);
        var shipped = services.GetRequiredService<DatabaseMigrator>().Shipped;

        CollectionAssert.AreEqual(VersionsAndNames, shipped.Select(m => $"{m.Version}|{m.Name}").ToList(), "same versions, same names, in version order");
        Assert.IsTrue(shipped.All(m => m.Transactional), "each runs in its own transaction");
    }

    [TestMethod]
    public void Every_embedded_script_is_run_by_exactly_one_script_migration()
    {
        var assembly = typeof(ScriptMigration).Assembly;
        var scripts = assembly.GetManifestResourceNames().Where(n => n.StartsWith("GamePulse.Data.Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)).Order().ToList();
        var migrations = ScriptMigrations().Select(m => m.ResourceName).Order().ToList();

        Assert.HasCount(9, scripts, "the nine SQL scripts of GamePulse.Data/Migrations");
        CollectionAssert.AreEqual(scripts, migrations, "no script without its migration class, no class without its script, none used twice");
    }

    [TestMethod]
    public void A_script_checksum_is_the_sha256_of_its_text_with_unix_line_endings()
    {
        foreach (var migration in ScriptMigrations())
        {
            Assert.AreEqual(OldRunnerDatabase.ScriptChecksum(migration.Script), migration.Checksum, $"{migration.ResourceName}: the checksum the runner before FluentMigrator recorded");
        }

        Assert.AreEqual(MigrationChecksums.OfScript("SELECT 1;\nSELECT 2;\n"), MigrationChecksums.OfScript("SELECT 1;\r\nSELECT 2;\r\n"), "a checkout with CRLF line endings is not an edit");
        Assert.AreNotEqual(MigrationChecksums.OfScript("SELECT 1;\nSELECT 2;\n"), MigrationChecksums.OfScript("SELECT 1;\nSELECT 3;\n"), "one changed character is");
    }

    [TestMethod]
    public void The_seed_migrations_checksum_is_the_one_the_runner_before_FluentMigrator_recorded()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("GamePulse.Data.Migrations.M0002SeedConferencesAndTeams:v1")));

        Assert.AreEqual(expected, new M0002SeedConferencesAndTeams().Checksum, "type name and fingerprint, hashed as before");
    }

    private static List<ScriptMigration> ScriptMigrations() =>
        [.. typeof(ScriptMigration).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ScriptMigration)) && !t.IsAbstract)
            .Select(t => (ScriptMigration)Activator.CreateInstance(t)!)];
}
