using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using Microsoft.AspNetCore.Http;
using static GamePulse.Tests.Worker.Ingestion.Espn.TournamentPayloads;

namespace GamePulse.Tests.Worker.Ingestion.Espn;

/// <summary>
/// ESPN's two groups in one scoreboard run, over real HTTP: groups=50 answers with the recorded 2026-03-03 slate and
/// groups=100 with a tournament scoreboard built from real shapes (<see cref="TournamentPayloads"/>: no recorded NCAA
/// Tournament scoreboard exists).
/// </summary>
[TestClass]
public sealed class TournamentGroupsTests
{
    private static readonly DateOnly FirstRound = new(2026, 3, 19);
    private static readonly DateOnly February = new(2026, 2, 10);
    private static TestDatabase database = null!;
    private IngestHarness harness = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public async Task Reset()
    {
        await database.ExecuteAsync("TRUNCATE games, ingest_runs CASCADE; DELETE FROM teams WHERE origin = 'feed'");
        harness = IngestHarness.Create(database);
    }

    /// <summary>Four first-round games of real seeded teams, and one event the groups=50 slate lists too.</summary>
    private static byte[] TournamentDay()
    {
        var teams = SeedTeams(8);
        var start = new DateTimeOffset(2026, 3, 19, 16, 15, 0, TimeSpan.Zero);
        var slots = Enumerable.Range(0, 4).Select(i => new Slot(
            $"40185{i:D4}", start.AddHours(i), "Men's Basketball Championship - South Region - 1st Round",
            teams[2 * i] with { Seed = (short)(i + 1) }, teams[(2 * i) + 1] with { Seed = (short)(16 - i) }));
        var body = System.Text.Json.Nodes.JsonNode.Parse(Scoreboard(slots))!;
        body["events"]!.AsArray().Add(RegularEvent(RegularEventIds[0]));
        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static Task<FakeFeedServer> ServeAsync(Func<HttpContext, bool, Task> handler) =>
        FakeFeedServer.StartAsync((context, _) => handler(context, context.Request.QueryString.Value!.Contains("groups=100", StringComparison.Ordinal)));

    private static async Task Json(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body);
    }

    private static Task Fail(HttpContext context)
    {
        context.Response.StatusCode = 503;
        return Task.CompletedTask;
    }

    private async Task<IngestRun> IngestAsync(FakeFeedServer server, DateOnly date, Action<IngestionOptions>? configure = null)
    {
        var options = IngestHarness.FastOptions(server.BaseUrl);
        options.MaxRetries = 1;
        configure?.Invoke(options);
        using var source = IngestHarness.Espn(options);
        return await harness.Ingester.FetchAndIngestAsync(source, new IngestTarget("manual", Leagues.Mens, date, ScoreSource.Espn), CancellationToken.None);
    }

    [TestMethod]
    public async Task A_tournament_date_asks_for_both_groups_and_stores_every_game_once()
    {
        var tournament = TournamentDay();
        await using var server = await ServeAsync((context, isTournament) => Json(context, isTournament ? tournament : RegularSlateBytes()));

        var report = await IngestAsync(server, FirstRound);

        string[] expectedRequests =

        [
                "/apis/site/v2/sports/basketball/mens-college-basketball/scoreboard?dates=20260319&groups=50&limit=500",
                "/apis/site/v2/sports/basketball/mens-college-basketball/scoreboard?dates=20260319&groups=100&limit=500",

        ];

        CollectionAssert.AreEquivalent(

            expectedRequests,
            server.Requests.Select(r => r.PathAndQuery).ToArray(),
            "one request per group");
        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "outcome");
        Assert.AreEqual(57, report.GamesSeen, "53 regular games and 4 tournament games; the one listed by both is seen once");
        Assert.AreEqual(57, report.GamesInserted, "inserted");
        Assert.AreEqual(57L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "games stored");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE espn_id = @id", new { id = RegularEventIds[0] }), "the event both groups list is one game");
        Assert.AreEqual(4L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE season_type = 'postseason'"), "tournament games");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM ingest_runs"), "one run for the two requests");
    }

    [TestMethod]
    public async Task A_failing_tournament_group_keeps_the_regular_games_and_records_a_partial_run()
    {
        await using var server = await ServeAsync((context, isTournament) => isTournament ? Fail(context) : Json(context, RegularSlateBytes()));

        var report = await IngestAsync(server, FirstRound);

        Assert.AreEqual(IngestOutcome.Partial, report.Outcome, "outcome");
        Assert.AreEqual(53, report.GamesInserted, "the regular slate is written");
        StringAssert.Contains(report.Error, "groups=100 request failed", "the run says which request failed");
        var run = (await database.RecentRunsAsync(1)).Single();
        Assert.AreEqual(IngestOutcome.Partial, run.Outcome, "the recorded run: partial, with the answer that came: run.Outcome");
        Assert.AreEqual((short?)200, run.HttpStatus, "the recorded run: partial, with the answer that came: run.HttpStatus");
    }

    [TestMethod]
    public async Task A_failing_regular_group_keeps_the_tournament_games_and_records_a_partial_run()
    {
        var tournament = TournamentDay();
        await using var server = await ServeAsync((context, isTournament) => isTournament ? Json(context, tournament) : Fail(context));

        var report = await IngestAsync(server, FirstRound);

        Assert.AreEqual(IngestOutcome.Partial, report.Outcome, "outcome");
        Assert.AreEqual(5, report.GamesInserted, "the tournament scoreboard is written (4 tournament games and the one regular event it lists)");
        StringAssert.Contains(report.Error, "groups=50 request failed", "the run says which request failed");
    }

    [TestMethod]
    public async Task Both_groups_failing_fails_the_run_and_writes_nothing()
    {
        await using var server = await ServeAsync((context, _) => Fail(context));

        var report = await IngestAsync(server, FirstRound);

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome, "outcome");
        StringAssert.Contains(report.Error, "groups=100 failed too", "error names both");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "games stored");
    }

    [TestMethod]
    public async Task A_date_outside_the_window_asks_for_groups_100_only_when_groups_50_says_postseason()
    {
        var tournament = TournamentDay();
        var seasonType = 2;
        await using var server = await ServeAsync((context, isTournament) => Json(context, isTournament ? tournament : RegularSlateWithSeasonType(seasonType)));

        var regular = await IngestAsync(server, February);
        Assert.AreEqual(1, server.Requests.Count, "a regular-season date outside the window: groups=50 only");
        Assert.AreEqual(53, regular.GamesSeen, "seen");

        seasonType = 3;
        var postseason = await IngestAsync(server, February);

        Assert.AreEqual(3, server.Requests.Count, "a postseason answer outside the window brings the groups=100 request");
        Assert.EndsWith("groups=100&limit=500", server.Requests.Last().PathAndQuery, "the last request");
        Assert.AreEqual(4, postseason.GamesInserted, "the tournament games were added");
    }

    [TestMethod]
    public async Task The_window_is_configurable_and_the_second_group_can_be_turned_off()
    {
        var tournament = TournamentDay();
        await using var server = await ServeAsync((context, isTournament) => Json(context, isTournament ? tournament : RegularSlateBytes()));

        await IngestAsync(server, FirstRound, o => o.TournamentGroupsEnabled = false);
        Assert.AreEqual(1, server.Requests.Count, "turned off: one request");

        await IngestAsync(server, February, o => (o.TournamentWindowStart, o.TournamentWindowEnd) = ("02-01", "02-28"));
        Assert.AreEqual(3, server.Requests.Count, "a window moved to February asks for both groups on a February date");
    }

    [TestMethod]
    public async Task A_backfill_of_tournament_dates_asks_for_both_groups_on_every_date()
    {
        var tournament = TournamentDay();
        await using var server = await ServeAsync((context, isTournament) => Json(context, isTournament ? tournament : RegularSlateBytes()));
        var options = IngestHarness.FastOptions(server.BaseUrl);
        options.BackfillDelayMilliseconds = 0;
        using var source = IngestHarness.Espn(options);
        var runner = new BackfillRunner(source, harness.Ingester, harness.Runs, database.Games, options, TimeProvider.System);

        var summary = await runner.RunAsync(Leagues.Mens, FirstRound, FirstRound.AddDays(1), _ => { }, CancellationToken.None);

        Assert.AreEqual(2, summary.Succeeded, "both dates succeeded: summary.Succeeded");
        Assert.AreEqual(0, summary.Failed, "both dates succeeded: summary.Failed");
        Assert.AreEqual(2, server.Requests.Count(r => r.PathAndQuery.Contains("groups=100", StringComparison.Ordinal)), "groups=100 asked on each date");
        Assert.AreEqual(57L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "every game once");
    }
}
