using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GamePulse.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GamePulse.Tests.Support;

/// <summary>
/// A second throwaway PostgreSQL cluster that outage tests stop and start (pg_ctl, a real shutdown: every connection
/// is terminated, new ones are refused), so the shared cluster of <see cref="PostgresServer"/> keeps serving the other
/// test classes. Created on first use in .data/test-{pid}-outage (build/test.sh removes leftovers of crashed runs) and
/// deleted with the shared one at the end of the run.
/// </summary>
public static class OutagePostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? dataDirectory;
    private static int port;
    private static int databaseCounter;

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username=gamepulse;Database={database};Pooling=true;Timeout=3;Include Error Detail=true";

    /// <summary>A new migrated and seeded database in the outage cluster (which is started if it is not running).</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await StartAsync();
        var name = $"outage_{Interlocked.Increment(ref databaseCounter)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(ConnectionString(name) + ";Pooling=false");
        await DatabaseMigrator.MigrateAsync(dataSource);
        return ConnectionString(name);
    }

    /// <summary>Starts the cluster (creating it the first time); returns once it accepts connections.</summary>
    public static async Task StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (dataDirectory is null)
            {
                port = PostgresServer.FreePort();
                dataDirectory = Path.Combine(RepositoryPaths.Root, ".data", $"test-{Environment.ProcessId}-outage");
            }

            await PostgresServer.RunScriptAsync("start", dataDirectory, port.ToString(CultureInfo.InvariantCulture), "fsync=off", "synchronous_commit=off", "full_page_writes=off");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the cluster the way an operator or a crash would take the database away mid-traffic.</summary>
    public static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (dataDirectory is not null)
            {
                await PostgresServer.RunScriptAsync("stop", dataDirectory);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops and deletes the cluster, if one was created (called by <see cref="PostgresServer"/> at the end).</summary>
    public static async Task DeleteAsync()
    {
        if (dataDirectory is null)
        {
            return;
        }

        await StopAsync();
        if (new DirectoryInfo(dataDirectory).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            File.Delete(dataDirectory);
            Directory.Delete(target.FullName, recursive: true);
        }
        else if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        dataDirectory = null;
    }
}
