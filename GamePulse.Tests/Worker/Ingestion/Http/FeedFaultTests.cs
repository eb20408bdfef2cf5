using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GamePulse.Tests.Worker.Ingestion.Http;

/// <summary>The real pipeline against a local HTTP upstream that misbehaves the way real feeds do.</summary>
[TestClass]
public sealed class FeedFaultTests
{
    private const string Payload = "espn/scoreboard-2025-02-04-mixed.json";
    private static readonly DateOnly Day = new(2025, 2, 4);
    private static TestDatabase database = null!;
    private IngestHarness harness = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public async Task Reset()
    {
        await database.ExecuteAsync("TRUNCATE games, ingest_runs CASCADE");
        harness = IngestHarness.Create(database);
    }

    private async Task<IngestRun> IngestAsync(FakeFeedServer server, Action<IngestionOptions>? configure = null)
    {
        var options = IngestHarness.FastOptions(server.BaseUrl);
        configure?.Invoke(options);
        using var source = IngestHarness.Espn(options);
        return await harness.Ingester.FetchAndIngestAsync(source, new IngestTarget("manual", Leagues.Mens, Day, ScoreSource.Espn), CancellationToken.None);
    }

    [TestMethod]
    public async Task The_request_asks_ESPN_for_every_division_I_game_of_the_date()
    {
        await using var server = await FakeFeedServer.ServingAsync(RepositoryPaths.Fixture(Payload));

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "report.Outcome");
        Assert.AreEqual((short?)200, report.HttpStatus, "report.HttpStatus");
        Assert.AreEqual(10, report.GamesInserted, "report.GamesInserted");
        Assert.AreEqual("/apis/site/v2/sports/basketball/mens-college-basketball/scoreboard?dates=20250204&groups=50&limit=500", server.Requests.Single().PathAndQuery);
    }

    [TestMethod]
    public async Task A_500_is_retried_and_the_next_success_is_ingested()
    {
        await using var server = await FakeFeedServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return FakeFeedServer.ServeFileAsync(context, RepositoryPaths.Fixture(Payload));
        });

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "report.Outcome");
        Assert.AreEqual((short?)200, report.HttpStatus, "report.HttpStatus");
        Assert.AreEqual(10, report.GamesInserted, "report.GamesInserted");
        Assert.HasCount(2, server.Requests);
    }

    [TestMethod]
    public async Task A_429_waits_for_its_Retry_After_before_trying_again()
    {
        await using var server = await FakeFeedServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return FakeFeedServer.ServeFileAsync(context, RepositoryPaths.Fixture(Payload));
        });

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome);
        var times = server.Requests.Select(r => r.At).ToList();
        Assert.HasCount(2, times);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), times[1] - times[0], "Retry-After: 1 was honoured instead of the 20 ms backoff");
    }

    [TestMethod]
    public async Task A_404_is_not_retried_and_is_a_failed_run_with_its_status()
    {
        await using var server = await FakeFeedServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome, "report.Outcome");
        Assert.AreEqual((short?)404, report.HttpStatus, "report.HttpStatus");
        StringAssert.Contains(report.Error, "404");
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual((short)404, (await database.RecentRunsAsync(1)).Single().HttpStatus);
    }

    [TestMethod]
    public async Task A_feed_that_never_answers_times_out_each_attempt_then_fails_the_run()
    {
        await using var server = await FakeFeedServer.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        var report = await IngestAsync(server, o => (o.RequestTimeoutSeconds, o.MaxRetries) = (1, 1));

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome);
        StringAssert.Contains(report.Error, "timeout");
        Assert.HasCount(2, server.Requests, "the first attempt and one retry");
    }

    [TestMethod]
    public async Task A_truncated_body_is_a_failed_run_that_keeps_the_stored_games()
    {
        var full = await File.ReadAllBytesAsync(RepositoryPaths.Fixture(Payload));
        await using var server = await FakeFeedServer.StartAsync((context, n) => n == 1
            ? FakeFeedServer.ServeFileAsync(context, RepositoryPaths.Fixture(Payload))
            : context.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 3)).AsTask());
        await IngestAsync(server);
        var before = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM games");

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome, "report.Outcome");
        Assert.AreEqual((short?)200, report.HttpStatus, "report.HttpStatus");
        StringAssert.Contains(report.Error, "not valid JSON");
        Assert.AreEqual(before, await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM games"));
    }

    [TestMethod]
    public async Task Schema_drift_that_breaks_every_game_is_a_failed_run_that_writes_nothing()
    {
        var drifted = (await File.ReadAllTextAsync(RepositoryPaths.Fixture(Payload)))
            .Replace("\"homeAway\": \"home\"", "\"side\": \"home\"", StringComparison.Ordinal);
        await using var server = await FakeFeedServer.StartAsync((context, _) => context.Response.WriteAsync(drifted));

        var report = await IngestAsync(server);

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome, "no game has a home team any more: nothing is written");
        StringAssert.Contains(report.Error, "No game could be read");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games"));
    }

    [TestMethod]
    public async Task The_NCAA_source_sends_its_key_and_uses_the_casablanca_path()
    {
        await using var server = await FakeFeedServer.ServingAsync(RepositoryPaths.Fixture("ncaa/scoreboard-women-2025-04-06-final.json"));
        var options = IngestHarness.FastOptions(server.BaseUrl);
        options.NcaaApiKey = "secret-key";
        using var source = IngestHarness.Ncaa(options);

        var report = await harness.Ingester.FetchAndIngestAsync(source, new IngestTarget("manual", Leagues.Womens, new DateOnly(2025, 4, 6), ScoreSource.Ncaa), CancellationToken.None);

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "report.Outcome");
        Assert.AreEqual(1, report.GamesInserted, "report.GamesInserted");
        var request = server.Requests.Single();
        Assert.AreEqual("/scoreboard/basketball-women/d1/2025/04/06/all-conf", request.PathAndQuery, "request.PathAndQuery");
        Assert.AreEqual("secret-key", request.NcaaKey, "request.NcaaKey");
    }

    [TestMethod]
    public async Task The_NCAA_source_never_exceeds_its_rate_limit()
    {
        await using var server = await FakeFeedServer.ServingAsync(RepositoryPaths.Fixture("ncaa/scoreboard-women-2025-04-06-final.json"));
        using var source = IngestHarness.Ncaa(IngestHarness.FastOptions(server.BaseUrl));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => source.FetchAsync(Leagues.Womens, new DateOnly(2025, 4, 6), CancellationToken.None)));

        var times = server.Requests.Select(r => r.At).Order().ToList();
        Assert.HasCount(6, times);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), times[5] - times[0], "6 requests at 5 per second span at least a second");
    }

    [TestMethod]
    public async Task A_database_outage_fails_runs_cleanly_with_one_warning_per_streak_and_recovers_by_itself()
    {
        await using var server = await FakeFeedServer.ServingAsync(RepositoryPaths.Fixture(Payload));
        var options = IngestHarness.FastOptions(server.BaseUrl);
        using var source = IngestHarness.Espn(options);
        var log = new RecordingLogger<ScoreboardIngester>();
        await using var down = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=gamepulse;Database=nowhere;Timeout=2");
        var nowhere = new GamePulse.Data.GamePulseDbFactory(down);
        var streaks = new FailureStreaks();
        var broken = new ScoreboardIngester(nowhere, new TeamRepository(nowhere), new GamePulse.Data.Games.GameRepository(nowhere), new GamePulse.Data.Pulse.PulseRepository(nowhere), new IngestRunRepository(nowhere), streaks, TimeProvider.System, log);
        var target = new IngestTarget("scoreboard", Leagues.Mens, Day, ScoreSource.Espn);

        var reports = new List<IngestRun>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await broken.FetchAndIngestAsync(source, target, CancellationToken.None));
        }

        var healthy = new ScoreboardIngester(database.Databases, database.Teams, database.Games, database.Pulse, harness.Runs, streaks, TimeProvider.System, log);
        var recovered = await healthy.FetchAndIngestAsync(source, target, CancellationToken.None);

        Assert.IsTrue(reports.All(r => r.Failed && r.Error!.StartsWith("Database unavailable", StringComparison.Ordinal)));
        Assert.HasCount(1, log.Events.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ToList(), "one warning for the whole streak");
        Assert.IsTrue(log.Events.All(e => e.Exception is null), "no stack traces");
        Assert.AreEqual(IngestOutcome.Succeeded, recovered.Outcome);
        Assert.HasCount(1, log.WithTemplateStarting("Ingest from {Source} for {League} recovered"));
    }
}
