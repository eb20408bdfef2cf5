using GamePulse.Data.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Npgsql;

namespace GamePulse.Tests.Worker.Hosting;

[TestClass]
public sealed class WorkerCommandLineTests
{
    [TestMethod]
    public async Task Migrate_applies_every_migration_and_list_then_shows_them_applied()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.AreEqual(0, await WorkerCommandLine.RunAsync(["migrate", $"--ConnectionStrings:GamePulse={connectionString}"]));
            Assert.AreEqual(0, await WorkerCommandLine.RunAsync(["migrate", "--list", $"--ConnectionStrings:GamePulse={connectionString}"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        StringAssert.Contains(output.ToString(), "Applied");
        StringAssert.Contains(output.ToString(), "applied  ");
        Assert.DoesNotContain("pending", output.ToString());
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.IsGreaterThan(300L, (long)(await new NpgsqlCommand("SELECT count(*) FROM teams", connection).ExecuteScalarAsync())!);
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

        Assert.IsNotNull(host.Services.GetService(typeof(GamePulse.Data.Games.GameRepository)));
    }

    [TestMethod]
    public async Task A_missing_connection_string_stops_with_one_line_naming_the_setting()
    {
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse");
        Environment.SetEnvironmentVariable("ConnectionStrings__GamePulse", null);
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.AreEqual(78, await StartupGuard.RunAsync("worker", () => WorkerCommandLine.RunAsync(["migrate"])));
        }
        finally
        {
            Console.SetError(original);
            Environment.SetEnvironmentVariable("ConnectionStrings__GamePulse", previous);
        }

        StringAssert.Contains(errors.ToString(), "ConnectionStrings__GamePulse is not set");
        Assert.HasCount(1, errors.ToString().Trim().Split('\n'));
    }

    [TestMethod]
    public async Task An_unknown_command_or_option_is_a_usage_error()
    {
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.AreEqual(64, await WorkerCommandLine.RunAsync(["frobnicate"]));
            Assert.AreEqual(64, await WorkerCommandLine.RunAsync(["migrate", "--bogus"]));
        }
        finally
        {
            Console.SetError(original);
        }

        StringAssert.Contains(errors.ToString(), "usage:");
    }
}
