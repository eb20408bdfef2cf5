using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using Microsoft.AspNetCore.Http;

namespace GamePulse.Tests.Worker.Ingestion.Backfill;

[TestClass]
public sealed class BackfillRunnerTests
{
    private static readonly DateOnly From = new(2025, 2, 3);
    private static readonly DateOnly To = new(2025, 2, 6);

    [TestMethod]
    public async Task A_backfill_resumes_after_a_failed_date_and_skips_the_dates_already_done()
    {
        await using var database = await TestDatabase.CreateAsync();
        var harness = IngestHarness.Create(database);
        var failOn = "dates=20250205";
        await using var server = await FakeFeedServer.StartAsync((context, _) =>
        {
            if (context.Request.QueryString.Value!.Contains(failOn, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            return FakeFeedServer.ServeFileAsync(context, RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"));
        });
        var options = IngestHarness.FastOptions(server.BaseUrl);
        options.BackfillDelayMilliseconds = 0;
        using var source = IngestHarness.Espn(options);
        var runner = new BackfillRunner(source, harness.Ingester, harness.Runs, database.Games, options, TimeProvider.System);
        var steps = new List<BackfillStep>();

        var first = await runner.RunAsync(Leagues.Mens, From, To, steps.Add, CancellationToken.None);
        failOn = "never";
        var second = await runner.RunAsync(Leagues.Mens, From, To, steps.Add, CancellationToken.None);

        Assert.AreEqual(4, first.Total, "first.Total");
        Assert.AreEqual(0, first.AlreadyDone, "first.AlreadyDone");
        Assert.AreEqual(3, first.Succeeded, "first.Succeeded");
        Assert.AreEqual(1, first.Failed, "first.Failed");
        Assert.AreEqual(4, second.Total, "second.Total");
        Assert.AreEqual(3, second.AlreadyDone, "second.AlreadyDone");
        Assert.AreEqual(1, second.Succeeded, "second.Succeeded");
        Assert.AreEqual(0, second.Failed, "second.Failed");
        Assert.HasCount(5, server.Requests, "the resumed run fetched only the date that had failed");
        Assert.AreEqual(5L, await database.ScalarAsync<long>("SELECT count(*) FROM ingest_runs WHERE job = 'backfill'"));
        int[] expected = [1, 2, 3, 4, 1, 2, 3, 4];
        CollectionAssert.AreEqual(expected, steps.Select(s => s.Done).ToArray());
    }

    [TestMethod]
    public async Task A_backfill_that_wrote_games_refreshes_the_planner_statistics_and_one_that_wrote_none_does_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        var harness = IngestHarness.Create(database);
        await using var server = await FakeFeedServer.StartAsync((context, _) =>
            FakeFeedServer.ServeFileAsync(context, RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json")));
        var options = IngestHarness.FastOptions(server.BaseUrl);
        options.BackfillDelayMilliseconds = 0;
        using var source = IngestHarness.Espn(options);
        var runner = new BackfillRunner(source, harness.Ingester, harness.Runs, database.Games, options, TimeProvider.System);
        // analyze_count counts manual ANALYZE only (autovacuum has its own counter), so these counts are the runner's.
        const string Analyzes = "SELECT coalesce(sum(analyze_count), 0) FROM pg_stat_user_tables WHERE relname IN ('games', 'game_snapshots', 'pulse_history')";
        const string Estimated = "SELECT count(*) FROM pg_class WHERE relname IN ('games', 'game_snapshots', 'pulse_history') AND reltuples > 0";

        var first = await runner.RunAsync(Leagues.Mens, From, From, _ => { }, CancellationToken.None);

        Assert.IsGreaterThan(0, first.GamesWritten);
        Assert.AreEqual(3L, await database.ScalarAsync<long>(Analyzes), "each of the three tables was analyzed once");
        Assert.AreEqual(3L, await database.ScalarAsync<long>(Estimated), "the planner's row estimates now count the loaded rows");
        Assert.IsGreaterThan(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_stats WHERE tablename = 'games' AND attname = 'espn_id'"));

        await database.ExecuteAsync("DELETE FROM ingest_runs");
        var again = await runner.RunAsync(Leagues.Mens, From, From, _ => { }, CancellationToken.None);

        Assert.AreEqual(0, again.GamesWritten);
        Assert.AreEqual(3L, await database.ScalarAsync<long>(Analyzes), "a re-run that wrote nothing leaves statistics to autovacuum");
    }
}
