using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using GamePulse.Worker.Migrations;
using GamePulse.Worker.Pulse;

namespace GamePulse.Worker.Hosting;

/// <summary>The Worker executable's commands: <c>run</c> (default), <c>migrate [--list]</c>.</summary>
public static class WorkerCommandLine
{
    public const string Usage = """
        usage: GamePulse.Worker [command] [options]
          run                 run the scheduler (default)
          migrate             apply pending database migrations
          migrate --list      show applied and pending migrations
          pulse recompute [--from yyyy-MM-dd] [--to yyyy-MM-dd]
                              recompute Pulse for stored games (all when no dates are given)
          ingest --league L --date D
                              fetch one scoreboard now (D: yyyy-MM-dd, today, yesterday)
          ingest --league L --file F [--source espn|ncaa]
                              replay a saved payload (source detected when not given)
          backfill --league L --from D --to D
                              ingest a range of dates; resumable, rate-limited
          (L: mens-college-basketball, womens-college-basketball, or mens / womens)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var options = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (command)
        {
            case "run":
                using (var host = WorkerHost.CreateBuilder(options).Build())
                {
                    await host.RunAsync();
                }

                return 0;
            case "migrate":
                return await MigrateCommand.RunAsync(options);
            case "pulse":
                return await PulseCommand.RunAsync(options);
            case "ingest":
                return await IngestCommand.RunAsync(options);
            case "backfill":
                return await BackfillCommand.RunAsync(options);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'.\n{Usage}");
                return 64;
        }
    }
}
