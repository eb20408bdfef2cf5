using System.Globalization;
using GamePulse.Data.Pulse;
using GamePulse.Worker.Hosting;

namespace GamePulse.Worker.Pulse;

/// <summary>
/// <c>pulse recompute [--from yyyy-MM-dd] [--to yyyy-MM-dd]</c>: recomputes Pulse for stored games. Ingestion keeps
/// Pulse current as games change; this is for games stored before Pulse existed and after a change of the formula.
/// </summary>
public static class PulseCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "recompute")
        {
            return await UsageErrorAsync($"pulse: expected 'recompute', got '{(args.Length == 0 ? "" : args[0])}'");
        }

        DateOnly? from = null, to = null;
        var overrides = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" or "--to":
                    if (i + 1 >= args.Length || !DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return await UsageErrorAsync($"pulse: {args[i]} needs a date as yyyy-MM-dd, got '{(i + 1 < args.Length ? args[i + 1] : "")}'");
                    }

                    if (args[i] == "--from")
                    {
                        from = date;
                    }
                    else
                    {
                        to = date;
                    }

                    i++;
                    break;
                case var option when option.Contains('=', StringComparison.Ordinal):
                    overrides.Add(option); // a configuration override such as --ConnectionStrings:GamePulse=...
                    break;
                default:
                    return await UsageErrorAsync($"pulse: unknown option {args[i]}");
            }
        }

        if (from > to)
        {
            return await UsageErrorAsync($"pulse: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        using var host = WorkerHost.CreateBuilder([.. overrides]).Build();
        var pulse = host.Services.GetRequiredService<PulseRepository>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        try
        {
            var result = await pulse.RecomputeRangeAsync(from, to, clock.GetUtcNow());
            Console.WriteLine($"Recomputed Pulse for {result.Computed} game(s): {result.Updated} changed, {result.HistoryRows} history row(s) added.");
            return 0;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"pulse: cannot reach the database: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> UsageErrorAsync(string message)
    {
        await Console.Error.WriteLineAsync($"{message}\n{WorkerCommandLine.Usage}");
        return 64;
    }
}
