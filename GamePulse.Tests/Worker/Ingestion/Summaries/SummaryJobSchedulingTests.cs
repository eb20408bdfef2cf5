using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Ingestion.Summaries;

/// <summary>The real Worker host runs the summary batch on its own trigger beside the scoreboard tick.</summary>
[TestClass]
public sealed class SummaryJobSchedulingTests
{
    [TestMethod]
    public async Task The_worker_runs_summary_batches_on_their_own_trigger_while_the_scoreboard_keeps_ticking()
    {
        await using var database = await TestDatabase.CreateAsync();
        var mens = RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json");
        var summary = RepositoryPaths.Fixture("espn/summary-401851239-live-halftime.json");
        // Scoreboards are answered at once; summaries slowly (2 s), which must not hold up the scoreboard's 1 s tick.
        await using var feed = await FakeFeedServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path.Value!.EndsWith("/summary", StringComparison.Ordinal))
            {
                await Task.Delay(2000);
                await FakeFeedServer.ServeFileAsync(context, summary);
            }
            else if (context.Request.Path.Value!.Contains("/mens-", StringComparison.Ordinal))
            {
                await FakeFeedServer.ServeFileAsync(context, mens);
            }
            else
            {
                await context.Response.WriteAsync("""{"leagues":[{"slug":"womens-college-basketball"}],"events":[]}""");
            }
        });

        using var host = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Ingestion:EspnBaseUrl={feed.BaseUrl}",
            "--Ingestion:TickSeconds=1",
            "--Ingestion:LiveIntervalSeconds=1",
            "--Ingestion:IdleIntervalSeconds=1",
            "--Ingestion:EspnRequestsPerSecond=50",
            "--Summaries:TickSeconds=5",
            "--Logging:MinimumLevel=Warning",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-summary-job-test-{Environment.ProcessId}")}",
        ]).Build();
        await host.StartAsync();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await database.ScalarAsync<long>("SELECT count(*) FROM summary_runs WHERE requested > 0") < 1)
            {
                await Task.Delay(250, deadline.Token);
            }
        }
        finally
        {
            await host.StopAsync();
        }

        var batch = (await database.QueryAsync<(string FireId, int Requested, DateTime Started, DateTime Finished)>(
            "SELECT fire_id, requested, started_at, finished_at FROM summary_runs WHERE requested > 0 ORDER BY id LIMIT 1")).Single();
        StringAssert.StartsWith(batch.FireId, $"{GamePulse.Worker.Ingestion.Summaries.SummaryJob.Name}@", "the batch ran on its own schedule, claimed as its own firing");
        var scoreboardRunsDuringBatch = await database.ScalarAsync<long>(
            "SELECT count(*) FROM ingest_runs WHERE job = 'scoreboard' AND started_at BETWEEN @from AND @to",
            new { from = new DateTimeOffset(batch.Started, TimeSpan.Zero), to = new DateTimeOffset(batch.Finished, TimeSpan.Zero) });
        Assert.IsGreaterThanOrEqualTo(1L, scoreboardRunsDuringBatch, $"the scoreboard kept ticking while the {batch.Requested} slow summary request(s) ran");
    }
}
