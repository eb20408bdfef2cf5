using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using GamePulse.Worker.Ingestion.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

/// <summary>
/// Real Workers share one database and one feed: each firing runs on exactly one Worker (the slot claim, tested with
/// firings much shorter than the tick), no firing overlaps another across Workers (the advisory-lock mutex, tested with
/// firings longer than the tick), and the Worker left running carries on alone.
/// </summary>
[TestClass]
public sealed class ClusteredSchedulerTests
{
    [TestMethod]
    public async Task Two_worker_hosts_run_each_firing_of_the_scoreboard_job_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var feed = await WorkerCluster.FeedAsync(TimeSpan.Zero);
        using var first = WorkerHost.CreateBuilder(WorkerCluster.Args(database.ConnectionString, feed.BaseUrl, "1", tickSeconds: 2)).Build();
        using var second = WorkerHost.CreateBuilder(WorkerCluster.Args(database.ConnectionString, feed.BaseUrl, "2", tickSeconds: 2)).Build();
        var firstClaims = first.Services.GetRequiredService<ScheduleSlots>().Instance;
        var secondClaims = second.Services.GetRequiredService<ScheduleSlots>().Instance;

        await first.StartAsync();
        var firstRunning = true;
        try
        {
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.ClaimsAsync(database, firstClaims) >= 2, "the first Worker's firings");
            await second.StartAsync();
            var before = await WorkerCluster.FiringsAsync(database);
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.FiringsAsync(database) >= before + 3, "firings with both Workers running");
            await first.StopAsync();
            firstRunning = false;
            var claimedAlone = await WorkerCluster.ClaimsAsync(database, secondClaims);
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.ClaimsAsync(database, secondClaims) >= claimedAlone + 2, "the second Worker carrying on alone");
        }
        finally
        {
            await Task.WhenAll(firstRunning ? first.StopAsync() : Task.CompletedTask, second.StopAsync());
        }

        var duplicates = await WorkerCluster.DuplicatesAsync(database);
        Assert.IsEmpty(duplicates, "a firing ran on both Workers: " + string.Join(", ", duplicates));
        var overlaps = await WorkerCluster.OverlapsAsync(database);
        Assert.IsEmpty(overlaps, "two firings ran at once: " + string.Join(", ", overlaps));
        Assert.IsGreaterThanOrEqualTo(10L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "the firings really ingested");
    }

    [TestMethod]
    public async Task A_worker_process_and_a_worker_host_never_run_firings_at_once_and_the_host_takes_over_when_the_process_dies()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var feed = await WorkerCluster.FeedAsync(WorkerCluster.SlowFeed);
        using var process = WorkerCluster.StartProcess(WorkerCluster.Args(database.ConnectionString, feed.BaseUrl, "process"));
        using var host = WorkerHost.CreateBuilder(WorkerCluster.Args(database.ConnectionString, feed.BaseUrl, "host")).Build();
        var processClaims = $"%/{process.Id}/%";
        var hostClaims = host.Services.GetRequiredService<ScheduleSlots>().Instance;
        try
        {
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.ClaimsAsync(database, processClaims) >= 2, "the Worker process's firings", seconds: 60);
            await host.StartAsync();
            var before = await WorkerCluster.FiringsAsync(database);
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.FiringsAsync(database) >= before + 4, "firings with both Workers running");

            // Killed outright, perhaps holding the lock mid-firing: PostgreSQL ends its session and releases the lock.
            process.Kill();
            await process.WaitForExitAsync();
            var claimedBeforeDeath = await WorkerCluster.ClaimsAsync(database, hostClaims);
            await WorkerCluster.UntilAsync(async () => await WorkerCluster.ClaimsAsync(database, hostClaims) >= claimedBeforeDeath + 2, "the host carrying on alone");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await host.StopAsync();
        }

        var duplicates = await WorkerCluster.DuplicatesAsync(database);
        Assert.IsEmpty(duplicates, "a firing ran in both Workers: " + string.Join(", ", duplicates));
        var overlaps = await WorkerCluster.OverlapsAsync(database);
        Assert.IsEmpty(overlaps, "two firings ran at once: " + string.Join(", ", overlaps));
    }
}
