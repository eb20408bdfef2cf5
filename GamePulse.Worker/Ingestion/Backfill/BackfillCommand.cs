using System.CommandLine;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace GamePulse.Worker.Ingestion.Backfill;

/// <summary>
/// <c>backfill --league L --from D --to D</c>: every date of the range through the configured source, oldest first.
/// Resumable: dates that already have a succeeded run from that source are skipped, so a rerun after a failure or
/// Ctrl-C continues where it stopped. Rate-limited by the source's limit plus a pause between dates.
/// </summary>
public static class BackfillCommand
{
    public const int MaxDays = 400;

    public static Command Create(IReadOnlyList<string> settings)
    {
        var league = CommandOptions.League();
        var from = CommandOptions.Date("--from", "first date", required: true);
        var to = CommandOptions.Date("--to", "last date", required: true);
        var command = new Command("backfill", $"Ingest every date of a range, oldest first; resumable (run it again), rate-limited. Exit 0 all done, 1 some failed or Ctrl-C, 64 usage. {CommandOptions.SettingsNote}")
        {
            league, from, to,
        };
        command.SetAction((result, _) => RunAsync(result.GetRequiredValue(league), result.GetRequiredValue(from)!.Value, result.GetRequiredValue(to)!.Value, settings));
        return command;
    }

    private static async Task<int> RunAsync(string leagueName, DateOnly from, DateOnly to, IReadOnlyList<string> settings)
    {
        // Checked before the host is built, so a typo never needs a database.
        if (to < from)
        {
            throw new UsageException("--to is before --from");
        }

        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new UsageException($"the range is longer than {MaxDays} days; split it");
        }

        try
        {
            using var host = WorkerHost.CreateBuilder([.. settings]).Build();
            var services = host.Services;
            var league = await CommandOptions.LeagueAsync(services.GetRequiredService<LeagueRepository>(), leagueName, CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            var runner = new BackfillRunner(
                services.GetRequiredService<IScoreSource>(),
                services.GetRequiredService<ScoreboardIngester>(),
                services.GetRequiredService<IngestRunRepository>(),
                services.GetRequiredService<GameRepository>(),
                services.GetRequiredService<IOptions<IngestionOptions>>().Value,
                services.GetRequiredService<TimeProvider>());
            var progress = Console.IsOutputRedirected ? BackfillProgress.Lines(Console.Out) : BackfillProgress.Bar(AnsiConsole.Console);
            var summary = await progress.TrackAsync(league, report => runner.RunAsync(league, from, to, report, cancel.Token));
            return summary.Failed > 0 || summary.Cancelled ? 1 : 0;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"backfill: cannot reach the database: {ex.Message}");
            return 1;
        }
    }
}
