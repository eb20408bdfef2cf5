using System.CommandLine;
using GamePulse.Data.Pulse;
using GamePulse.Worker.Hosting;

namespace GamePulse.Worker.Pulse;

/// <summary>
/// <c>pulse recompute [--from yyyy-MM-dd] [--to yyyy-MM-dd]</c>: recomputes Pulse for stored games. Ingestion keeps
/// Pulse current as games change; this is for games stored before Pulse existed and after a change of the formula.
/// </summary>
public static class PulseCommand
{
    public static Command Create(IReadOnlyList<string> settings)
    {
        var from = CommandOptions.Date("--from", "first game date to rescore");
        var to = CommandOptions.Date("--to", "last game date to rescore");
        var recompute = new Command("recompute", $"Recompute Pulse for stored games, all of them when no dates are given. Exit 0 done, 1 failed. {CommandOptions.SettingsNote}") { from, to };
        recompute.SetAction((result, _) => RecomputeAsync(result.GetValue(from), result.GetValue(to), settings));
        return new Command("pulse", "Pulse, the excitement score of every game") { recompute };
    }

    private static async Task<int> RecomputeAsync(DateOnly? from, DateOnly? to, IReadOnlyList<string> settings)
    {
        if (from > to)
        {
            throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        using var host = WorkerHost.CreateBuilder([.. settings]).Build();
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
}
