using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Ncaa;

namespace GamePulse.Tests.Worker.Ingestion.Ncaa;

[TestClass]
public sealed class NcaaScoreboardParserTests
{
    private static ParsedScoreboard Parse(string fixture, GamePulse.Data.Leagues.League league) =>
        ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)), league);

    [TestMethod]
    public void The_2021_mens_day_parses_every_game_with_the_numeric_url_id()
    {
        var parsed = Parse("ncaa/scoreboard-men-2021-02-13-pre.json", Leagues.Mens);

        Assert.AreEqual(ScoreSource.Ncaa, parsed.Source);
        Assert.HasCount(131, parsed.Games);
        Assert.IsEmpty(parsed.Skipped);
        Assert.AreEqual(new DateOnly(2021, 2, 13), parsed.Date);
        Assert.AreEqual(7, parsed.Games.Count(g => g.Game.State == GameState.Postponed));
        Assert.AreEqual(124, parsed.Games.Count(g => g.Game.State == GameState.Scheduled));
        Assert.IsTrue(parsed.Games.All(g => g.Game.ExternalId.All(char.IsDigit)), "the id is the number in url, not the UUID gameID");
    }

    [TestMethod]
    public void Ranks_records_conference_games_and_start_times_are_read_from_strings()
    {
        var game = Parse("ncaa/scoreboard-men-2021-02-13-pre.json", Leagues.Mens).Games.Single(g => g.Game.ExternalId == "5763918");

        Assert.AreEqual("ohio-st", game.HomeTeamExternalId, "game.HomeTeamExternalId");
        Assert.AreEqual("indiana", game.AwayTeamExternalId, "game.AwayTeamExternalId");
        Assert.AreEqual((short)7, game.Game.HomeRank);
        Assert.IsNull(game.Game.AwayRank);
        Assert.AreEqual("15-4", game.Game.HomeRecord, "game.Game.HomeRecord");
        Assert.AreEqual("9-8", game.Game.AwayRecord, "game.Game.AwayRecord");
        Assert.IsTrue(game.Game.ConferenceGame, "both Big Ten; the Top 25 pseudo-conference does not count");
        Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(1613235600), game.Game.StartTime);
        Assert.IsNull(game.Game.HomeScore);
        Assert.AreEqual((short)2021, game.Game.Season, "game.Game.Season");
        Assert.AreEqual("regular", game.Game.SeasonType, "game.Game.SeasonType");
    }

    [TestMethod]
    public void A_TBA_start_time_is_stored_as_unknown_but_the_date_is_kept()
    {
        var game = Parse("ncaa/scoreboard-men-2021-02-13-pre.json", Leagues.Mens).Games.Single(g => g.Game.ExternalId == "5762580").Game;

        Assert.IsNull(game.StartTime);
        Assert.AreEqual(new DateOnly(2021, 2, 13), game.GameDate);
    }

    [TestMethod]
    public void The_2025_womens_championship_is_a_final_postseason_game_with_seeds()
    {
        var parsed = Parse("ncaa/scoreboard-women-2025-04-06-final.json", Leagues.Womens);
        var game = parsed.Games.Single();
        var g = game.Game;

        Assert.AreEqual("6384811", g.ExternalId);
        Assert.AreEqual("south-carolina", game.HomeTeamExternalId, "game.HomeTeamExternalId");
        Assert.AreEqual("uconn", game.AwayTeamExternalId, "game.AwayTeamExternalId");
        Assert.AreEqual(GameState.Final, g.State, "g.State");
        Assert.AreEqual("Final", g.Detail, "g.Detail");
        Assert.AreEqual((short)59, g.HomeScore!.Value, "g.HomeScore!.Value");
        Assert.AreEqual((short)82, g.AwayScore!.Value, "g.AwayScore!.Value");
        Assert.AreEqual((short)1, g.HomeSeed!.Value, "g.HomeSeed!.Value");
        Assert.AreEqual((short)2, g.AwaySeed!.Value, "g.AwaySeed!.Value");
        Assert.AreEqual("33-3", g.HomeRecord, "g.HomeRecord");
        Assert.AreEqual("35-3", g.AwayRecord, "g.AwayRecord");
        Assert.AreEqual("ABC", g.Broadcast, "g.Broadcast");
        Assert.AreEqual("Championship", g.Notes, "g.Notes");
        Assert.AreEqual("postseason", g.SeasonType, "g.SeasonType");
        Assert.IsFalse(g.ConferenceGame);
        Assert.AreEqual(new DateOnly(2025, 4, 6), g.GameDate, "g.GameDate");
        Assert.AreEqual((short)2025, g.Season, "g.Season");
        Assert.AreEqual(new DateTimeOffset(2025, 4, 6, 19, 0, 0, TimeSpan.Zero), g.StartTime);
        Assert.AreEqual(new FeedTeam("uconn", "UConn", "UConn", "UConn", null, "UCONN", null, null, null), parsed.Teams.Single(t => t.ExternalId == "uconn"));
    }

    [TestMethod]
    [DataRow("pre", "", GameState.Scheduled)]
    [DataRow("live", "2ND", GameState.Live)]
    [DataRow("live", "HALF", GameState.Halftime)]
    [DataRow("final", "FINAL", GameState.Final)]
    [DataRow("postponed", "", GameState.Postponed)]
    [DataRow("canceled", "", GameState.Canceled)]
    [DataRow("cancelled", "", GameState.Canceled)]
    [DataRow("delayed", "1ST", GameState.Delayed)]
    public void Every_NCAA_game_state_maps(string gameState, string period, string expected) =>
        Assert.AreEqual(expected, NcaaScoreboardParser.MapState(gameState, period));

    [TestMethod]
    [DataRow("1ST", 2, 1)]
    [DataRow("2ND", 2, 2)]
    [DataRow("HALF", 2, 1)]
    [DataRow("OT", 2, 3)]
    [DataRow("2OT", 2, 4)]
    [DataRow("4TH", 4, 4)]
    [DataRow("OT", 4, 5)]
    [DataRow("HALF", 4, 2)]
    public void Periods_count_halves_or_quarters_then_overtimes(string currentPeriod, int regulation, int expected) =>
        Assert.AreEqual((short)expected, NcaaScoreboardParser.PeriodNumber(currentPeriod, regulation));

    [TestMethod]
    public void A_live_game_without_a_url_number_uses_gameID_and_reads_clock_and_scores()
    {
        const string body = """
            {"games":[{"game":{"gameID":"3158001","url":"/game/basketball-men/d1/2018/02/13/duke-unc","gameState":"live",
              "currentPeriod":"2ND","contestClock":"04:12","startTimeEpoch":"1518570000","startDate":"02-13-2018","startTime":"09:00PM ET",
              "home":{"score":"61","rank":"","names":{"seo":"north-carolina","short":"North Carolina","char6":"UNC"},"description":"(18-8)",
                      "conferenceNames":{"conferenceName":"ACC","conferenceSeo":"acc"}},
              "away":{"score":"58","rank":"12","names":{"seo":"duke","short":"Duke","char6":"DUKE"},"description":"(20-5)",
                      "conferenceNames":{"conferenceName":"ACC","conferenceSeo":"acc"}}}}]}
            """;

        var g = ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(body), Leagues.Mens).Games.Single().Game;

        Assert.AreEqual("3158001", g.ExternalId, "g.ExternalId");
        Assert.AreEqual(GameState.Live, g.State, "g.State");
        Assert.AreEqual((short)2, g.Period, "g.Period");
        Assert.AreEqual("04:12", g.Clock, "g.Clock");
        Assert.AreEqual((short)61, g.HomeScore!.Value, "g.HomeScore!.Value");
        Assert.AreEqual((short)58, g.AwayScore!.Value, "g.AwayScore!.Value");
        Assert.AreEqual((short)12, g.AwayRank!.Value, "g.AwayRank!.Value");
        Assert.IsTrue(g.ConferenceGame);
    }
}
