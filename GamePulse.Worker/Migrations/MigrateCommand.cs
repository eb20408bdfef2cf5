using System.CommandLine;
using GamePulse.Data.Migrations;
using GamePulse.Worker.Hosting;

namespace GamePulse.Worker.Migrations;

/// <summary><c>migrate</c> applies pending migrations; <c>migrate --list</c> shows which are applied and pending.</summary>
public static class MigrateCommand
{
    public static Command Create(IReadOnlyList<string> settings)
    {
        var list = new Option<bool>("--list") { Description = "show applied and pending migrations instead of applying them" };
        var command = new Command("migrate", $"Apply pending database migrations. Exit 0 done, 1 failed. {CommandOptions.SettingsNote}") { list };
        command.SetAction((result, _) => RunAsync(result.GetValue(list), [.. settings]));
        return command;
    }

    public static async Task<int> RunAsync(bool list, string[] settings)
    {
        using var host = WorkerHost.CreateBuilder(settings).Build();
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();
        try
        {
            if (list)
            {
                Print(await migrator.ListAsync());
                return 0;
            }

            var applied = await migrator.MigrateAsync();
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s).");
            return 0;
        }
        catch (Exception ex) when (ex is MigrationChecksumException or MigrationFailedException)
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

    private static void Print(MigrationListing listing)
    {
        foreach (var status in listing.Migrations)
        {
            Console.WriteLine($"{status.Version:0000}  {(status.Applied ? "applied" : "pending"),-8} {status.AppliedAt?.ToString("u") ?? "",-20} {status.Name}");
        }

        if (listing.InPreviousRunnersTable)
        {
            Console.WriteLine("(recorded in schema_migrations by the runner before FluentMigrator: the next `migrate` moves them to version_info)");
        }
    }
}
