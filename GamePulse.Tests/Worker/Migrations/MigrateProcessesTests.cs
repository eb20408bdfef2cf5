using System.Diagnostics;
using System.Text;
using GamePulse.Data.Migrations;
using GamePulse.Tests.Data.Migrations;
using Npgsql;

namespace GamePulse.Tests.Worker.Migrations;

/// <summary>The built Worker, run as separate processes, the way two containers or two deploy steps start at once.</summary>
[TestClass]
public sealed class MigrateProcessesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [TestMethod]
    public async Task Two_migrate_processes_started_at_once_on_a_fresh_database_both_succeed_and_apply_each_migration_once()
    {
        await using var database = await MigrationTestDatabase.CreateEmptyAsync();
        var shipped = database.Migrator().Shipped.Count;
        // The test holds the migration lock until both processes are polling for it, so that they really contend for it.
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await LockAsync(holder, "pg_advisory_lock");
        using var first = WorkerProcess.Start("migrate", $"--ConnectionStrings:GamePulse={database.ConnectionString}");
        using var second = WorkerProcess.Start("migrate", $"--ConnectionStrings:GamePulse={database.ConnectionString}");
        await Task.WhenAll(first.WaitForOutputAsync("waiting for it to finish"), second.WaitForOutputAsync("waiting for it to finish")).WaitAsync(Patience);

        await LockAsync(holder, "pg_advisory_unlock");
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync()).WaitAsync(Patience);

        Assert.AreEqual(0, first.ExitCode, $"first: {first.Output}");
        Assert.AreEqual(0, second.ExitCode, $"second: {second.Output}");
        var summaries = new[] { first, second }.Select(p => p.Output.Contains($"Applied {shipped} migration(s).", StringComparison.Ordinal) ? "applied all"
            : p.Output.Contains("Database is up to date.", StringComparison.Ordinal) ? "up to date" : p.Output).Order().ToList();
        string[] expected = ["applied all", "up to date"];
        CollectionAssert.AreEqual(expected, summaries, "one process applied every migration, the other found nothing left to do");
        Assert.AreEqual((long)shipped, await database.ScalarAsync<long>("SELECT count(*) FROM version_info"), "each migration recorded once");
        Assert.AreEqual((long)shipped, await database.ScalarAsync<long>("SELECT count(*) FROM migration_checksums"), "each checksum recorded once");
        Assert.IsTrue(await database.Migrator().IsUpToDateAsync(), "the database is ready");
    }

    private static async Task LockAsync(NpgsqlConnection connection, string function)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationLock.Key);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>GamePulse.Worker.dll from the test's output folder, started with <c>dotnet</c>; stdout and stderr collected.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private WorkerProcess(Process process) => this.process = process;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public int ExitCode => process.ExitCode;

        public static WorkerProcess Start(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GamePulse.Worker.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var worker = new WorkerProcess(new Process { StartInfo = start });
            worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
            worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
            worker.process.Start();
            worker.process.BeginOutputReadLine();
            worker.process.BeginErrorReadLine();
            return worker;
        }

        public async Task WaitForOutputAsync(string text)
        {
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Worker exited ({process.ExitCode}) before writing '{text}': {Output}");
                }

                await Task.Delay(50);
            }
        }

        public Task WaitForExitAsync() => process.WaitForExitAsync();

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
