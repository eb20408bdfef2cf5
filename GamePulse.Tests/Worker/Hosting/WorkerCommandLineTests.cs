using GamePulse.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Npgsql;

namespace GamePulse.Tests.Worker.Hosting;

[TestClass]
public sealed class WorkerCommandLineTests
{
    /// <summary>Runs the command line as Program.cs does (StartupGuard turns configuration errors into exit 78).</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await StartupGuard.RunAsync("worker", () => WorkerCommandLine.RunAsync(args));
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [TestMethod]
    public async Task Migrate_applies_every_migration_and_list_then_shows_them_applied()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync();

        var (migrated, migrateOutput, _) = await RunAsync("migrate", $"--ConnectionStrings:GamePulse={connectionString}");
        var (listed, listOutput, _) = await RunAsync("migrate", "--list", $"--ConnectionStrings:GamePulse={connectionString}");

        Assert.AreEqual(0, migrated, "both exit 0: migrated");
        Assert.AreEqual(0, listed, "both exit 0: listed");
        StringAssert.Contains(migrateOutput, "Applied", "migrate reports what it applied");
        StringAssert.Contains(listOutput, "applied  ", "--list shows each migration applied");
        Assert.DoesNotContain("pending", listOutput, "nothing is left pending");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.IsGreaterThan(300L, (long)(await new NpgsqlCommand("SELECT count(*) FROM teams", connection).ExecuteScalarAsync())!, "the seed ran");
    }

    [TestMethod]
    public async Task Migrate_refuses_a_database_whose_applied_migration_changed_with_exit_1_and_one_line_naming_it()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        await PostgresServer.ExecuteAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!, "UPDATE migration_checksums SET checksum = repeat('0', 64) WHERE version = 300");
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.AreEqual(1, await WorkerCommandLine.RunAsync(["migrate", $"--ConnectionStrings:GamePulse={connectionString}"]), "a refusal is a failure");
        }
        finally
        {
            Console.SetError(original);
        }

        var message = Assert.ContainsSingle(errors.ToString().Trim().Split('\n'), "one line on stderr");
        StringAssert.StartsWith(message, "migrate: Migration 0300_pulse (checksum 000000000000… in the database", "names the migration and the checksum it found");
        StringAssert.Contains(message, "was changed after it was applied", "says what is wrong");
    }

    [TestMethod]
    public async Task The_worker_host_builds_with_every_service_resolvable()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var builder = WorkerHost.CreateBuilder([$"--ConnectionStrings:GamePulse={connectionString}"]);

        using var host = builder.Build(); // service-provider validation runs here in Development and in tests

        Assert.IsNotNull(host.Services.GetService(typeof(GamePulse.Data.Games.GameRepository)), "the data layer is registered");
    }

    [TestMethod]
    public async Task A_missing_connection_string_stops_with_one_line_naming_the_setting()
    {
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse");
        Environment.SetEnvironmentVariable("ConnectionStrings__GamePulse", null);
        try
        {
            var (code, _, error) = await RunAsync("migrate");

            Assert.AreEqual(78, code, "EX_CONFIG");
            StringAssert.Contains(error, "ConnectionStrings__GamePulse is not set", "the line names the setting");
            Assert.HasCount(1, error.Trim().Split('\n'), "one line, no stack trace");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__GamePulse", previous);
        }
    }

    [TestMethod]
    [DataRow("--Ingestion:TickSeconds=7", "Ingestion__TickSeconds must divide 60")]
    [DataRow("--Ingestion:WindowRefreshCron=0 0 6 * * ?", "Ingestion__WindowRefreshCron '0 0 6 * * ?' looks like Quartz's cron with seconds; Coravel's has five fields, e.g. '0 6 * * *'")]
    [DataRow("--Ingestion:WindowRefreshCron=at six", "is not a five-field cron")]
    public async Task A_bad_setting_given_on_the_command_line_reaches_the_host_and_stops_it_with_exit_78(string setting, string reason)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();

        var (code, _, error) = await RunAsync("ingest", "--league", "mens", "--date", "today", $"--ConnectionStrings:GamePulse={connectionString}", setting);

        Assert.AreEqual(78, code, "EX_CONFIG, also through System.CommandLine");
        StringAssert.Contains(error, reason, "the line says what is wrong");
        Assert.HasCount(1, error.Trim().Split('\n'), "one line, no stack trace");
    }

    [TestMethod]
    [DataRow(new[] { "frobnicate" }, "GamePulse.Worker: Unrecognized command or argument 'frobnicate'.", "GamePulse.Worker --help")]
    [DataRow(new[] { "migrate", "--bogus" }, "migrate: Unrecognized command or argument '--bogus'.", "GamePulse.Worker migrate --help")]
    [DataRow(new[] { "run", "extra" }, "run: Unrecognized command or argument 'extra'.", "GamePulse.Worker run --help")]
    public async Task An_unknown_command_or_option_is_a_usage_error_naming_the_help_to_read(string[] args, string reason, string help)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.AreEqual(64, code, "EX_USAGE");
        StringAssert.StartsWith(error, reason, "the first line names the mistake");
        StringAssert.Contains(error, $"Run '{help}' for its usage.", "and where to read the usage");
    }

    [TestMethod]
    public async Task Help_lists_every_command_and_how_to_override_settings()
    {
        foreach (var args in new[] { new[] { "--help" }, ["-h"], ["help"] })
        {
            var (code, output, _) = await RunAsync(args);

            Assert.AreEqual(0, code, string.Join(' ', args));
            StringAssert.Contains(output, "Usage:\n  GamePulse.Worker [command] [options]", "the usage names the executable");
            foreach (var command in new[] { "run", "migrate", "pulse", "ingest", "backfill" })
            {
                StringAssert.Matches(output, new System.Text.RegularExpressions.Regex($@"\n  {command} "), $"{string.Join(' ', args)} lists {command}");
            }

            StringAssert.Contains(output, "--Section:Key=Value", "the overrides are explained");
        }
    }

    [TestMethod]
    [DataRow("run", "--Section:Key=Value")]
    [DataRow("migrate", "--list")]
    [DataRow("pulse recompute", "--from <date>", "--to <date>")]
    [DataRow("ingest", "--league <league> (REQUIRED)", "--date <date>", "--file <path>", "--source <espn|ncaa>")]
    [DataRow("backfill", "--league <league> (REQUIRED)", "--from <date> (REQUIRED)", "--to <date> (REQUIRED)")]
    public async Task Each_command_has_its_own_help_without_a_database(string command, params string[] expected)
    {
        var (code, output, error) = await RunAsync([.. command.Split(' '), "--help"]);

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, $"GamePulse.Worker {command} [options]", "the usage line is the command's");
        foreach (var text in expected.Append("--Section:Key=Value"))
        {
            StringAssert.Contains(output, text, $"{command} --help shows {text}");
        }
    }
}
