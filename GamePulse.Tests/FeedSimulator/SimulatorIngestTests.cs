using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Tests.Worker.Ingestion.Summaries;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Summaries;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.FeedSimulator;

/// <summary>The Worker's real ESPN client, parser and upsert over real HTTP from the simulator into real PostgreSQL.</summary>
[TestClass]
public sealed class SimulatorIngestTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 24, 23, 0, 0, TimeSpan.Zero);
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public Task Reset() => database.ExecuteAsync("TRUNCATE games, ingest_runs CASCADE; DELETE FROM teams WHERE origin = 'feed'");

    private sealed record SlateGame(string EventId, string League, string State, int HomeScore, int AwayScore);

    private sealed record SlateAnswer(List<SlateGame> Games);

    [TestMethod]
    public async Task Both_leagues_slates_are_stored_with_the_simulators_scores_and_move_on_as_the_games_do()
    {
        var clock = new MovableClock(Start);
        await using var simulator = await SimulatorServer.StartAsync(clock, "--seed", "11", "--speed", "1", "--start", Start.ToString("O", CultureInfo.InvariantCulture));
        using var espn = IngestHarness.Espn(IngestHarness.FastOptions(simulator.BaseUrl));
        var harness = IngestHarness.Create(database);
        var date = EasternCalendar.DateOf(Start);
        using var http = new HttpClient();

        foreach (var minutes in new[] { 30, 75, 240 })
        {
            clock.Now = Start + TimeSpan.FromMinutes(minutes);
            foreach (var league in new[] { Leagues.Mens, Leagues.Womens })
            {
                var run = await harness.Ingester.FetchAndIngestAsync(espn, new IngestTarget("test", league, date, ScoreSource.Espn), CancellationToken.None);
                Assert.AreEqual(IngestOutcome.Succeeded, run.Outcome, $"{league.Code} at +{minutes} min: outcome ({run.Error})");
                Assert.AreEqual(12, run.GamesSeen, $"{league.Code} at +{minutes} min: GamesSeen");
                Assert.AreEqual(0, run.GamesSkipped, $"{league.Code} at +{minutes} min: every simulated game parses");
            }

            var slate = await http.GetFromJsonAsync<SlateAnswer>(simulator.BaseUrl + "/_sim/slate", JsonSerializerOptions.Web);
            var stored = (await database.QueryAsync<(string EspnId, string State, short? HomeScore, short? AwayScore)>("SELECT espn_id, state, home_score, away_score FROM games")).ToDictionary(s => s.EspnId);
            Assert.AreEqual(24, stored.Count, $"+{minutes} min: games stored");
            foreach (var game in slate!.Games)
            {
                var row = stored[game.EventId];
                Assert.AreEqual(StateOf(game.State), row.State, $"+{minutes} min, {game.EventId}: state");
                if (row.State != GameState.Scheduled)
                {
                    Assert.AreEqual((short?)game.HomeScore, row.HomeScore, $"+{minutes} min, {game.EventId}: home score");
                    Assert.AreEqual((short?)game.AwayScore, row.AwayScore, $"+{minutes} min, {game.EventId}: away score");
                }
            }
        }

        var feedTeams = await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE origin = 'feed'");
        Assert.AreEqual(0L, feedTeams, "every simulated team is a seeded team: none was created from the feed");
        var finals = await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE state = 'final'");
        Assert.IsGreaterThan(0L, finals, "four hours in, the early games are final");
    }

    [TestMethod]
    public async Task A_live_games_summary_is_stored_with_plays_and_a_box_score_that_adds_up_to_the_score()
    {
        var clock = new MovableClock(Start + TimeSpan.FromMinutes(50));
        await using var simulator = await SimulatorServer.StartAsync(clock, "--seed", "11", "--start", Start.ToString("O", CultureInfo.InvariantCulture));
        var options = IngestHarness.FastOptions(simulator.BaseUrl);
        using var summaries = new EspnSummarySource(Options.Create(options), Options.Create(new SummaryOptions { RequestsPerSecond = 50 }), TimeProvider.System);
        var harness = new SummaryHarness(database);
        using var http = new HttpClient();
        var slate = await http.GetFromJsonAsync<SlateAnswer>(simulator.BaseUrl + "/_sim/slate", JsonSerializerOptions.Web);
        var live = slate!.Games.First(g => g.League == Leagues.Mens.Slug && g.State == "STATUS_IN_PROGRESS");

        var response = await summaries.FetchAsync(Leagues.Mens, live.EventId, CancellationToken.None);
        var stored = await harness.Ingester.StoreAsync(Leagues.Mens, response.Body, CancellationToken.None);

        Assert.AreEqual(GameState.Live, stored.State, "stored.State");
        var plays = await database.ScalarAsync<long>("SELECT count(*) FROM game_plays WHERE game_id = @id", new { id = stored.GameId });
        Assert.IsGreaterThan(20L, plays, "fifty minutes in, the game has plays");
        var points = await database.QueryAsync<(string EspnId, string State, short? HomeScore, short? AwayScore)>(
            "SELECT g.espn_id, g.state, (SELECT sum(points) FROM game_player_stats p WHERE p.game_id = g.id AND p.side = 'home')::smallint AS home_score, (SELECT sum(points) FROM game_player_stats p WHERE p.game_id = g.id AND p.side = 'away')::smallint AS away_score FROM games g WHERE g.id = @id",
            new { id = stored.GameId });
        Assert.AreEqual((short?)live.HomeScore, points.Single().HomeScore, "the home players' points add up to the home score");
        Assert.AreEqual((short?)live.AwayScore, points.Single().AwayScore, "the away players' points add up to the away score");
        var leaders = await database.ScalarAsync<long>("SELECT count(*) FROM game_leaders WHERE game_id = @id", new { id = stored.GameId });
        Assert.AreEqual(6L, leaders, "points, rebounds and assists leaders of both teams");
    }

    private static string StateOf(string espnStatus) => espnStatus switch
    {
        "STATUS_SCHEDULED" => GameState.Scheduled,
        "STATUS_HALFTIME" => GameState.Halftime,
        "STATUS_FINAL" => GameState.Final,
        _ => GameState.Live,
    };
}
