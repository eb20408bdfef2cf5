using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Backfill;

/// <summary>
/// <c>backfill --league L --from D --to D</c>: every date of the range through the configured source, oldest first.
/// Resumable: dates that already have a succeeded run from that source are skipped, so a rerun after a failure or
/// Ctrl-C continues where it stopped. Rate-limited by the source's limit plus a pause between dates.
/// </summary>
public static class BackfillCommand
{
    private static readonly HashSet<string> Options = ["--league", "--from", "--to"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            // Arguments are checked before the host is built, so a typo never needs a database.
            var arguments = new CommandArguments("backfill", args, Options);
            var leagueName = arguments.Required("--league");
            var from = arguments.Date("--from", TimeProvider.System);
            var to = arguments.Date("--to", TimeProvider.System);
            if (to < from)
            {
                throw new UsageException("backfill: --to is before --from");
            }

            if (to.DayNumber - from.DayNumber > 400)
            {
                throw new UsageException("backfill: the range is longer than 400 days; split it");
            }

            using var host = WorkerHost.CreateBuilder([]).Build();
            var services = host.Services;
            var clock = services.GetRequiredService<TimeProvider>();
            var league = await CommandArguments.LeagueAsync(services.GetRequiredService<LeagueRepository>(), "backfill", leagueName, CancellationToken.None);
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
                clock);
            var progress = new BackfillProgress(Console.Out, interactive: !Console.IsOutputRedirected);
            var summary = await runner.RunAsync(league, from, to, progress.Report, cancel.Token);
            progress.Finish(summary);
            return summary.Failed > 0 || summary.Cancelled ? 1 : 0;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{WorkerCommandLine.Usage}");
            return 64;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"backfill: cannot reach the database: {ex.Message}");
            return 1;
        }
    }
}
