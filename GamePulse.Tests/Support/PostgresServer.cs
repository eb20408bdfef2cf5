using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GamePulse.Data;
using GamePulse.Data.Migrations;
using Npgsql;

namespace GamePulse.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL cluster of one test run: started once (initdb + pg_ctl via build/pg-cluster.sh, in a
/// project-local .data/test-* folder, on a free loopback port), with a migrated template database that each test class
/// copies, and stopped and deleted when the run ends — also when tests fail.
/// </summary>
[TestClass]
public static class PostgresServer
{
    public const string TemplateDatabase = "gamepulse_template";

    private static string? dataDirectory;
    private static int databaseCounter;

    public static int Port { get; private set; }

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=gamepulse;Database={database};Pooling=true;Include Error Detail=true";

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        TestHostSettings.Apply();
        Port = FreePort();
        dataDirectory = Path.Combine(RepositoryPaths.Root, ".data", $"test-{Environment.ProcessId}");
        await RunScriptAsync("start", dataDirectory, Port.ToString(CultureInfo.InvariantCulture), "fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=400");
        await ExecuteAsync("postgres", $"CREATE DATABASE {TemplateDatabase}");
        await using (var template = NpgsqlDataSource.Create(ConnectionString(TemplateDatabase)))
        {
            await DatabaseMigrator.MigrateAsync(template);
        }

        NpgsqlConnection.ClearAllPools(); // a template database must have no open connections when it is copied
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OutagePostgres.DeleteAsync();
        if (dataDirectory is not null)
        {
            await RunScriptAsync("stop", dataDirectory);
            if (new DirectoryInfo(dataDirectory).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                // The cluster lives in /tmp when root's postgres user could not reach the checkout: drop the link, then it.
                File.Delete(dataDirectory);
                Directory.Delete(target.FullName, recursive: true);
            }
            else
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    /// <summary>A new database copied from the migrated and seeded template.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateAsync(TemplateDatabase);

    /// <summary>A new database with no tables at all (for migration tests).</summary>
    public static Task<string> CreateEmptyDatabaseAsync() => CreateAsync("template0");

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateAsync(string template)
    {
        var name = $"test_{Interlocked.Increment(ref databaseCounter)}";
        await ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(name);
    }

    /// <summary>A free loopback port (the outage cluster uses it too).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs build/pg-cluster.sh, the one script that starts and stops every test cluster.</summary>
    internal static async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "build", "pg-cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pg-cluster.sh {string.Join(' ', arguments)} failed: {await stderr}");
        }
    }
}
