using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion.Espn;
using static GamePulse.Tests.Worker.Ingestion.Espn.TournamentPayloads;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>
/// A bracket slot through the whole pipeline: listed with a placeholder (ESPN's id "-2", "TBD"), then named by a later
/// payload. The payloads are built from real shapes (<see cref="TournamentPayloads"/>).
/// </summary>
[TestClass]
public sealed class PlaceholderTeamsTests
{
    private static readonly DateTimeOffset Saturday = new(2026, 3, 21, 18, 0, 0, TimeSpan.Zero);
    private const string Headline = "Men's Basketball Championship - South Region - 2nd Round";
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

    private static byte[] SecondRound(Side away, string state = "pre") =>
        Scoreboard([new Slot("401900010", Saturday, Headline, SeedTeams(1)[0] with { Seed = 1 }, away, state, 70, 60)]);

    [TestMethod]
    public async Task A_placeholder_is_stored_as_an_unknown_side_and_never_becomes_a_team()
    {
        var teamsBefore = await database.ScalarAsync<long>("SELECT count(*) FROM teams");

        var report = await harness.BytesAsync(SecondRound(Side.Placeholder()));

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "the game is written: report.Outcome");
        Assert.AreEqual(1, report.GamesInserted, "the game is written: report.GamesInserted");
        Assert.AreEqual(teamsBefore, await database.ScalarAsync<long>("SELECT count(*) FROM teams"), "no team was created");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE display_name = 'TBD' OR espn_id LIKE '-%'"), "no TBD team");
        var game = (await database.Games.GetScoreboardAsync(1, new DateOnly(2026, 3, 21))).Single();
        Assert.AreEqual(0, game.Away.Id, "the unknown side as pages read it: game.Away.Id");
        Assert.AreEqual(GameTeam.Unknown, game.Away.ShortName, "the unknown side as pages read it: game.Away.ShortName");
        Assert.AreEqual(GameTeam.UnknownSlug, game.Away.Slug, "the unknown side as pages read it: game.Away.Slug");
        Assert.IsFalse(game.Away.IsKnown, "unknown");
        Assert.IsTrue(game.Home.IsKnown, "the named side is a team");
        Assert.AreEqual(Tournaments.Ncaa, game.Tournament, "tournament metadata: game.Tournament");
        Assert.AreEqual("South", game.TournamentRegion, "tournament metadata: game.TournamentRegion");
        Assert.AreEqual("2nd Round", game.TournamentRound, "tournament metadata: game.TournamentRound");
        Assert.IsNotNull(game.PulseScore, "a new game with an unknown side is still scored");
    }

    [TestMethod]
    public async Task A_later_payload_that_names_the_team_fills_the_same_game_and_an_older_one_does_not_undo_it()
    {
        var opponent = SeedTeams(2)[1] with { Seed = 8 };
        await harness.BytesAsync(SecondRound(Side.Placeholder("Winner of Game 1")));
        var id = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = '401900010'");
        Assert.AreEqual("Winner of Game 1", (await database.Games.FindByIdAsync(id))!.Away.DisplayName, "the label is shown while the side is unknown");

        var named = await harness.BytesAsync(SecondRound(opponent));
        var stale = await harness.BytesAsync(SecondRound(Side.Placeholder()));

        Assert.AreEqual(1, named.GamesUpdated, "the named payload updates the game");
        var game = (await database.Games.FindByIdAsync(id))!;
        Assert.AreEqual(await database.MensTeamIdAsync(opponent.EspnId), game.Away.Id, "the same game id now has the team");
        Assert.AreEqual((short)8, (short?)game.Away.Seed, "with its seed");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "still one game");
        Assert.AreEqual(0, stale.GamesUpdated, "an older payload still showing TBD changes nothing");
        Assert.AreEqual(game.Away.Id, (await database.Games.FindByIdAsync(id))!.Away.Id, "the side stays known");
    }

    [TestMethod]
    public async Task A_game_of_two_unknown_sides_is_stored()
    {
        var body = Scoreboard([new Slot("401900099", Saturday.AddDays(14), "Men's Basketball Championship - National Championship", Side.Placeholder(), Side.Placeholder())]);

        var report = await harness.BytesAsync(body);

        Assert.AreEqual(1, report.GamesInserted, "the final is listed before either finalist is known");
        var game = (await database.Games.GetScoreboardAsync(1, new DateOnly(2026, 4, 4))).Single();
        Assert.AreEqual(GameTeam.Unknown, game.Away.ShortName, "both sides TBD: game.Away.ShortName");
        Assert.AreEqual(GameTeam.Unknown, game.Home.ShortName, "both sides TBD: game.Home.ShortName");
    }
}
