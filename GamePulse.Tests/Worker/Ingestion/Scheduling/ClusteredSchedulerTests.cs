using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

/// <summary>Two real Worker hosts (Quartz clustered on the PostgreSQL job store) share one database and one feed.</summary>
[TestClass]
public sealed class ClusteredSchedulerTests
{
    [TestMethod]
    public async Task Two_worker_hosts_execute_each_firing_of_the_scoreboard_job_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var mens = RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json");
        await using var feed = await FakeFeedServer.StartAsync((context, _) => context.Request.Path.Value!.Contains("/mens-", StringComparison.Ordinal)
            ? FakeFeedServer.ServeFileAsync(context, mens)
            : context.Response.WriteAsync("""{"leagues":[{"slug":"womens-college-basketball"}],"events":[]}"""));

        // A 1 s tick with every cadence at 1 s makes every firing poll today's scoreboards, so every firing leaves rows.
        string[] Args(int instance) =>
        [
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Ingestion:EspnBaseUrl={feed.BaseUrl}",
            "--Ingestion:TickSeconds=1",
            "--Ingestion:LiveIntervalSeconds=1",
            "--Ingestion:IdleIntervalSeconds=1",
            "--Ingestion:EspnRequestsPerSecond=50",
            "--Logging:MinimumLevel=Warning",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-cluster-test-{Environment.ProcessId}-{instance}")}",
        ];

        using var first = WorkerHost.CreateBuilder(Args(1)).Build();
        using var second = WorkerHost.CreateBuilder(Args(2)).Build();
        // One after the other: the first start provisions the qrtz_ tables (as `make run` does before any second Worker).
        await first.StartAsync();
        await second.StartAsync();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            while (await database.ScalarAsync<long>("SELECT count(DISTINCT fire_id) FROM ingest_runs WHERE job = 'scoreboard'") < 6)
            {
                await Task.Delay(250, deadline.Token);
            }

            Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'gamepulse'"), "both hosts joined the cluster");
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }

        var duplicates = await database.QueryAsync<(string FireId, short League, DateTime Date, long Runs)>("""
            SELECT fire_id, league_id, game_date, count(*) FROM ingest_runs WHERE job = 'scoreboard'
            GROUP BY fire_id, league_id, game_date HAVING count(*) > 1
            """);
        Assert.IsEmpty(duplicates, "a firing executed twice: " + string.Join(", ", duplicates));
        Assert.IsGreaterThanOrEqualTo(10L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "the firings really ingested");
    }
}
