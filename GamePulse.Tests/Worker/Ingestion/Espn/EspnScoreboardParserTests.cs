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

        Assert.AreEqual("2599", game.HomeTeamExternalId, "game.HomeTeamExternalId");
        Assert.AreEqual("269", game.AwayTeamExternalId, "game.AwayTeamExternalId");
        var g = game.Game;
        Assert.AreEqual(GameState.Live, g.State);
        Assert.AreEqual((short)2, g.Period);
        Assert.AreEqual("5:09", g.Clock);
        Assert.AreEqual("5:09 - 2nd Half", g.Detail);
        Assert.AreEqual((short)54, g.HomeScore);
        CollectionAssert.AreEqual(new short[] { 30, 24 }, g.HomeLineScores);
        Assert.AreEqual((short)12, g.HomeRank!.Value, "g.HomeRank!.Value");
        Assert.AreEqual((short)11, g.AwayRank!.Value, "g.AwayRank!.Value");
        Assert.AreEqual("19-3", g.HomeRecord);
        Assert.AreEqual("Madison Square Garden", g.VenueName, "g.VenueName");
        Assert.AreEqual("New York", g.VenueCity, "g.VenueCity");
        Assert.AreEqual("NY", g.VenueState, "g.VenueState");
        Assert.AreEqual("FS1", g.Broadcast);
        Assert.IsTrue(g.ConferenceGame);
        Assert.IsFalse(g.NeutralSite);
        Assert.AreEqual((short)2025, g.Season, "g.Season");
        Assert.AreEqual("regular", g.SeasonType, "g.SeasonType");
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
        Assert.AreEqual((short)32, game.HomeScore!.Value, "game.HomeScore!.Value");
        Assert.AreEqual((short)34, game.AwayScore!.Value, "game.AwayScore!.Value");
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

        Assert.AreEqual("179", game.HomeTeamExternalId, "game.HomeTeamExternalId");
        Assert.AreEqual("139", game.AwayTeamExternalId, "game.AwayTeamExternalId");
        var g = game.Game;
        Assert.AreEqual("401828387", g.ExternalId, "g.ExternalId");
        Assert.AreEqual(GameState.Final, g.State, "g.State");
        Assert.AreEqual("Final", g.Detail, "g.Detail");
        Assert.AreEqual((short)62, g.HomeScore!.Value, "g.HomeScore!.Value");
        Assert.AreEqual((short)97, g.AwayScore!.Value, "g.AwayScore!.Value");
        CollectionAssert.AreEqual(new short[] { 26, 36 }, g.HomeLineScores);
        CollectionAssert.AreEqual(new short[] { 58, 39 }, g.AwayLineScores);
        Assert.AreEqual((short)24, g.AwayRank);
        Assert.AreEqual("Reilly Center", g.VenueName, "g.VenueName");
        Assert.AreEqual("Saint Bonaventure", g.VenueCity, "g.VenueCity");
        Assert.AreEqual("NY", g.VenueState, "g.VenueState");
        Assert.AreEqual("12-8", g.HomeRecord, "g.HomeRecord");
        Assert.AreEqual("19-1", g.AwayRecord, "g.AwayRecord");
        Assert.AreEqual("ESPN2", g.Broadcast);
        Assert.AreEqual(new DateOnly(2026, 1, 23), g.GameDate, "g.GameDate");
        Assert.AreEqual((short)2026, g.Season, "g.Season");
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

    private static JsonNode Fixture(string fixture) => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(fixture)))!;

    private static ParsedScoreboard Parse(JsonNode json) => ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Leagues.Mens);

    private static JsonNode Event(JsonNode json, string id) => json["events"]!.AsArray().Single(e => (string?)e!["id"] == id)!;

    [TestMethod]
    public void Numbers_sent_as_strings_and_strings_sent_as_numbers_read_the_same()
    {
        // 401719131 is live, 54-?, in the 2nd half: its score as a number, its period as a string, a float line score.
        var json = Fixture("espn/scoreboard-2025-02-04-mixed.json");
        var competition = Event(json, "401719131")["competitions"]![0]!;
        var home = competition["competitors"]!.AsArray().Single(c => (string?)c!["homeAway"] == "home")!;
        home["score"] = 54;
        home["linescores"]![0]!["value"] = 30.0;
        competition["status"]!["period"] = "2";
        home["team"]!["id"] = 2599;

        var game = Parse(json).Games.Single(g => g.Game.ExternalId == "401719131");

        Assert.AreEqual((short)54, game.Game.HomeScore);
        Assert.AreEqual((short)2, game.Game.Period);
        CollectionAssert.AreEqual(new short[] { 30, 24 }, game.Game.HomeLineScores);
        Assert.AreEqual("2599", game.HomeTeamExternalId);
    }

    [TestMethod]
    public void An_event_without_a_status_is_skipped_with_the_reason()
    {
        var json = Fixture("espn/scoreboard-2025-02-04-mixed.json");
        var ev = Event(json, "401719131");
        ev.AsObject().Remove("status");
        ev["competitions"]![0]!.AsObject().Remove("status");

        var parsed = Parse(json);

        Assert.HasCount(9, parsed.Games);
        Assert.AreEqual(new SkippedGame("401719131", "event 401719131 has no status"), parsed.Skipped.Single());
    }

    [TestMethod]
    [DataRow("\"names\": \"ESPN\"", DisplayName = "broadcast names that are not an array")]
    [DataRow("\"score\": 1e40", DisplayName = "a score beyond any number")]
    [DataRow("\"status\": \"final\"", DisplayName = "a status that is not an object")]
    public void A_game_with_a_value_of_the_wrong_kind_is_skipped_and_the_others_parse(string change)
    {
        var json = Fixture("espn/scoreboard-2025-02-04-mixed.json");
        var competition = Event(json, "401719131")["competitions"]![0]!;
        var (name, value) = (change[1..change.IndexOf('"', 1)], JsonNode.Parse(change[(change.IndexOf(':') + 1)..]));
        if (name == "names")
        {
            // The single "broadcast" is read first; without it the list is.
            competition.AsObject().Remove("broadcast");
            competition["broadcasts"]![0]![name] = value;
        }
        else if (name == "score")
        {
            competition["competitors"]![0]![name] = value;
        }
        else
        {
            competition[name] = value;
        }

        var parsed = Parse(json);

        Assert.HasCount(9, parsed.Games);
        Assert.AreEqual("401719131", parsed.Skipped.Single().ExternalId);
    }

    [TestMethod]
    public void A_body_truncated_inside_the_leaders_we_skip_is_still_invalid_JSON()
    {
        var body = File.ReadAllBytes(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"));
        var leaders = body.AsSpan().IndexOf("\"leaders\""u8);

        var ex = Assert.ThrowsExactly<PayloadException>(() => ScoreboardPayload.Parse(body.AsMemory()[..(leaders + 200)], Leagues.Mens, ScoreSource.Espn));

        StringAssert.StartsWith(ex.Message, "Payload is not valid JSON");
    }

    [TestMethod]
    [DataRow("\"leaders\": [", "\"leaders\": [{\"a\": tru},", DisplayName = "a bad literal inside leaders")]
    [DataRow("\"statistics\": [", "\"statistics\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],", DisplayName = "nesting deeper than 128 inside statistics")]
    public void Invalid_JSON_inside_a_subtree_we_skip_is_still_a_payload_error(string find, string replace)
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        var body = System.Text.Encoding.UTF8.GetBytes(text[..at] + replace + text[(at + find.Length)..]);

        Assert.ThrowsExactly<PayloadException>(() => ScoreboardPayload.Parse(body, Leagues.Mens));
    }

    [TestMethod]
    public void Data_after_the_scoreboard_is_a_payload_error()
    {
        var body = File.ReadAllBytes(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"));

        Assert.ThrowsExactly<PayloadException>(() => ScoreboardPayload.Parse(body.Concat("{}"u8.ToArray()).ToArray(), Leagues.Mens));
    }

    [TestMethod]
    public void Escaped_property_names_and_values_are_read_unescaped()
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"))
            .Replace("\"homeAway\"", "\"home\\u0041way\"", StringComparison.Ordinal)
            .Replace("\"St. John's Red Storm\"", "\"St. John\\u0027s Red Storm\"", StringComparison.Ordinal);

        var parsed = ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(text), Leagues.Mens);

        Assert.HasCount(10, parsed.Games);
        Assert.AreEqual("St. John's Red Storm", parsed.Teams.First(t => t.ExternalId == "2599").DisplayName);
    }

    [TestMethod]
    public void Text_that_is_not_UTF8_skips_its_game_or_fails_the_payload_but_never_escapes()
    {
        var body = File.ReadAllBytes(RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"));
        byte[] Corrupt(string marker)
        {
            var copy = (byte[])body.Clone();
            copy[copy.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker)) + marker.Length] = 0xFF;
            return copy;
        }

        var parsed = ScoreboardPayload.Parse(Corrupt("\"displayName\": \"St. John"), Leagues.Mens);
        Assert.HasCount(9, parsed.Games);
        Assert.HasCount(1, parsed.Skipped);
        Assert.ThrowsExactly<PayloadException>(() => ScoreboardPayload.Parse(Corrupt("\"slug\": \""), Leagues.Mens));
    }

    [TestMethod]
    public void A_summary_is_detected_by_its_header_after_the_box_score_and_plays()
    {
        var parsed = ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("espn/summary-401828387.json")), Leagues.Mens, source: null);

        Assert.AreEqual(ScoreSource.Espn, parsed.Source, "parsed.Source");
        Assert.AreEqual("401828387", parsed.Games.Single().Game.ExternalId, "parsed.Games.Single().Game.ExternalId");
    }

    [TestMethod]
    [DataRow("{\"games\":[],\"events\":[]}", ScoreSource.Espn)]
    [DataRow("{\"header\":null}", ScoreSource.Espn)]
    [DataRow("{\"other\":{\"events\":[]},\"games\":[]}", ScoreSource.Ncaa)]
    public void Detection_looks_at_the_top_level_names_only(string body, ScoreSource expected) =>
        Assert.AreEqual(expected, ScoreboardPayload.Detect(System.Text.Encoding.UTF8.GetBytes(body)));
}
