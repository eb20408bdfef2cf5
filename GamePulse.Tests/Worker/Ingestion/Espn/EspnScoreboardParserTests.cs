using System.Text.Json.Nodes;
using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Espn;

namespace GamePulse.Tests.Worker.Ingestion.Espn;

[TestClass]
public sealed class EspnScoreboardParserTests
{
    private static ParsedScoreboard Parse(string fixture) =>
        ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)), Leagues.Mens);

    [TestMethod]
    [DataRow("espn/scoreboard-2025-02-04-mixed-early.json", 10)]
    [DataRow("espn/scoreboard-2025-02-04-mixed.json", 10)]
    [DataRow("espn/scoreboard-2025-02-11-mixed.json", 12)]
    [DataRow("espn/summary-401828387.json", 1)]
    [DataRow("espn/summary-401820689-pre.json", 1)]
    public void Every_basketball_fixture_parses_without_skipping_a_game(string fixture, int games)
    {
        var parsed = Parse(fixture);

        Assert.AreEqual(ScoreSource.Espn, parsed.Source);
        Assert.HasCount(games, parsed.Games);
        Assert.IsEmpty(parsed.Skipped);
        Assert.HasCount(games * 2, parsed.Teams);
    }

    [TestMethod]
    public void The_football_scoreboard_is_rejected_with_a_clear_reason()
    {
        var ex = Assert.ThrowsExactly<PayloadException>(() => Parse("espn/scoreboard-cfb-2025-09-26-final.json"));

        StringAssert.Contains(ex.Message, "college-football");
    }

    [TestMethod]
    public void A_live_game_carries_score_clock_period_line_scores_ranks_records_venue_and_broadcast()
    {
        var game = Parse("espn/scoreboard-2025-02-04-mixed.json").Games.Single(g => g.Game.ExternalId == "401719131");

        Assert.AreEqual(("2599", "269"), (game.HomeTeamExternalId, game.AwayTeamExternalId));
        var g = game.Game;
        Assert.AreEqual(GameState.Live, g.State);
        Assert.AreEqual((short)2, g.Period);
        Assert.AreEqual("5:09", g.Clock);
        Assert.AreEqual("5:09 - 2nd Half", g.Detail);
        Assert.AreEqual((short)54, g.HomeScore);
        CollectionAssert.AreEqual(new short[] { 30, 24 }, g.HomeLineScores);
        Assert.AreEqual(((short)12, (short)11), (g.HomeRank!.Value, g.AwayRank!.Value));
        Assert.AreEqual("19-3", g.HomeRecord);
        Assert.AreEqual(("Madison Square Garden", "New York", "NY"), (g.VenueName, g.VenueCity, g.VenueState));
        Assert.AreEqual("FS1", g.Broadcast);
        Assert.IsTrue(g.ConferenceGame);
        Assert.IsFalse(g.NeutralSite);
        Assert.AreEqual(((short)2025, "regular"), (g.Season, g.SeasonType));
        Assert.AreEqual(new DateTimeOffset(2025, 2, 4, 23, 30, 0, TimeSpan.Zero), g.StartTime);
    }

    [TestMethod]
    public void A_late_tip_off_belongs_to_its_US_Eastern_date_not_the_next_UTC_day()
    {
        var game = Parse("espn/scoreboard-2025-02-04-mixed.json").Games.Single(g => g.Game.ExternalId == "401721404").Game;

        Assert.AreEqual(new DateTimeOffset(2025, 2, 5, 3, 0, 0, TimeSpan.Zero), game.StartTime);
        Assert.AreEqual(new DateOnly(2025, 2, 4), game.GameDate);
        Assert.AreEqual(GameState.Scheduled, game.State);
        Assert.IsNull(game.HomeScore, "a scheduled game's \"0\" is not a score");
        Assert.IsNull(game.Period);
        Assert.IsNull(game.Clock);
        Assert.IsNull(game.HomeLineScores);
    }

    [TestMethod]
    public void Halftime_float_line_scores_and_rank_99_as_unranked()
    {
        var game = Parse("espn/scoreboard-2025-02-11-mixed.json").Games.Single(g => g.Game.ExternalId == "401708388").Game;

        Assert.AreEqual(GameState.Halftime, game.State);
        Assert.AreEqual((short)1, game.Period);
        Assert.IsNull(game.Clock);
        CollectionAssert.AreEqual(new short[] { 32 }, game.HomeLineScores);
        Assert.IsNull(game.HomeRank, "99 means unranked");
        Assert.AreEqual((short)1, game.AwayRank);
        Assert.AreEqual(((short)32, (short)34), (game.HomeScore!.Value, game.AwayScore!.Value));
    }

    [TestMethod]
    public void Team_colours_logo_and_names_come_from_the_payload()
    {
        var team = Parse("espn/scoreboard-2025-02-04-mixed.json").Teams.First(t => t.ExternalId == "2599");

        Assert.AreEqual(new FeedTeam("2599", "St. John's Red Storm", "St John's", "St. John's", "Red Storm", "SJU", "d10000", "101010", "https://a.espncdn.com/i/teamlogos/ncaa/500/2599.png"), team);
    }

    [TestMethod]
    public void A_final_summary_parses_like_a_scoreboard_event()
    {
        var parsed = Parse("espn/summary-401828387.json");
        var game = parsed.Games.Single();

        Assert.AreEqual(("179", "139"), (game.HomeTeamExternalId, game.AwayTeamExternalId));
        var g = game.Game;
        Assert.AreEqual(("401828387", GameState.Final, "Final"), (g.ExternalId, g.State, g.Detail));
        Assert.AreEqual(((short)62, (short)97), (g.HomeScore!.Value, g.AwayScore!.Value));
        CollectionAssert.AreEqual(new short[] { 26, 36 }, g.HomeLineScores);
        CollectionAssert.AreEqual(new short[] { 58, 39 }, g.AwayLineScores);
        Assert.AreEqual((short)24, g.AwayRank);
        Assert.AreEqual(("Reilly Center", "Saint Bonaventure", "NY"), (g.VenueName, g.VenueCity, g.VenueState));
        Assert.AreEqual(("12-8", "19-1"), (g.HomeRecord, g.AwayRecord));
        Assert.AreEqual("ESPN2", g.Broadcast);
        Assert.AreEqual((new DateOnly(2026, 1, 23), (short)2026), (g.GameDate, g.Season));
        Assert.AreEqual("https://a.espncdn.com/i/teamlogos/ncaa/500/179.png", parsed.Teams[0].LogoUrl);
    }

    [TestMethod]
    public void A_pre_game_summary_is_scheduled_with_its_rank_and_venue()
    {
        var g = Parse("espn/summary-401820689-pre.json").Games.Single().Game;

        Assert.AreEqual(GameState.Scheduled, g.State);
        Assert.AreEqual((short)5, g.HomeRank);
        Assert.IsNull(g.AwayRank);
        Assert.AreEqual("Cameron Indoor Stadium", g.VenueName);
        Assert.AreEqual("The CW Network", g.Broadcast);
    }

    [TestMethod]
    public void One_unreadable_event_is_skipped_and_the_others_still_parse()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json")))!;
        json["events"]![3]!["competitions"]![0]!.AsObject().Remove("competitors");

        var parsed = ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Leagues.Mens);

        Assert.HasCount(9, parsed.Games);
        Assert.HasCount(1, parsed.Skipped);
        Assert.AreEqual("401708371", parsed.Skipped[0].ExternalId);
    }

    [TestMethod]
    public void A_womens_request_refuses_a_mens_payload()
    {
        var ex = Assert.ThrowsExactly<PayloadException>(() =>
            ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json")), Leagues.Womens));

        StringAssert.Contains(ex.Message, "mens-college-basketball");
    }

    [TestMethod]
    [DataRow("STATUS_SCHEDULED", "pre", GameState.Scheduled)]
    [DataRow("STATUS_IN_PROGRESS", "in", GameState.Live)]
    [DataRow("STATUS_END_PERIOD", "in", GameState.Live)]
    [DataRow("STATUS_HALFTIME", "in", GameState.Halftime)]
    [DataRow("STATUS_FINAL", "post", GameState.Final)]
    [DataRow("STATUS_FINAL_OT", "post", GameState.Final)]
    [DataRow("STATUS_POSTPONED", "post", GameState.Postponed)]
    [DataRow("STATUS_CANCELED", "post", GameState.Canceled)]
    [DataRow("STATUS_DELAYED", "in", GameState.Delayed)]
    [DataRow("STATUS_SOMETHING_NEW", "in", GameState.Live)]
    [DataRow("STATUS_SOMETHING_NEW", "post", GameState.Final)]
    public void Every_ESPN_status_maps_to_a_state(string name, string state, string expected) =>
        Assert.AreEqual(expected, EspnScoreboardParser.MapState(name, state));

    [TestMethod]
    public void An_unknown_status_with_an_unknown_state_is_not_guessed() =>
        Assert.IsNull(EspnScoreboardParser.MapState("STATUS_WHATEVER", "weird"));

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("{\"leagues\":[],\"events\":[{\"id\":\"1\"")]
    [DataRow("<html>Service Unavailable</html>")]
    [DataRow("{\"unexpected\":true}")]
    public void Empty_truncated_or_foreign_bodies_are_payload_errors(string body) =>
        Assert.ThrowsExactly<PayloadException>(() => ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(body), Leagues.Mens));

    [TestMethod]
    public void A_home_favourite_has_a_negative_home_spread_and_the_total()
    {
        // ARIZ @ BYU, "BYU -3.5", homeTeamOdds.favorite = true.
        var game = Parse("espn/scoreboard-2025-02-04-mixed.json").Games.Single(g => g.Game.ExternalId == "401725711").Game;

        Assert.AreEqual(-3.5m, game.HomeSpread);
        Assert.AreEqual(152.5m, game.OverUnder);
    }

    [TestMethod]
    public void An_away_favourite_has_a_positive_home_spread()
    {
        // ARIZ @ KSU, "ARIZ -3.5", awayTeamOdds.favorite = true.
        var game = Parse("espn/scoreboard-2025-02-11-mixed.json").Games.Single(g => g.Game.ExternalId == "401725727").Game;

        Assert.AreEqual(3.5m, game.HomeSpread);
        Assert.AreEqual(149.5m, game.OverUnder);
    }

    [TestMethod]
    public void A_game_without_odds_has_no_line()
    {
        // The live games of the recorded scoreboards carry "odds": absent once the ball is up.
        var game = Parse("espn/scoreboard-2025-02-04-mixed.json").Games.Single(g => g.Game.ExternalId == "401719131").Game;

        Assert.IsNull(game.HomeSpread);
        Assert.IsNull(game.OverUnder);
    }

    [TestMethod]
    [DataRow("\"spread\": \"n/a\"", DisplayName = "a spread that is not a number")]
    [DataRow("\"spread\": 350.5", DisplayName = "a spread out of range")]
    [DataRow("\"spread\": 3.5, \"homeTeamOdds\": {\"favorite\": true}", DisplayName = "a sign that contradicts the favourite")]
    [DataRow("\"spread\": null, \"overUnder\": \"\"", DisplayName = "empty values")]
    public void An_odd_line_is_dropped_and_the_game_still_parses(string odds)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json")))!;
        var competition = json["events"]!.AsArray().Single(e => (string?)e!["id"] == "401725711")!["competitions"]![0]!;
        competition["odds"] = JsonNode.Parse($"[{{{odds}}}]");

        var parsed = ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Leagues.Mens);

        Assert.IsEmpty(parsed.Skipped);
        Assert.IsNull(parsed.Games.Single(g => g.Game.ExternalId == "401725711").Game.HomeSpread);
    }
}
