using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Summaries;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.Worker.Ingestion.Summaries;

/// <summary>
/// The summary batch against a real HTTP upstream on loopback serving the recorded summaries by event id, over the
/// 2026-03-04 scoreboard: one game at halftime (401851239), one final (401851238), 38 scheduled.
/// </summary>
[TestClass]
public sealed class SummaryBatchTests
{
    private const string Live = "401851239";
    private const string Final = "401851238";
    private static readonly DateTimeOffset Halftime = new(2026, 3, 4, 20, 20, 0, TimeSpan.Zero);
    private static TestDatabase database = null!;
    private static FakeFeedServer feed = null!;
    private static int failing;
    private SummaryHarness harness = null!;
    private TestClock clock = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        feed = await FakeFeedServer.StartAsync(async (http, _) =>
        {
            var fixture = http.Request.Query["event"].ToString() switch
            {
                Live => "espn/summary-401851239-live-halftime.json",
                Final => "espn/summary-401851238-conf-tourney-final.json",
                _ => null,
            };
            if (Volatile.Read(ref failing) == 1 || fixture is null)
            {
                http.Response.StatusCode = Volatile.Read(ref failing) == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
                return;
            }

            await FakeFeedServer.ServeFileAsync(http, RepositoryPaths.Fixture(fixture));
        });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await feed.DisposeAsync();
        await database.DisposeAsync();
    }

    [TestInitialize]
    public async Task Reset()
    {
        await database.ExecuteAsync("TRUNCATE games, ingest_runs, summary_runs CASCADE; DELETE FROM teams WHERE origin = 'feed'");
        Volatile.Write(ref failing, 0);
        harness = new SummaryHarness(database);
        clock = new TestClock(Halftime);
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-04-groups50-live.json");
        while (feed.Requests.TryDequeue(out _))
        {
        }
    }

    private SummaryBatch Batch(SummaryOptions? options = null)
    {
        var summaries = options ?? new SummaryOptions();
        var ingestion = IngestHarness.FastOptions(feed.BaseUrl);
        return new SummaryBatch(new SummaryFetchRepository(database.Databases), database.Leagues,
            new EspnSummarySource(Options.Create(ingestion), Options.Create(summaries), clock), harness.Ingester,
            new FailureStreaks(), Options.Create(summaries), clock, new RecordingLogger<SummaryBatch>());
    }

    private static string[] RequestedEvents() => [.. feed.Requests.Select(r => r.PathAndQuery[(r.PathAndQuery.IndexOf("event=", StringComparison.Ordinal) + 6)..])];

    private static void ForgetRequests()
    {
        while (feed.Requests.TryDequeue(out _))
        {
        }
    }

    [TestMethod]
    public async Task The_first_batch_fetches_the_live_game_first_then_the_final_and_records_one_summary_run()
    {
        var run = await Batch().RunAsync("test@1", CancellationToken.None);

        CollectionAssert.AreEqual(new[] { Live, Final }, RequestedEvents(), "live first, then the final; scheduled games are not fetched");
        StringAssert.StartsWith(feed.Requests.First().PathAndQuery, "/apis/site/v2/sports/basketball/mens-college-basketball/summary?event=", "the summary endpoint");
        Assert.AreEqual(2, run.Due, "due, requested, changed, failed, deferred, outcome: run.Due");
        Assert.AreEqual(2, run.Requested, "due, requested, changed, failed, deferred, outcome: run.Requested");
        Assert.AreEqual(2, run.Changed, "due, requested, changed, failed, deferred, outcome: run.Changed");
        Assert.AreEqual(0, run.Failed, "due, requested, changed, failed, deferred, outcome: run.Failed");
        Assert.AreEqual(0, run.Deferred, "due, requested, changed, failed, deferred, outcome: run.Deferred");
        Assert.AreEqual(IngestOutcome.Succeeded, run.Outcome, "due, requested, changed, failed, deferred, outcome: run.Outcome");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM summary_runs WHERE fire_id = 'test@1'"), "one summary_runs row per batch");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM ingest_runs WHERE job <> 'file'"), "summary batches are not scoreboard runs");
        Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM game_details"), "both games have detail");
    }

    [TestMethod]
    public async Task A_live_game_is_refetched_when_its_row_changed_or_after_a_minute_and_a_final_once_more_after_an_hour()
    {
        await Batch().RunAsync(null, CancellationToken.None);
        ForgetRequests();

        clock.Now = Halftime.AddSeconds(10);
        var soon = await Batch().RunAsync(null, CancellationToken.None);
        Assert.AreEqual(0, soon.Requested, "10 s later nothing is due");

        await database.ExecuteAsync("UPDATE games SET updated_at = now() + interval '1 second' WHERE espn_id = @Live", new { Live });
        clock.Now = Halftime.AddSeconds(20);
        var changed = await Batch().RunAsync(null, CancellationToken.None);
        CollectionAssert.AreEqual(new[] { Live }, RequestedEvents(), "the live game's scoreboard row changed");
        Assert.AreEqual(0, changed.Changed, "the same summary again writes nothing: changed.Changed");
        Assert.AreEqual(1, changed.Unchanged, "the same summary again writes nothing: changed.Unchanged");
        Assert.AreEqual(0, changed.RowsWritten, "the same summary again writes nothing: changed.RowsWritten");
        ForgetRequests();

        clock.Now = Halftime.AddSeconds(81);
        await Batch().RunAsync(null, CancellationToken.None);
        CollectionAssert.AreEqual(new[] { Live }, RequestedEvents(), "a minute after its last fetch the live game is due again");
        ForgetRequests();

        clock.Now = Halftime.AddMinutes(61);
        await Batch().RunAsync(null, CancellationToken.None);
        CollectionAssert.AreEqual(new[] { Live, Final }, RequestedEvents(), "the final's second fetch, an hour after its first");
        ForgetRequests();

        clock.Now = Halftime.AddMinutes(180);
        await Batch().RunAsync(null, CancellationToken.None);
        CollectionAssert.AreEqual(new[] { Live }, RequestedEvents(), "a final is fetched twice, never a third time");
    }

    [TestMethod]
    public async Task The_batch_limit_defers_the_rest_in_the_configured_priority()
    {
        var run = await Batch(new SummaryOptions { MaxPerBatch = 1, Priority = "final,live" }).RunAsync(null, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { Final }, RequestedEvents(), "finals first when configured so");
        Assert.AreEqual(2, run.Due, "due, requested, deferred: run.Due");
        Assert.AreEqual(1, run.Requested, "due, requested, deferred: run.Requested");
        Assert.AreEqual(1, run.Deferred, "due, requested, deferred: run.Deferred");
        ForgetRequests();

        await Batch(new SummaryOptions { MaxPerBatch = 1, Priority = "final,live" }).RunAsync(null, CancellationToken.None);
        CollectionAssert.AreEqual(new[] { Live }, RequestedEvents(), "the deferred game goes in the next batch");
    }

    [TestMethod]
    public async Task Pre_game_summaries_are_fetched_only_when_enabled_and_once_a_day()
    {
        await Batch().RunAsync(null, CancellationToken.None);
        Assert.HasCount(2, RequestedEvents(), "no pre-game fetch by default");
        ForgetRequests();

        var first = await Batch(new SummaryOptions { PreGame = true, MaxPerBatch = 100 }).RunAsync(null, CancellationToken.None);
        Assert.AreEqual(38, first.Requested, "each of today's 38 scheduled games once");
        Assert.AreEqual(38, first.Failed, "the upstream has no pre-game summary for them (404)");
        ForgetRequests();

        var again = await Batch(new SummaryOptions { PreGame = true, MaxPerBatch = 100 }).RunAsync(null, CancellationToken.None);
        Assert.AreEqual(0, again.Requested, "a pre-game summary is tried once a day, even when it failed");
    }

    [TestMethod]
    public async Task A_failing_upstream_is_a_failed_batch_that_is_retried_and_stores_nothing()
    {
        Volatile.Write(ref failing, 1);

        var run = await Batch().RunAsync(null, CancellationToken.None);

        Assert.AreEqual(2, run.Requested, "requested, failed, outcome: run.Requested");
        Assert.AreEqual(2, run.Failed, "requested, failed, outcome: run.Failed");
        Assert.AreEqual(IngestOutcome.Failed, run.Outcome, "requested, failed, outcome: run.Outcome");
        StringAssert.Contains(run.Error, "503", "the error names the upstream's answer");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM game_details"), "nothing stored");
        Volatile.Write(ref failing, 0);
        ForgetRequests();

        clock.Now = Halftime.AddSeconds(61);
        var retried = await Batch().RunAsync(null, CancellationToken.None);
        Assert.AreEqual(2, retried.Requested, "requested and changed once the upstream answers: retried.Requested");
        Assert.AreEqual(2, retried.Changed, "requested and changed once the upstream answers: retried.Changed");
    }
}
