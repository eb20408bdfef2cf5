using GamePulse.Data.Migrations;
using GamePulse.Worker.Hosting;

namespace GamePulse.Worker.Migrations;

/// <summary><c>migrate</c> applies pending migrations; <c>migrate --list</c> shows which are applied and pending.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var list = args.Contains("--list");
        // Anything else must be a configuration override such as --ConnectionStrings:GamePulse=...
        var unknown = args.Where(a => a != "--list" && !a.Contains('=', StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"migrate: unknown option {unknown[0]}\n{WorkerCommandLine.Usage}");
            return 64;
        }

        using var host = WorkerHost.CreateBuilder([.. args.Where(a => a != "--list")]).Build();
        var runner = host.Services.GetRequiredService<MigrationRunner>();
        try
        {
            if (list)
            {
                foreach (var status in await runner.ListAsync())
                {
                    Console.WriteLine($"{status.Version:0000}  {(status.Applied ? "applied" : "pending"),-8} {status.AppliedAt?.ToString("u") ?? "",-20} {status.Name}");
                }

                return 0;
            }

            var applied = await runner.MigrateAsync();
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s).");
            return 0;
        }
        catch (MigrationChecksumException ex)
        {
            await Console.Error.WriteLineAsync($"migrate: {ex.Message}");
            return 1;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"migrate: cannot reach the database: {ex.Message}");
            return 1;
        }
    }
}
