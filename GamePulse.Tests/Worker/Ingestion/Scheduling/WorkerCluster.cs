using System.Diagnostics;
using GamePulse.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

/// <summary>
/// What the multi-Worker tests share: a local feed, the arguments of a Worker on a 1 s tick, the Worker as a child
/// process, and the questions asked of the database afterwards.
/// </summary>
public static class WorkerCluster
{
    /// <summary>
    /// With this delay per response a firing (three or four scoreboards) outlasts the 1 s tick, so only the mutex keeps
    /// the next firing from starting on another Worker meanwhile. Without a delay a firing takes a fraction of the tick,
    /// and only the slot claim keeps the other Worker from running the same firing after it.
    /// </summary>
    public static readonly TimeSpan SlowFeed = TimeSpan.FromMilliseconds(400);

    public static Task<FakeFeedServer> FeedAsync(TimeSpan delay)
    {
        var mens = RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json");
        return FakeFeedServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(delay, context.RequestAborted);
            if (context.Request.Path.Value!.Contains("/mens-", StringComparison.Ordinal))
            {
                await FakeFeedServer.ServeFileAsync(context, mens);
            }
            else
            {
                await context.Response.WriteAsync("""{"leagues":[{"slug":"womens-college-basketball"}],"events":[]}""");
            }
        });
    }

    /// <summary>
    /// A Worker on a short tick with 1 s cadences. On a 2 s tick every firing polls today's scoreboards whatever ran
    /// just before (the cadence allows half a tick of slack), so a firing run twice would show as two runs.
    /// </summary>
    public static string[] Args(string connectionString, string feedUrl, string instance, int tickSeconds = 1) =>
    [
        $"--ConnectionStrings:GamePulse={connectionString}",
        $"--Ingestion:EspnBaseUrl={feedUrl}",
        $"--Ingestion:TickSeconds={tickSeconds}",
        "--Ingestion:LiveIntervalSeconds=1",
        "--Ingestion:IdleIntervalSeconds=1",
        "--Ingestion:EspnRequestsPerSecond=50",
        "--Logging:MinimumLevel=Warning",
        $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-cluster-test-{Environment.ProcessId}-{instance}")}",
    ];

    /// <summary>The built Worker (GamePulse.Worker/bin/…, the same configuration as the tests) as a child process running <c>run</c>.</summary>
    public static Process StartProcess(string[] args)
    {
        var output = Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "GamePulse.Tests"), AppContext.BaseDirectory);
        var dll = Path.Combine(RepositoryPaths.Root, "GamePulse.Worker", output, "GamePulse.Worker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[dll, "run", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        // Drain the pipes so the child never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static Task<long> FiringsAsync(TestDatabase database) =>
        database.ScalarAsync<long>("SELECT count(DISTINCT fire_id) FROM ingest_runs WHERE job = 'scoreboard'");

    /// <summary>Slots of the scoreboard job claimed by Workers whose claimed_by matches the LIKE pattern.</summary>
    public static Task<long> ClaimsAsync(TestDatabase database, string pattern) =>
        database.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE job = 'scoreboard' AND claimed_by LIKE @pattern", new { pattern });

    /// <summary>Waits until the condition holds, failing the test with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {seconds} s waiting for {what}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Any (fire id, league, date) that was ingested more than once: a firing two Workers both ran.</summary>
    public static Task<IReadOnlyList<(string FireId, short League, string Date, long Runs)>> DuplicatesAsync(TestDatabase database) =>
        database.QueryAsync<(string FireId, short League, string Date, long Runs)>("""
            SELECT fire_id, league_id, game_date::text, count(*) FROM ingest_runs WHERE job = 'scoreboard'
            GROUP BY fire_id, league_id, game_date HAVING count(*) > 1
            """);

    /// <summary>Pairs of firings whose runs overlapped in time (a firing spans its first run's start to its last run's end).</summary>
    public static Task<IReadOnlyList<(string First, string Second)>> OverlapsAsync(TestDatabase database) =>
        database.QueryAsync<(string First, string Second)>("""
            WITH firing AS (
                SELECT fire_id, min(started_at) AS started, max(finished_at) AS finished FROM ingest_runs WHERE job = 'scoreboard' GROUP BY fire_id)
            SELECT a.fire_id, b.fire_id FROM firing a JOIN firing b ON a.fire_id < b.fire_id AND a.started < b.finished AND b.started < a.finished
            """);
}
